"""French for the page-view counts (issue 20, kiosque/audience: models.py's HourlyPageViews,
as the admin and its exports name it). The counting itself (middleware, varnishncsa's
lines, `kiosque audience_ingest`) shows readers nothing. Filled by `make messages`."""

TRANSLATIONS = {
    "hour": "heure",
    "page views per hour": "pages vues par heure",
}
