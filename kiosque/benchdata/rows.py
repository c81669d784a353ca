"""Rows for a model's own table, with the model's defaults for every unnamed column.

Built from `_meta`, so a field another app adds later (with a default, as every new
column needs) is filled in without touching the bulk load.
"""

from collections.abc import Iterable

from kiosque.benchdata.writer import insert_rows


class TableRows:
    def __init__(self, model, *, with_id: bool = True):
        fields = [f for f in model._meta.local_concrete_fields if with_id or not f.primary_key]
        self.table = model._meta.db_table
        self.columns = [f.column for f in fields]
        self.attnames = [f.attname for f in fields]
        # Callable defaults (uuid4, now) are evaluated per row; constants once.
        self.defaults = [
            f.default if f.has_default() and callable(f.default) else f.get_default()
            for f in fields
        ]

    def row(self, values: dict) -> tuple:
        out = []
        for name, default in zip(self.attnames, self.defaults, strict=True):
            if name in values:
                out.append(values[name])
            else:
                out.append(default() if callable(default) else default)
        return tuple(out)

    def insert(self, values: Iterable[dict]) -> int:
        return insert_rows(self.table, self.columns, (self.row(v) for v in values))
