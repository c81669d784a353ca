# ruff: noqa: S608  (SQL built from the model's table and column names; values are parameters)
"""Wagtail's index (modelsearch's IndexEntry rows) for many objects at once.

`backend.add_bulk(model, objects)` wants model instances, and for each one walks every
search field five times (title, body, autocomplete and their plain-text copies),
converts the body's StreamValue (an image block looks its image up) and compiles a
Django expression per text into one huge statement. This module writes the same rows
from plain rows (`values_list`), the body read from its JSON (kiosque.search.raw_text):

- PostgreSQL: the texts go over as arrays, and one INSERT … SELECT per batch computes
  the vectors with the expressions modelsearch sends (`setweight(to_tsvector(config,
  text), weight)` per text, joined with `||`), the same ON CONFLICT update, then
  modelsearch's own title-norm refresh, once;
- SQLite: the entries get their Snowball terms at once (kiosque.search.wagtail_sqlite
  lets modelsearch write the words, then replaces them with their terms), and the
  title norm is computed from the words, as modelsearch computes it.

What is written is what one `add_bulk` call with all the objects writes:
tests/search/test_bulk_rows.py compares the rows. Another backend (Elasticsearch…), or
a model with a search field read through a relation or a method, goes through
`add_bulk`, batch by batch.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db import connection, transaction
from django.utils.encoding import force_str
from modelsearch.index import AutocompleteField, FilterField, SearchField
from modelsearch.utils import get_content_type_pk
from wagtail.fields import StreamField

from kiosque.search import french
from kiosque.search.raw_text import searchable_content

BATCH_SIZE = 2000


@dataclass(frozen=True)
class _Text:
    """One search field: the model field it reads, the part of the entry it goes to."""

    field: object
    part: str  # "title", "body" or "autocomplete"
    boost: float | None


def wagtail_index_bulk(
    backend,
    model,
    object_ids: list,
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write Wagtail's index entries of these objects of `model`; returns how many."""
    ids = sorted(set(object_ids))
    if not model.get_search_fields():
        return 0  # add_bulk writes nothing for such a model either
    texts = _texts(model)
    writer = None
    if texts is not None:
        if connection.vendor == "postgresql" and _is_backend(backend, "postgres"):
            writer = _PostgresWriter(backend, model, texts)
        elif connection.vendor == "sqlite" and _is_backend(backend, "sqlite"):
            writer = _SQLiteWriter(backend, model, texts, ids)
    written = 0
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        with transaction.atomic():
            if writer is None:
                objects = list(model._default_manager.filter(pk__in=chunk))
                if objects:
                    backend.add_bulk(model, objects)
                written += len(objects)
            else:
                written += writer.write(_rows(model, texts, chunk))
        if progress:
            progress(start + len(chunk), len(ids))
    if writer is not None:
        with transaction.atomic():
            writer.finish()
    return written


def _is_backend(backend, vendor: str) -> bool:
    """Modelsearch's database backend for that vendor (or a subclass, such as
    kiosque.search.wagtail_sqlite's), whose rows this module knows how to write."""
    if vendor == "postgres":
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

        return isinstance(backend, PostgresSearchBackend)
    from kiosque.search.wagtail_sqlite import FrenchSQLiteSearchBackend

    return isinstance(backend, FrenchSQLiteSearchBackend)


def _texts(model) -> list[_Text] | None:
    """The model's search fields as columns to read, or None when one of them cannot
    be read from a row (a relation, a method, a property)."""
    texts = []
    for search_field in model.get_search_fields():
        if isinstance(search_field, FilterField):
            continue
        if not isinstance(search_field, (SearchField, AutocompleteField)):
            return None  # RelatedFields and the like: add_bulk follows the relation
        try:
            field = model._meta.get_field(search_field.field_name)
        except FieldDoesNotExist:
            return None
        if field.is_relation or not field.concrete:
            return None
        if isinstance(search_field, AutocompleteField):
            texts.append(_Text(field, "autocomplete", None))
        else:
            part = "title" if search_field.field_name == "title" else "body"
            texts.append(_Text(field, part, search_field.boost))
    return texts


