# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French for the moderation queue's filters (issue 16): by article, by section, a search
(kiosque/discussion/moderation_filters.py, templates/discussion/admin/queue.html).
Filled into the .po files by `make messages` with the other scripts/translations_fr*.py.
No-break space (U+00A0) before the colon, as French typesetting wants."""

TRANSLATIONS = {
    "Filter the queue": "Filtrer la file",
    "All articles": "Tous les articles",
    "All sections": "Toutes les rubriques",
    "Words or reader's name": "Mots ou nom du lecteur",
    "Clear the filters": "Retirer les filtres",
    "Only this article's comments": "Seulement les commentaires de cet article",
    "Pages of the queue": "Pages de la file",
    "Previous page": "Page précédente",
    "No comment of this queue matches the filters.": "Aucun commentaire de cette file ne correspond aux filtres.",
    "No such article: the article filter is ignored.": "Article introuvable\xa0: le filtre par article est ignoré.",
    "That is not a section of this site: the section filter is ignored.": "Ce n’est pas une rubrique de ce site\xa0: le filtre par rubrique est ignoré.",
    "The search is limited to %(max)s characters: the rest is ignored.": "La recherche est limitée à %(max)s caractères\xa0: la suite est ignorée.",
    # ngettext entries: (singular, plural).
    "%(counter)s comment matches the filters.": (
        "%(counter)s commentaire correspond aux filtres.",
        "%(counter)s commentaires correspondent aux filtres.",
    ),
}
