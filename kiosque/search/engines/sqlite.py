# ruff: noqa: S608  (SQL built from module constants; every value goes in as a parameter)
"""SQLite: an FTS5 table of Snowball terms, ranked by bm25 and recency.

FTS5's unicode61 tokenizer folds accents but does not stem, so the terms are prepared
in Python (kiosque.search.french) at index time and at query time alike.
"""

from datetime import datetime

from django.db import connection

from kiosque.search import french
from kiosque.search.engines import COUNT_LIMIT, FRESHNESS_DAYS, Filters, Match

FTS_TABLE = "search_searchdocument_fts"
DOCUMENTS = "search_searchdocument"
# bm25 column weights, in the FTS table's column order.
WEIGHTS = {"title": 10.0, "standfirst": 4.0, "body": 1.0, "topic": 4.0, "authors": 2.0}
COLUMNS = tuple(WEIGHTS)  # the FTS5 table is created by migration 0001


def write(documents) -> None:
    """(Re)write the terms of these documents."""
    documents = list(documents)
    if not documents:
        return
    delete([d.pk for d in documents])
    rows = [
        [d.pk, *(french.index_text(getattr(d, column)) for column in COLUMNS)] for d in documents
    ]
    placeholders = ", ".join(["%s"] * (1 + len(COLUMNS)))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(COLUMNS)}) VALUES ({placeholders})",
            rows,
        )


def delete(article_ids) -> None:
    ids = list(article_ids)
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )


def delete_orphans() -> None:
    """Terms left behind by an article deleted outside Django's signals."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT article_id FROM {DOCUMENTS})"
        )


def _match_expression(match: Match) -> str:
    # Each term is quoted: the terms are letters and digits only (french.WORD), and
    # quoting keeps FTS5 from reading AND, OR, NOT, NEAR or a "*" as operators.
    quoted = [f'"{term}"' for term in match.terms]
    return (" " if match.all_words else " OR ").join(quoted)


def _where(match: Match, filters: Filters) -> tuple[str, list]:
    clauses = [f"{FTS_TABLE} MATCH %s"]
    params: list = [_match_expression(match)]
    if filters.section_path:
        clauses.append("d.path LIKE %s")
        params.append(filters.section_path + "%")
    if filters.article_type:
        clauses.append("d.article_type = %s")
        params.append(filters.article_type)
    if filters.since:
        clauses.append("d.published_at >= %s")
        params.append(_db_datetime(filters.since))
    if filters.until:
        clauses.append("d.published_at < %s")
        params.append(_db_datetime(filters.until))
    return " AND ".join(clauses), params


def _db_datetime(value: datetime) -> str:
    return connection.ops.adapt_datetimefield_value(value)


def search(match: Match, filters: Filters, *, now: datetime, offset: int, limit: int):
    """(article ids of the page, best first; how many match in all)."""
    where, params = _where(match, filters)
    weights = ", ".join(str(w) for w in WEIGHTS.values())
    sql = (
        f"SELECT d.article_id, (-bm25({FTS_TABLE}, {weights})) * (1.0 + 1.0 / (1.0 + "
        f"MAX(julianday(%s) - julianday(d.published_at), 0) / {FRESHNESS_DAYS})) AS score "
        f"FROM {FTS_TABLE} JOIN {DOCUMENTS} d ON d.article_id = {FTS_TABLE}.rowid "
        f"WHERE {where} ORDER BY score DESC, d.published_at DESC, d.article_id DESC "
        "LIMIT %s OFFSET %s"
    )
    count_sql = (
        f"SELECT count(*) FROM (SELECT 1 FROM {FTS_TABLE} JOIN {DOCUMENTS} d "
        f"ON d.article_id = {FTS_TABLE}.rowid WHERE {where} LIMIT {COUNT_LIMIT + 1})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [_db_datetime(now), *params, limit, offset])
        ids = [row[0] for row in cursor.fetchall()]
        cursor.execute(count_sql, params)
        total = cursor.fetchone()[0]
    return ids, total
