"""Rows copied model by model between two databases: how a SQLite archive fills PostgreSQL.

Both databases are at the same migration state (the archive's SQLite copy is migrated
forward first). Each table is read through its model (`values_list`: every value
converted as Django reads it from SQLite) and written with each field's own database
preparation for the target (booleans, JSON, times, UUIDs), so no engine's quirk travels.
A child model's table (an article under wagtailcore_page) holds its own columns only,
and is copied as such.

Everything happens in one transaction on the target: its tables emptied, every row
copied, sequences moved past the highest ids. PostgreSQL checks the foreign keys at the
commit (Django creates them DEFERRABLE INITIALLY DEFERRED), so tables may come in any
order. docs/decisions/0079 compares this with dumpdata/loaddata.
"""

from collections.abc import Callable
from itertools import islice

from django.core.management.color import no_style
from django.db import connections, transaction

BATCH = 2000


def tables_empty(alias: str, models) -> None:
    """Every row of these models' tables deleted in one transaction, sequences reset.

    DELETE rather than TRUNCATE: PostgreSQL's TRUNCATE makes each table new files, seconds
    for two hundred mostly empty tables. The foreign keys are checked at the commit
    (deferred), when every table is empty.
    """
    connection = connections[alias]
    quote = connection.ops.quote_name
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA defer_foreign_keys = ON")
        present = set(connection.introspection.table_names(cursor))
        models = [m for m in models if m._meta.db_table in present]
        for table in sorted({m._meta.db_table for m in models}):
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608 (names from the models)
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def rows_delete(alias: str, models) -> None:
    """Every row of these models' tables deleted (no signals: their files are not there)."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")  # noqa: S608


def rows_copy(
    *,
    source: str,
    target: str,
    models,
    emptied=None,
    on_rows: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Replace the rows of `models` in `target` with those in `source`; rows per table.

    `emptied`: the tables emptied first (default: those of `models`), in the same
    transaction.
    """
    connection = connections[target]
    copied = {}
    with transaction.atomic(using=target):
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA defer_foreign_keys = ON")
        tables_empty(target, models if emptied is None else emptied)
        for model in models:
            copied[model._meta.db_table] = _table_copy(model, source, connection, on_rows)
        statements = connection.ops.sequence_reset_sql(no_style(), models)
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    return copied


def _batches(rows, size: int):
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def _prepared(fields, row, connection) -> tuple:
    return tuple(
        f.get_db_prep_save(value, connection=connection)
        for f, value in zip(fields, row, strict=True)
    )


def _table_copy(model, source: str, target, on_rows) -> int:
    fields = [f for f in model._meta.local_concrete_fields if not getattr(f, "generated", False)]
    quote = target.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    insert = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    rows = (
        model._base_manager.using(source)
        .order_by("pk")
        .values_list(*(f.attname for f in fields))
        .iterator(chunk_size=BATCH)
    )
    count = 0
    with target.cursor() as cursor:
        for batch in _batches(rows, BATCH):
            cursor.executemany(insert, [_prepared(fields, row, target) for row in batch])
            count += len(batch)
            if on_rows:
                on_rows(len(batch))
    return count
