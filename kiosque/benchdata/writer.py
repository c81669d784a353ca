"""Fast row insertion: PostgreSQL COPY, or executemany on SQLite.

Rows are plain tuples of Python values in the order of `columns`. On PostgreSQL they
are streamed with psycopg's COPY protocol (several hundred thousand rows a second);
on SQLite they go through executemany, with the values Django would store (SQLite has
no UUID or timestamp type, so those are converted the way Django's backend does).
"""

import uuid
from collections.abc import Iterable
from datetime import datetime

from django.db import connection


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def insert_rows(table: str, columns: list[str], rows: Iterable[tuple]) -> int:
    """Insert `rows` into `table`; returns how many. Call inside a transaction."""
    quote = connection.ops.quote_name
    column_list = ", ".join(quote(c) for c in columns)
    count = 0
    with connection.cursor() as cursor:
        if is_postgresql():
            # The Django cursor wraps psycopg's; COPY needs the raw one.
            raw = cursor.cursor
            with raw.copy(f"COPY {quote(table)} ({column_list}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        placeholders = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {quote(table)} ({column_list}) VALUES ({placeholders})"  # noqa: S608
        batch: list[tuple] = []
        for row in rows:
            batch.append(tuple(_sqlite_value(v) for v in row))
            if len(batch) >= 5000:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def fast_load_session() -> None:
    """Inside a bulk-load transaction on PostgreSQL: fewer waits, no per-row FK triggers.

    `synchronous_commit = off` only risks the last commits on a crash (a bench database
    is recreated anyway). `session_replication_role = replica` skips the foreign-key
    triggers, by far the largest cost of COPY into the comments table; it needs a
    superuser, so without one the load keeps the checks and is merely slower. The rows
    are consistent by construction and `kiosque.benchdata.checks` verifies them after.
    Both settings are SET LOCAL: they end with the transaction.
    """
    if not is_postgresql():
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = off")
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if cursor.fetchone()[0]:
            cursor.execute("SET LOCAL session_replication_role = replica")


def _sqlite_value(value):
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, uuid.UUID):
        return value.hex  # Django stores UUIDField as 32 hex characters on SQLite
    return value


def reserve_ids(table: str, count: int) -> int:
    """The first of `count` consecutive free primary keys of `table`.

    On PostgreSQL the sequence is moved past the block, so rows created afterwards by
    the ORM never collide with the ones inserted here with explicit ids. On SQLite
    inserting an explicit id moves AUTOINCREMENT's counter by itself.
    """
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {quote(table)}")  # noqa: S608
        first = cursor.fetchone()[0] + 1
        if is_postgresql():
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), "
                "GREATEST(nextval(pg_get_serial_sequence(%s, 'id')), %s))",
                [table, table, first + count - 1],
            )
    return first
