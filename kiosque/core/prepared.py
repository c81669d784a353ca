"""Querysets compiled once per process, run many times with new values.

Turning a queryset into SQL costs more than running it when the model is a Wagtail page
(two tables, ~45 columns): 1.1 ms of Python against 0.6 ms for the query itself on the
bench machine (bench/cold_path.py, 2026-12-06). A query that every request runs with
only its values changing (the article found by its address) is compiled once, with
placeholder values, and each run puts the real values in the placeholders' places. The
rows become model instances as Django's own iterator makes them (the fields' database
converters, then Model.from_db), so the instances are the same as the queryset's.

Only what a queryset compiles to fixed SQL belongs here: filters on values, an order, a
slice. Database wrappers (query counters, the test suite's budgets) still see the query.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from django.db import connections, router
from django.db.models import Model, QuerySet

_placeholder_numbers = itertools.count()


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple
    places: dict[int, str]  # position in params -> name of the value that goes there
    attnames: list[str]
    converters: dict


class PreparedQuery:
    """`build(**placeholders)` returns the queryset; `first(**values)` runs it.

    Values must be strings: they stand where placeholder strings stood when the queryset
    was compiled, so a value the field would have transformed (a number, a date) could
    not be told from the rest of the parameters.
    """

    def __init__(self, model_label: str, build: Callable[..., QuerySet], *names: str):
        self.model_label = model_label  # "app_label.ModelName": resolved on first use
        self.build = build
        self.names = names
        self._compiled: dict[str, _Compiled] = {}

    @cached_property
    def model(self) -> type[Model]:
        return apps.get_model(self.model_label)

    def _compile(self, alias: str) -> _Compiled:
        number = next(_placeholder_numbers)
        placeholders = {name: f"\x00prepared-{number}-{name}\x00" for name in self.names}
        queryset = self.build(**placeholders)
        compiler = queryset.query.get_compiler(alias)
        sql, params = compiler.as_sql()
        by_placeholder = {value: name for name, value in placeholders.items()}
        places = {
            position: by_placeholder[value]
            for position, value in enumerate(params)
            if isinstance(value, str) and value in by_placeholder
        }
        if sorted(places.values()) != sorted(self.names):
            raise ValueError(f"{self.model.__name__}: each value must appear once in the query")
        columns = [column for column, _sql, _alias in compiler.select]
        attnames = [column.target.attname for column in columns]
        if compiler.klass_info is None or any(a.startswith("_") for a in attnames):
            raise ValueError(f"{self.model.__name__}: only plain model rows can be prepared")
        return _Compiled(sql, tuple(params), places, attnames, compiler.get_converters(columns))

    def first(self, **values: str) -> Model | None:
        alias = router.db_for_read(self.model)
        compiled = self._compiled.get(alias)
        if compiled is None:
            compiled = self._compiled[alias] = self._compile(alias)
        params = list(compiled.params)
        for position, name in compiled.places.items():
            params[position] = values[name]
        connection = connections[alias]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            row = cursor.fetchone()
        if row is None:
            return None
        if compiled.converters:
            row = list(row)
            for position, (converters, expression) in compiled.converters.items():
                for convert in converters:
                    row[position] = convert(row[position], expression, connection)
        return self.model.from_db(alias, compiled.attnames, row)