def _rows(model, texts: list[_Text], ids: list) -> list[tuple[str, list[str]]]:
    """(object id as modelsearch stores it, the prepared value of each text) per object."""
    names = [text.field.name for text in texts]
    rows = model._default_manager.filter(pk__in=ids).values_list("pk", *names)
    return [
        (
            force_str(pk),
            [_prepare(_value(t.field, value)) for t, value in zip(texts, values, strict=True)],
        )
        for pk, *values in rows
    ]


def _value(field, value):
    """What modelsearch's SearchField.get_value returns for this field's value."""
    if isinstance(field, StreamField):
        return searchable_content(field.stream_block, value.raw_data)
    if hasattr(field, "get_searchable_content"):
        return field.get_searchable_content(value)
    return value


def _prepare(value) -> str:
    """modelsearch's ObjectIndexer.prepare_value."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(_prepare(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(_prepare(item) for item in value.values())
    return force_str(value)


class _PostgresWriter:
    """modelsearch's PostgresIndex.add_items, the vectors computed from arrays."""

    def __init__(self, backend, model, texts: list[_Text]):
        from modelsearch.backends.database.postgres.postgres import IndexEntry
        from modelsearch.backends.database.postgres.weights import get_weight

        self.index = backend.get_index_for_model(model)
        self.texts = texts
        self.content_type = get_content_type_pk(model)
        columns = [f"t{n}" for n in range(len(texts))]
        params: list = []

        def vector(part: str, config: str | None) -> str:
            pieces = []
            for column, text in zip(columns, texts, strict=True):
                if text.part != part:
                    continue
                # AutocompleteField has no boost: modelsearch gives it weight D.
                weight = "D" if part == "autocomplete" else get_weight(text.boost)
                if config:
                    pieces.append(f"setweight(to_tsvector(%s::regconfig, r.{column}), %s)")
                    params.extend([config, weight])
                else:
                    pieces.append(f"setweight(to_tsvector(r.{column}), %s)")
                    params.append(weight)
            # An empty text, or no text at all, is an empty vector, as in modelsearch
            # (which leaves empty texts out: `v || ''` and `'' || v` are `v`).
            return " || ".join(pieces) or "''::tsvector"

        title = vector("title", backend.config)
        autocomplete = vector("autocomplete", backend.autocomplete_config)
        body = vector("body", backend.config)
        arrays = ", ".join(["%s::text[]"] * (len(columns) + 3))
        # The parameters in SQL order: content type, the vectors' configs and weights
        # (the SELECT list), then the arrays (FROM), which `write` appends.
        self.params_before = [self.content_type, *params]
        self.sql = f"""
            INSERT INTO {IndexEntry._meta.db_table}
              (content_type_id, object_id, title, autocomplete, body, title_norm,
               title_text, body_text)
            SELECT %s, r.object_id, {title}, {autocomplete}, {body}, 1.0,
              r.title_text, r.body_text
            FROM unnest({arrays}) AS r(object_id, {", ".join(columns)}, title_text, body_text)
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title,
                          title_norm = 1.0,
                          autocomplete = EXCLUDED.autocomplete,
                          body = EXCLUDED.body,
                          title_text = EXCLUDED.title_text,
                          body_text = EXCLUDED.body_text
        """

    def write(self, rows) -> int:
        if not rows:
            return 0
        columns = [[] for _ in range(len(self.texts) + 3)]
        for object_id, values in rows:
            stripped = [value.strip() for value in values]
            columns[0].append(object_id)
            for n, value in enumerate(stripped):
                columns[n + 1].append(value)
            columns[-2].append(self._plain(stripped, "title"))
            columns[-1].append(self._plain(stripped, "body"))
        with connection.cursor() as cursor:
            cursor.execute(self.sql, [*self.params_before, *columns])
        return len(rows)

    def _plain(self, stripped: list[str], part: str) -> str:
        """title_text or body_text: the part's non-empty texts, joined by spaces."""
        return " ".join(value for value in _part(stripped, self.texts, part) if value)

    def finish(self) -> None:
        # New and rewritten entries have title_norm 1.0 until this refresh, which
        # add_items runs after each call: once here, for all the batches.
        self.index._refresh_title_norms()


