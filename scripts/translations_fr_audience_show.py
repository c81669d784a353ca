# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French for « Les plus lus » and the audience page in the admin (issue 20, kiosque/audience:
block.py, chart.py, admin_views.py and their templates). Filled by `make messages`."""

NBSP = "\u00a0"  # before « : ; ? ! », as French typography wants

TRANSLATIONS = {
    # The reader block (jinja2/audience/most_read.html)
    "Most read": "Les plus lus",
    "Most read in %(section)s": f"Les plus lus{NBSP}: %(section)s",
    # The audience page (admin_views.py, templates/audience/admin/audience.html)
    "Audience": "Audience",
    "Period": "Période",
    "Last 24 hours": "Dernières 24 heures",
    "Last 7 days": "7 derniers jours",
    "Last 30 days": "30 derniers jours",
    "Views per hour, last %(days)s days": "Pages vues par heure, %(days)s derniers jours",
    "Views per hour, last 24 hours": "Pages vues par heure, dernières 24 heures",
    "Page views counted at the edge, without cookies and without any reader's address: every copy served counts, the newsroom's previews and known robots do not.": f"Pages vues comptées par le cache du site, sans cookie et sans l’adresse d’aucun lecteur{NBSP}: chaque page servie compte, les aperçus de la rédaction et les robots connus ne comptent pas.",
    "Unknown period: the last 7 days are shown.": f"Période inconnue{NBSP}: les 7 derniers jours sont affichés.",
    "Show": "Afficher",
    "Views per hour (CSV)": "Pages vues par heure (CSV)",
    "Top articles (CSV)": "Articles les plus lus (CSV)",
    "%(total)s views in all. Hours in the newsroom's time zone (%(zone)s).": "%(total)s pages vues au total. Heures dans le fuseau horaire de la rédaction (%(zone)s).",
    "The same figures as a table": "Les mêmes chiffres dans un tableau",
    "Hour": "Heure",
    "Views": "Pages vues",
    "Most read articles": "Articles les plus lus",
    "live": "direct",
    "not published": "non publié",
    "No article was read in this period.": "Aucun article lu sur cette période.",
    "A section counts the views of its articles and of its sub-sections' articles.": "Une rubrique compte les vues de ses articles et de ceux de ses sous-rubriques.",
    "No section was read in this period.": "Aucune rubrique lue sur cette période.",
    "%(views)s views of live coverage pages in this period.": "%(views)s pages vues des directs sur cette période.",
    "No live coverage was read in this period.": "Aucun direct lu sur cette période.",
    "The audience page is for editors and administrators.": "La page Audience est réservée aux éditeurs et aux administrateurs.",
    # The chart (chart.py) and the CSV files
    "%(hour)s: %(views)s views": f"%(hour)s{NBSP}: %(views)s pages vues",
    "%(total)s views in all; the busiest hour, %(hour)s, had %(views)s.": f"%(total)s pages vues au total{NBSP}; l’heure la plus lue, %(hour)s, en compte %(views)s.",
    "No views counted in this period.": "Aucune page vue comptée sur cette période.",
    "hour (%(zone)s)": "heure (%(zone)s)",
    "views": "vues",
    "id": "id",
    "yes": "oui",
    "Sections (CSV)": "Rubriques (CSV)",
    "Live coverage (CSV)": "Directs (CSV)",
}
