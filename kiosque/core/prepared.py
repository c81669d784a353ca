"""Querysets compiled once per process, run many times with new values.

Turning a queryset into SQL costs more than running it when the model is a Wagtail page
(two tables, ~45 columns): 1.1 ms of Python against 0.6 ms for the query itself on the
bench machine (bench/cold_path.py, 2026-12-06), and 2.6 ms for a list of cards joined
to their topic and picture. A query that a reader page runs on every render with only
its values changing (the article at an address, the related articles) is compiled once,
with placeholder values, and each run puts the real values in the placeholders' places.
The rows become model instances as Django's own iterator makes them (the fields'
database converters, Model.from_db, the select_related objects, then the prefetches),
so the instances are the queryset's.

Only what a queryset compiles to fixed SQL belongs here: filters on values, joins, an
order, a slice. Database wrappers (query counters, the suite's budgets) still see each
query.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from django.db import connections, router
from django.db.models import Model, QuerySet, prefetch_related_objects
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from django.db.models.query import get_related_populators

_placeholder_numbers = itertools.count(1)
# Integer placeholders: far outside any id or count the site stores.
_INTEGER_PLACEHOLDER_BASE = -(10**15)


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple
    places: dict[int, str]  # position in params -> name of the value that goes there
    attnames: list[str]
    model_columns: slice
    related_populators: list
    annotations: dict[str, int]
    converters: dict
    prefetches: tuple


def _placeholder(kind: type, number: int, index: int, name: str):
    if kind is int:
        return _INTEGER_PLACEHOLDER_BASE - number * 1000 - index
    if kind is str:
        return f"\x00prepared-{number}-{name}\x00"
    raise TypeError(f"prepared values are int or str, not {kind.__name__}")


class PreparedQuery:
    """`build(**values)` returns the queryset; `all(**values)` and `first(**values)` run it.

        _RELATED = PreparedQuery("newsroom.ArticlePage", related_to, topic_id=int, pk=int)
        cards = _RELATED.all(topic_id=article.topic_id, pk=article.pk)

    Each value is an int or a str, and the queryset must put it into the query's
    parameters unchanged, once (a filter on a value): values stand where placeholders
    stood when the queryset was compiled.
    """

    def __init__(self, model_label: str, build: Callable[..., QuerySet], **kinds: type):
        self.model_label = model_label  # "app_label.ModelName": resolved on first use
        self.build = build
        self.kinds = kinds
        self._compiled: dict[str, _Compiled] = {}

    @cached_property
    def model(self) -> type[Model]:
        return apps.get_model(self.model_label)

    def _compile(self, alias: str) -> _Compiled:
        number = next(_placeholder_numbers)
        placeholders = {
            name: _placeholder(kind, number, index, name)
            for index, (name, kind) in enumerate(self.kinds.items())
        }
        queryset = self.build(**placeholders)
        compiler = queryset.query.get_compiler(alias)
        sql, params = compiler.as_sql()
        by_placeholder = {value: name for name, value in placeholders.items()}
        places = {
            position: by_placeholder[value]
            for position, value in enumerate(params)
            if type(value) in (int, str) and value in by_placeholder
        }
        if sorted(places.values()) != sorted(self.kinds):
            raise ValueError(f"{self.model_label}: each value must appear once in the query")
        klass_info = compiler.klass_info
        if klass_info is None or queryset._fields is not None:
            raise ValueError(f"{self.model_label}: only querysets of model instances")
        fields = klass_info["select_fields"]
        model_columns = slice(fields[0], fields[-1] + 1)
        columns = [column for column, _sql, _alias in compiler.select]
        return _Compiled(
            sql=sql,
            params=tuple(params),
            places=places,
            attnames=[column.target.attname for column in columns[model_columns]],
            model_columns=model_columns,
            related_populators=get_related_populators(klass_info, compiler.select, alias),
            annotations=dict(compiler.annotation_col_map or {}),
            converters=compiler.get_converters(columns),
            prefetches=tuple(queryset._prefetch_related_lookups),
        )

    def all(self, **values) -> list[Model]:
        alias = router.db_for_read(self.model)
        compiled = self._compiled.get(alias)
        if compiled is None:
            compiled = self._compiled[alias] = self._compile(alias)
        params = list(compiled.params)
        for position, name in compiled.places.items():
            value = values[name]
            if type(value) is not self.kinds[name]:
                raise TypeError(f"{name} must be {self.kinds[name].__name__}: {value!r}")
            params[position] = value
        connection = connections[alias]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        instances = [self._instance(compiled, alias, connection, row) for row in rows]
        if compiled.prefetches and instances:
            prefetch_related_objects(instances, *compiled.prefetches)
        return instances

    def first(self, **values) -> Model | None:
        found = self.all(**values)
        return found[0] if found else None

    def _instance(self, compiled: _Compiled, alias: str, connection, row) -> Model:
        if compiled.converters:
            row = list(row)
            for position, (converters, expression) in compiled.converters.items():
                for convert in converters:
                    row[position] = convert(row[position], expression, connection)
        instance = self.model.from_db(alias, compiled.attnames, row[compiled.model_columns])
        for populator in compiled.related_populators:
            populator.populate(row, instance)
        for name, position in compiled.annotations.items():
            setattr(instance, name, row[position])
        return instance


class _PreparedForwardDescriptor(ForwardManyToOneDescriptor):
    """`instance.fk` read with a query compiled once (by primary key: always the DB)."""

    @cached_property
    def _by_pk(self) -> PreparedQuery:
        # Built on first use: the related model may not be loaded when the field is.
        label = self.field.remote_field.model._meta.label
        return PreparedQuery(label, self._by_primary_key, pk=int)

    def _by_primary_key(self, pk: int) -> QuerySet:
        return self.field.remote_field.model._base_manager.filter(pk=pk)

    def get_object(self, instance):
        value = getattr(instance, self.field.attname)
        found = self._by_pk.first(pk=value) if type(value) is int else None
        if found is None:  # an unusual key, or a row gone: Django's own way and errors
            return super().get_object(instance)
        return found


def prepare_foreign_key(model: type[Model], name: str) -> None:
    """Make `model.name` (a foreign key to a model with an integer key) read its object
    with a prepared query. Call it after the model's class is created."""
    field = model._meta.get_field(name)
    setattr(model, name, _PreparedForwardDescriptor(field))


def remember_prefetched(instance: Model, relation: str, objects: list[Model]) -> None:
    """Keep `objects` as `instance.relation.all()`, as prefetch_related would."""
    queryset = getattr(instance, relation).all()
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[relation] = queryset


def held_in_memory(instance: Model, relation: str) -> bool:
    """Whether `instance.relation` is modelcluster's in-memory set (a preview's draft, a
    form not yet saved) rather than what the database holds."""
    return instance.pk is None or relation in instance.__dict__.get("_cluster_related_objects", {})
