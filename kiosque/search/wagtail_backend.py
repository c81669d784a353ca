"""Wagtail's database search backend, made French (WAGTAILSEARCH_BACKENDS "default").

`Page.objects.search()` — the admin's search, and the public API's `q` through
`visible_articles().search(q)` — goes through Wagtail's index (modelsearch's
IndexEntry table), not through the reader search's own index (kiosque.search.models).
This module makes that path French too:

- PostgreSQL: Wagtail's backend, with `SEARCH_CONFIG = "french_unaccent"` (the
  configuration migration search/0001 creates): stemming and accent folding.
- SQLite: Wagtail's FTS5 backend stores words as written; here the index text and the
  query are replaced by their Snowball terms (kiosque.search.french), the way the
  reader search's own FTS5 table does.

What stays Wagtail's: ranking by relevance only, no recency, title and "everything
else" as the only two weighted fields (docs/decisions/0040-own-search-index.md).
"""

from django.db import connection


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    if connection.vendor == "sqlite":
        from kiosque.search.wagtail_sqlite import FrenchSQLiteSearchBackend

        return FrenchSQLiteSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

    if connection.vendor != "postgresql":
        params = {key: value for key, value in params.items() if key != "SEARCH_CONFIG"}
    return DatabaseSearchBackend(params)
