# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French for la une as a news front page, the dossier kickers and English dates
(issue 16). Filled by `make messages`."""

TRANSLATIONS = {
    "Published %(date)s": "Publié le %(date)s",
    "Updated %(date)s": "Mis à jour le %(date)s",
    "Latest news": "Fil info",
    "Indexes": "Index",
    "More on this topic": "Sur le même sujet",
    "front page blocks show articles of the last (days)": "les blocs de la une montrent les articles des derniers (jours)",
    "A section block of la une leaves out older articles, and is not shown when none is that recent; 0 shows the latest whatever their age.": "Un bloc de rubrique de la une laisse de côté les articles plus anciens, et n’est pas affiché quand aucun n’est aussi récent ; 0 montre les derniers quel que soit leur âge.",
    "The articles are published in French: the English interface translates the menus, labels and dates around them.": "Les articles sont publiés en français : l’interface anglaise traduit les menus, les libellés et les dates autour d’eux.",
    "The newsroom has closed the comments on this article.": "La rédaction a fermé les commentaires de cet article.",
    "Likes": "J’aime",
    "You cannot like your own comment.": "Vous ne pouvez pas aimer votre propre commentaire.",
    # ngettext entries: (singular, plural).
    "Comments close %(days)s day after publication.": (
        "Les commentaires ferment %(days)s jour après la publication.",
        "Les commentaires ferment %(days)s jours après la publication.",
    ),
    # The admin's dashboard (newsroom/dashboard.py, wires' panel).
    "New article": "Nouvel article",
    "New article in %(section)s": "Nouvel article dans «\u00a0%(section)s\u00a0»",
    "My drafts": "Mes brouillons",
    "published, with changes not yet published": "publié, avec des modifications non publiées",
    "No draft of yours.": "Aucun brouillon à vous.",
    "Scheduled publications": "Publications programmées",
    "Nothing scheduled.": "Rien de programmé.",
    "Latest dispatches": "Dernières dépêches",
    "Open the wire desk": "Ouvrir les dépêches",
}
