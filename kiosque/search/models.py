"""The search index: one row per article readers may see.

The row keeps the article's texts (for excerpts) and the columns the filters and the
ranking need (section path, type, publication time), so a search never joins the page
tree for anything but the final visibility check. The full-text part depends on the
database and is created by migration 0001 outside Django's model state:

- PostgreSQL: a generated `tsvector` column, `search_vector`, weighted by field
  (title A, standfirst and topic B, authors C, body D) with the `french_unaccent`
  configuration, and a GIN index on it;
- SQLite: an FTS5 table, `search_searchdocument_fts`, whose rowid is the article id and
  whose columns hold the Snowball terms of each field (kiosque.search.french).

See docs/decisions/0040-own-search-index.md for why this is not Wagtail's index.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    article = models.OneToOneField(
        "newsroom.ArticlePage",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    # The article's treebeard path: a section filter is a prefix match on it.
    path = models.CharField(max_length=255, db_index=True)
    article_type = models.CharField(max_length=20)
    published_at = models.DateTimeField(db_index=True)
    title = models.TextField()
    standfirst = models.TextField(blank=True)
    body = models.TextField(blank=True)
    topic = models.TextField(blank=True)
    authors = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")

    def __str__(self) -> str:
        return self.title
