# ruff: noqa: S608  (SQL built from module constants; every value goes in as a parameter)
"""PostgreSQL: a weighted tsvector (generated column, GIN index), `french_unaccent`.

PostgreSQL's `french` configuration stems but keeps accents; `french_unaccent` (created
by migration 0001 with the generated column and its GIN index: unaccent, then the
French stemmer) does both, at index and query time.
"""

from datetime import datetime

from django.db import connections, router, transaction

from kiosque.search.engines import COUNT_LIMIT, FRESHNESS_DAYS, Filters, Match
from kiosque.search.models import SearchDocument

CONFIG = "french_unaccent"
DOCUMENTS = "search_searchdocument"
# ts_rank weights of the D, C, B and A labels: body, authors, standfirst and topic, title.
WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
# What a match in the body alone adds to the rank: about one mention with weight D.
BODY_MENTION = 0.006
CANDIDATES = 1000  # per kind of match; the page shows at most MAX_PAGES × PER_PAGE results


def write(documents) -> None:
    """Nothing to do: the generated column follows the row."""


def delete(article_ids) -> None:
    """Nothing to do: the vector goes with the row."""


def delete_orphans() -> None:
    """Nothing to do: no second table."""


def _tsquery(match: Match) -> str:
    # The words are letters and digits only (french.WORD): nothing in them is tsquery
    # syntax, so joining them with & or | cannot be turned into another query.
    return (" & " if match.all_words else " | ").join(match.words)


def _where(match: Match, filters: Filters) -> tuple[str, list]:
    clauses = [f"d.search_vector @@ to_tsquery('{CONFIG}'::regconfig, %s)"]  # stays first
    params: list = [_tsquery(match)]
    if filters.section_path:
        clauses.append("d.path LIKE %s")
        params.append(filters.section_path + "%")
    if filters.article_type:
        clauses.append("d.article_type = %s")
        params.append(filters.article_type)
    if filters.since:
        clauses.append("d.published_at >= %s")
        params.append(filters.since)
    if filters.until:
        clauses.append("d.published_at < %s")
        params.append(filters.until)
    return " AND ".join(clauses), params


def search(match: Match, filters: Filters, *, now: datetime, offset: int, limit: int):
    """(article ids of the page, best first; how many match, counted up to COUNT_LIMIT).

    Ranking every match of a common word would read tens of thousands of vectors, so
    the ranking works on candidates: the CANDIDATES newest articles matching anywhere,
    and the CANDIDATES newest matching in the title, standfirst, topic or authors (two
    GIN lookups, each cut short by the publication-time order). Candidates are ranked
    on those short fields (`head_vector`) with the body counting as one weak mention,
    times freshness. See docs/decisions/0041-ranking-relevance-and-recency.md.
    """
    where, params = _where(match, filters)
    head_where = where.replace("d.search_vector @@", "d.head_vector @@", 1)
    tsquery = _tsquery(match)
    # The candidates carry only narrow columns; each one's short-field vector is read by
    # primary key (a join would make the planner scan the whole table).
    sql = f"""
        WITH q AS (SELECT to_tsquery('{CONFIG}'::regconfig, %s) AS query),
        candidates AS (
          (SELECT d.article_id, d.published_at FROM {DOCUMENTS} d WHERE {where}
           ORDER BY d.published_at DESC LIMIT {CANDIDATES})
          UNION
          (SELECT d.article_id, d.published_at FROM {DOCUMENTS} d WHERE {head_where}
           ORDER BY d.published_at DESC LIMIT {CANDIDATES})
        )
        SELECT c.article_id,
          ((SELECT ts_rank('{WEIGHTS}', h.head_vector, q.query)
            FROM {DOCUMENTS} h WHERE h.article_id = c.article_id) + {BODY_MENTION})
          * (1 + 1 / (1 + GREATEST(EXTRACT(EPOCH FROM (%s - c.published_at)), 0)
                          / 86400.0 / {FRESHNESS_DAYS})) AS score
        FROM candidates c, q
        ORDER BY score DESC, c.published_at DESC, c.article_id DESC
        LIMIT %s OFFSET %s
    """
    count_sql = f"""
        SELECT count(*) FROM (
          SELECT 1 FROM {DOCUMENTS} d WHERE {where} LIMIT {COUNT_LIMIT + 1}
        ) AS matching
    """
    # The database the router gives reads (a replica for a reader, decision 0073), in a
    # transaction of its own there for the SET LOCALs.
    using = router.db_for_read(SearchDocument)
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        # The planner does not count the cost of reading long vectors out of line: left
        # alone, it checks matches row by row along the publication-time index or the
        # whole table, reading every vector. The GIN indexes answer without them.
        # One round trip each way (Django's psycopg cursor binds on the client, which
        # lets one execute carry two statements without parameters).
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
        try:
            cursor.execute(sql, [tsquery, *params, *params, now, limit, offset])
            ids = [row[0] for row in cursor.fetchall()]
            cursor.execute(count_sql, params)
            total = cursor.fetchone()[0]
        finally:
            cursor.execute("RESET enable_seqscan; RESET enable_indexscan")
    return ids, total
