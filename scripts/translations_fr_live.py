# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French for live coverage (« En direct », issue 17). Filled by `make messages`."""

NBSP = "\u00a0"  # before « : ; ? ! », as French typography wants

TRANSLATIONS = {
    # The type labels (newsroom.ArticleType)
    "article type\x04Live": "Direct",
    "article type\x04Live ended": "Direct terminé",
    # La une (newsroom/includes/running_lives.html)
    "Live now": "En direct",
    # An entry's list block (live/blocks.py)
    "List": "Liste",
    "Item": "Élément",
    # The page (live/live_page.html, includes/entry.html, includes/summary.html)
    "This live coverage has ended (%(date)s).": "Ce direct est terminé (%(date)s).",
    "This live coverage starts %(date)s.": "Ce direct commence le %(date)s.",
    "Key events": "Les moments clés",
    "Entries": "Entrées",
    "1 new entry": "1 nouvelle entrée",
    "%(count)s new entries": "%(count)s nouvelles entrées",
    "This page has been away for a while: reload it to catch up.": f"Cette page est ouverte depuis longtemps{NBSP}: rechargez-la pour voir les dernières entrées.",
    "Back to the latest entries": "Revenir aux dernières entrées",
    "The first entries are coming.": "Les premières entrées arrivent.",
    "Earlier entries": "Entrées précédentes",
    "Link to this entry": "Lien vers cette entrée",
    "Key event": "Moment clé",
    "The essentials": "L’essentiel",
    # The model (live/models.py)
    "Upcoming": "À venir",
    "live coverage state\x04Live": "En cours",
    "Ended": "Terminé",
    "The end must come after the start.": "La fin doit venir après le début.",
    "start of the coverage": "début du direct",
    "Leave empty to start at the first publication. A later time announces it.": "Vide, le direct commence à la première publication. Une heure à venir l’annonce.",
    "end of the coverage": "fin du direct",
    "Set it to end the live (« Ce direct est terminé »); a time to come ends it then.": f"Renseignez-la pour terminer le direct (« Ce direct est terminé »){NBSP}; une heure à venir le terminera à ce moment-là.",
    "journalists' entries need an editor's approval": "les entrées des journalistes doivent être validées par un éditeur",
    "Entries posted by journalists wait for an editor before readers see them.": "Les entrées publiées par les journalistes attendent un éditeur avant d’être visibles des lecteurs.",
    "Coverage": "Direct",
    "Context (optional)": "Contexte (facultatif)",
    "live coverage": "direct",
    "live coverages": "directs",
    "Waiting for approval": "En attente de validation",
    "time": "heure",
    "title": "titre",
    "text": "texte",
    "key event": "moment clé",
    "Listed among the key events at the top.": "Listée parmi les moments clés, en haut de la page.",
    "pinned summary": "l’essentiel (épinglé)",
    "« L'essentiel »: shown above the entries. Pinning one unpins the other.": f"« L’essentiel »{NBSP}: affiché au-dessus des entrées. En épingler une désépingle l’autre.",
    "live entry": "entrée du direct",
    "live entries": "entrées du direct",
    "An entry needs a text or a title.": "Une entrée a besoin d’un texte ou d’un titre.",
    "Live coverage": "Directs",
    # Newsroom settings
    "live pages ask for news every (seconds)": "les pages de direct demandent les nouveautés toutes les (secondes)",
    "Readers' browsers on a running live ask the edge for new entries this often (10 to 30 s): shorter brings entries sooner, at the cost of more requests.": "Les navigateurs des lecteurs d’un direct en cours demandent les nouvelles entrées à ce rythme (10 à 30 s)\u00a0: plus court, elles arrivent plus vite, au prix de davantage de requêtes.",
}
