"""The full-text part of the index, one module per database Kiosque supports.

Both engines answer the same question: which article ids match these words, under
these filters, best first (relevance weighed with recency), one page at a time.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

# Ranking: relevance × (1 + freshness), freshness = 1 / (1 + age in days / FRESHNESS_DAYS).
# A story published today counts double, one a month old 1.5 times, an old one about
# once: recency decides between comparable matches, never against a much better one
# (a title match weighs ten times a passing mention in the body).
FRESHNESS_DAYS = 30.0
# Matches are counted up to this number (as far as pages go: 50 of 20): "more than
# 1,000 articles" is all a reader
# needs to know, and counting every match of a common word costs more than the search.
COUNT_LIMIT = 1_000


@dataclass(frozen=True)
class Filters:
    section_path: str = ""
    article_type: str = ""
    since: datetime | None = None
    until: datetime | None = None  # exclusive


@dataclass(frozen=True)
class Match:
    """The words to look for: `words` as the reader wrote them, `terms` their stems."""

    words: tuple[str, ...]
    terms: tuple[str, ...]
    all_words: bool = True  # False: any of the words (the fallback when all find nothing)


def engine():
    if connection.vendor == "postgresql":
        from kiosque.search.engines import postgresql

        return postgresql
    if connection.vendor == "sqlite":
        from kiosque.search.engines import sqlite

        return sqlite
    raise ImproperlyConfigured(
        f"Kiosque's search supports SQLite and PostgreSQL, not {connection.vendor}."
    )
