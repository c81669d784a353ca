# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French translations of the reader search (kiosque/search and the header form).

Filled into the .po files by `make messages` with the other scripts/translations_fr*.py.
No-break spaces (U+00A0) before « : » and inside « », narrow ones (U+202F) before « ; ».
"""

NBSP = "\u00a0"
NNBSP = "\u202f"

TRANSLATIONS = {
    # Header form and page
    "Search": "Rechercher",
    "Search the articles": "Rechercher dans les articles",
    "Search the site": "Recherche sur le site",
    "Search and filters": "Recherche et filtres",
    "%(query)s – Search": "%(query)s – Recherche",
    "Filters": "Filtres",
    "Section": "Rubrique",
    "All sections": "Toutes les rubriques",
    "Article type": "Type d’article",
    "All types": "Tous les types",
    "Published from": "Publié à partir du",
    "Published until": "Publié jusqu’au",
    # Results
    "No article for “%(query)s”": f"Aucun article pour «{NBSP}%(query)s{NBSP}»",
    "1 article for “%(query)s”": f"1{NBSP}article pour «{NBSP}%(query)s{NBSP}»",
    "%(count)s articles for “%(query)s”": f"%(count)s{NBSP}articles pour «{NBSP}%(query)s{NBSP}»",
    "More than %(count)s articles for “%(query)s”": (
        f"Plus de %(count)s{NBSP}articles pour «{NBSP}%(query)s{NBSP}»"
    ),
    "No article contains all these words: here are the articles that contain some of them.": (
        f"Aucun article ne contient tous ces mots{NBSP}: voici ceux qui en contiennent une partie."
    ),
    "Pages of results": "Pages de résultats",
    "Previous results": "Résultats précédents",
    "More results": "Résultats suivants",
    "Some ideas:": f"Quelques pistes{NBSP}:",
    "check the spelling of the words;": f"vérifiez l’orthographe des mots{NNBSP};",
    "try fewer or more general words;": f"essayez moins de mots, ou des mots plus généraux{NNBSP};",
    "search again without the filters": "relancez la recherche sans les filtres",
    "or browse the sections:": f"ou parcourez les rubriques{NBSP}:",
    "Type at least one word less common than “le”, “de” or “et”.": (
        f"Saisissez au moins un mot moins courant que «{NBSP}le{NBSP}», «{NBSP}de{NBSP}» ou «{NBSP}et{NBSP}»."
    ),
    # Form errors
    "Please correct the search:": f"Veuillez corriger la recherche{NBSP}:",
    "This section does not exist.": "Cette rubrique n’existe pas.",
    "This article type does not exist.": "Ce type d’article n’existe pas.",
    "Enter a date such as 2024-03-31.": "Saisissez une date comme 2024-03-31 ou 31/03/2024.",
    "The start date is after the end date.": "La date de début est postérieure à la date de fin.",
    # Admin
    "search index entry": "entrée de l’index de recherche",
    "search index entries": "entrées de l’index de recherche",
}
