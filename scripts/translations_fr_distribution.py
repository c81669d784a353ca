# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French translations of the distribution app (feeds, sitemaps, structured data).

Filled into the .po files by `make messages` with every scripts/translations_fr*.py.
"""

NBSP = "\u00a0"

TRANSLATIONS = {
    "Distribution": "Diffusion",
    "The latest articles of %(site)s": "Les derniers articles de %(site)s",
    "The latest articles of %(site)s: %(page)s": f"Les derniers articles de %(site)s{NBSP}: %(page)s",
    # ArticlePage.noindex (newsroom migration 0003), the switch this app obeys
    "hide from search engines": "masquer aux moteurs de recherche",
    "Adds « noindex » to the page and leaves it out of every sitemap.": f"Ajoute «{NBSP}noindex{NBSP}» à la page et la retire de tous les sitemaps.",
}
