# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French translations of the wires app's interface (the wire desk, its models, the
notices on an article's edit view). Msgids are English; filled in by `make messages`.
No-break spaces (U+00A0) before « : », narrow no-break spaces (U+202F) where French
typography needs them.
"""

NBSP = "\u00a0"

TRANSLATIONS = {
    # App, menu, models
    "Wires": "Dépêches",
    "wires": "dépêches",
    "Wire desk": "Dépêches",
    "Agency dispatch": "Dépêche d’agence",
    "Wire desk only": "Sur le fil seulement",
    "Update the drafts made from a dispatch": "Mettre à jour les brouillons tirés d’une dépêche",
    "Publish automatically (trusted flows)": "Publier automatiquement (flux de confiance)",
    "usable": "utilisable",
    "embargoed": "sous embargo",
    "withheld": "retenue",
    "canceled (killed)": "annulée",
    "Folder drop": "Dépôt dans un dossier",
    "HTTP feed": "Flux HTTP",
    "Detect from each file": "Détecter pour chaque fichier",
    "IPTC ninjs (JSON)": "IPTC ninjs (JSON)",
    "IPTC NewsML-G2 (XML)": "IPTC NewsML-G2 (XML)",
    "name": "nom",
    "agency": "agence",
    "format": "format",
    "kind": "type",
    "folder": "dossier",
    "Folder drop: processed files go to done/, rejected ones to failed/.": (
        "Dépôt dans un dossier : les fichiers traités vont dans done/, les fichiers refusés dans failed/."
    ).replace(" :", f"{NBSP}:"),
    "feed URL": "adresse du flux",
    "default section": "rubrique par défaut",
    "Where articles go when no routing rule matches.": (
        "Rubrique des articles quand aucune règle d’aiguillage ne s’applique."
    ),
    "policy": "politique",
    "polled": "relevée",
    "wire source": "source de dépêches",
    "wire sources": "sources de dépêches",
    "dispatch": "dépêche",
    "dispatches": "dépêches",
    "Subject": "Thème",
    "Place": "Lieu",
    "matches": "critère",
    "code or name": "code ou nom",
    "A code (medtop:11000000) or a name (Ukraine), compared case-insensitively.": (
        "Un code (medtop:11000000) ou un nom (Ukraine), sans tenir compte des majuscules."
    ),
    "priority": "priorité",
    "Lower first.": "Les plus petites d’abord.",
    "wire routing rule": "règle d’aiguillage des dépêches",
    "default section for dispatches": "rubrique par défaut des dépêches",
    "Used with no wire source and no matching routing rule.": (
        "Utilisée sans source de dépêches ni règle d’aiguillage applicable."
    ),
    # The desk
    "Filter the dispatches": "Filtrer les dépêches",
    "Agency": "Agence",
    "All agencies": "Toutes les agences",
    "Any urgency": "Toutes",
    "All languages": "Toutes les langues",
    "All statuses": "Tous les statuts",
    "Urgency up to": "Urgence jusqu’à",
    "Language": "Langue",
    "Status": "Statut",
    "Headline": "Titre",
    "Filter": "Filtrer",
    "Dispatch": "Dépêche",
    "Urgency": "Urgence",
    "Version": "Version",
    "Correction": "Rectificatif",
    "No dispatch.": "Aucune dépêche.",
    "Older dispatches": "Dépêches plus anciennes",
    "All dispatches": "Toutes les dépêches",
    "urgency %(level)s": "urgence %(level)s",
    "embargoed until %(until)s": "sous embargo jusqu’au %(until)s",
    "A correction from the agency.": "Rectificatif de l’agence.",
    "Editorial note:": f"Note de la rédaction{NBSP}:",
    "Preview": "Aperçu",
    "Articles": "Articles",
    "published": "publié",
    "view live": "voir en ligne",
    "draft": "brouillon",
    "New version available: apply v%(version)s to the draft": (
        f"Nouvelle version disponible{NBSP}: appliquer la v%(version)s au brouillon"
    ),
    "Apply and publish": "Appliquer et publier",
    "New version available (v%(version)s).": "Nouvelle version disponible (v%(version)s).",
    "Section": "Rubrique",
    "Topic: %(title)s": f"Dossier{NBSP}: %(title)s",
    "Create an article": "Créer un article",
    "Versions": "Versions",
    "correction": "rectificatif",
    "arrived after a newer version, ignored": "arrivée après une version plus récente, ignorée",
    "First version.": "Première version.",
    "Raw content": "Contenu brut",
    "Standfirst": "Chapô",
    "Editorial note": "Note de la rédaction",
    "Body": "Texte",
    "New version applied and published.": "Nouvelle version appliquée et publiée.",
    "New version applied to the draft: review it and publish.": (
        f"Nouvelle version appliquée au brouillon{NBSP}: relisez et publiez."
    ),
    # Notices on the article's edit view
    "Dispatch canceled by the agency: the article was withdrawn and cannot be published again.": (
        f"Dépêche annulée par l’agence{NBSP}: l’article a été retiré et ne peut plus être publié."
    ),
    "Reason:": f"Motif{NBSP}:",
    "The agency withheld this dispatch: nothing new is published from it until a usable version arrives.": (
        f"L’agence a retenu cette dépêche{NBSP}: rien n’en sera publié avant une version utilisable."
    ),
    "Under embargo until %(until)s: publishing will be scheduled for then.": (
        f"Sous embargo jusqu’au %(until)s{NBSP}: la publication sera programmée à cette heure."
    ),
    "This dispatch is a correction from the agency.": "Cette dépêche est un rectificatif de l’agence.",
    "New version available (v%(version)s, a correction).": (
        "Nouvelle version disponible (v%(version)s, rectificatif)."
    ),
    "See the differences and apply it": "Voir les différences et l’appliquer",
    "From the %(agency)s dispatch, version %(version)s.": (
        "D’après la dépêche %(agency)s, version %(version)s."
    ),
    "Open on the wire desk": "Ouvrir dans les dépêches",
    "This dispatch already has an article: here it is.": "Cette dépêche a déjà un article\u00a0: le voici.",
    "This dispatch already has an article (above). Creating another is rarely what you want.": (
        "Cette dépêche a déjà un article (ci-dessus). En créer un autre est rarement ce que l’on veut."
    ),
    "Create another article from this dispatch": "Créer un autre article à partir de cette dépêche",
    "Create another article": "Créer un autre article",
    "The list updates itself every %(seconds)s seconds.": "La liste se met à jour toute seule toutes les %(seconds)s secondes.",
    "Urgent": "Urgent",
    "New": "Nouveau",
}