class _SQLiteWriter:
    """modelsearch's SQLiteIndex.add_items followed by kiosque.search.wagtail_sqlite's
    rewrite in Snowball terms, as one write.

    modelsearch computes title norms from the words (before the rewrite) of the new
    entries and from the stored titles of the others: lavg / length of the title, where
    lavg is the mean length over the entries with a title. The same mean is computed
    here up front, from every object's title, so each batch writes final rows.
    """

    def __init__(self, backend, model, texts: list[_Text], ids: list):
        from kiosque.search.wagtail_sqlite import IndexEntry

        self.table = IndexEntry._meta.db_table
        self.texts = texts
        self.content_type = get_content_type_pk(model)
        self.object_ids = [force_str(pk) for pk in ids]
        # Existing entries of these objects: updated in place, their norm kept unless
        # it is 1.0, as modelsearch does (it updates, then refreshes only the 1.0s).
        self.existing = self._existing()
        self.lavg = self._mean_title_length(model, ids)
        self._refresh_other_norms()

    def _existing(self) -> dict[str, tuple[int, float]]:
        existing = {}
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT object_id, id, title_norm FROM {self.table} WHERE content_type_id = %s",
                [self.content_type],
            )
            wanted = set(self.object_ids)
            for object_id, entry_id, title_norm in cursor.fetchall():
                if object_id in wanted:
                    existing[object_id] = (entry_id, title_norm)
        return existing

    def _mean_title_length(self, model, ids: list) -> float | None:
        title_fields = [text.field.name for text in self.texts if text.part == "title"]
        lengths = []
        for start in range(0, len(ids), BATCH_SIZE):
            chunk = ids[start : start + BATCH_SIZE]
            for values in model._default_manager.filter(pk__in=chunk).values_list(*title_fields):
                title = " ".join(_prepare(value) for value in values)
                lengths.append(_sqlite_length(title))
        total = sum(length for length in lengths if length > 0)
        count = sum(1 for length in lengths if length > 0)
        rewritten = {entry_id for entry_id, _ in self.existing.values()}
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, length(title) FROM {self.table} WHERE length(title) > 0")
            for entry_id, length in cursor.fetchall():
                if entry_id not in rewritten:
                    total += length
                    count += 1
        if not count:
            return None
        return total / count

    def _refresh_other_norms(self) -> None:
        """The other entries still at 1.0 get their norm too (modelsearch's refresh
        takes every entry at 1.0); ours are written after, with their own."""
        if self.lavg is None:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {self.table} SET title_norm = %s / length(title) "
                "WHERE title_norm = 1.0 AND length(title) > 0",
                [self.lavg],
            )

    def _norm(self, title: str, previous: float) -> float:
        length = _sqlite_length(title)
        if previous != 1.0 or self.lavg is None or length == 0:
            return previous
        return self.lavg / length

    def write(self, rows) -> int:
        inserts, updates = [], []
        for object_id, values in rows:
            title = " ".join(_part(values, self.texts, "title"))
            body = " ".join(_part(values, self.texts, "body"))
            autocomplete = " ".join(_part(values, self.texts, "autocomplete"))
            terms = (french.index_text(title), autocomplete, french.index_text(body))
            if object_id in self.existing:
                entry_id, previous = self.existing[object_id]
                updates.append([*terms, self._norm(title, previous), entry_id])
            else:
                inserts.append([self.content_type, object_id, *terms, self._norm(title, 1.0)])
        with connection.cursor() as cursor:
            if updates:
                cursor.executemany(
                    f"UPDATE {self.table} SET title = %s, autocomplete = %s, body = %s, "
                    "title_norm = %s WHERE id = %s",
                    updates,
                )
            if inserts:
                # An entry written meanwhile (a page published during the rebuild) is
                # updated as modelsearch updates one: its norm kept.
                cursor.executemany(
                    f"INSERT INTO {self.table} (content_type_id, object_id, title, "
                    "autocomplete, body, title_norm) VALUES (%s, %s, %s, %s, %s, %s) "
                    "ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                    "title = excluded.title, autocomplete = excluded.autocomplete, "
                    "body = excluded.body",
                    inserts,
                )
        return len(rows)

    def finish(self) -> None:
        """Nothing left: each batch wrote final rows."""


def _part(values: list[str], texts: list[_Text], part: str) -> list[str]:
    """The values of the texts that go to this part of the entry, in field order."""
    return [value for value, text in zip(values, texts, strict=True) if text.part == part]


def _sqlite_length(text: str) -> int:
    """SQLite's length() of a text: its characters before the first NUL."""
    return len(text.partition("\x00")[0])
