"""A small site to back up, a reader commenting meanwhile, and row-by-row comparisons."""

import contextlib
import json
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.core.cache import cache
from django.db import close_old_connections, connection, connections
from django.db.migrations.recorder import MigrationRecorder
from wagtail.fields import StreamField

from kiosque.backups.rows import rows_copy
from kiosque.backups.tables import all_models, carried_models, original_file_fields
from kiosque.discussion.services import comment_post
from tests.discussion.helpers import make_reader, make_staff, make_trusted
from tests.factories import build_newsroom, make_article, make_image, publish

POSTER_MAX_COMMENTS = 300
POSTER_MAX_SECONDS = 20.0


@dataclass
class Site:
    articles: list
    readers: list
    image: object


def build_site() -> Site:
    """Sections, pages, settings, two articles (one revised, one a draft), a picture with
    a rendition, readers and a moderator, and a few comments."""
    newsroom = build_newsroom()
    image = make_image("Quai", with_renditions=False)
    image.get_rendition("width-120")  # a rendition row and file: not carried, made again
    first = make_article(newsroom.europe, title="Les négociations reprennent", lead_image=image)
    first.standfirst = "Un chapô corrigé après publication."
    publish(first)  # a second revision
    draft = make_article(newsroom.sport, title="Brouillon du match", live=False)
    readers = [make_trusted(make_reader(f"Lectrice {n}")) for n in range(3)]
    make_staff("Modérateurs", "Modo")
    for n, reader in enumerate(readers):
        comment_post(user=reader, article=first, body=f"Premier avis numéro {n}")
    return Site(articles=[first, draft], readers=readers, image=image)


@dataclass
class Poster:
    """Posts comments from a thread (its own database connection) until told to stop."""

    article: object
    readers: list
    committed: list = field(default_factory=list)  # (comment id, monotonic time after commit)
    errors: list = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self):
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self.thread.start()
        self.wait_for(1)
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=30)
        assert not self.thread.is_alive()

    def wait_for(self, more: int, timeout: float = 10.0) -> None:
        """Until `more` comments beyond those committed now are committed (bounded)."""
        wanted = len(self.committed) + more
        deadline = time.monotonic() + timeout
        while len(self.committed) < wanted and time.monotonic() < deadline and not self.errors:
            time.sleep(0.01)
        assert len(self.committed) >= wanted, self.errors

    def _run(self):
        started = time.monotonic()
        try:
            for n in range(POSTER_MAX_COMMENTS):
                if self.stop.is_set() or time.monotonic() - started > POSTER_MAX_SECONDS:
                    break
                cache.clear()  # no rate limit of the views applies here; keep it that way
                comment = comment_post(
                    user=self.readers[n % len(self.readers)],
                    article=self.article,
                    body=f"Commentaire pendant la sauvegarde, numéro {n}",
                )
                self.committed.append((comment.pk, time.monotonic()))
        except Exception as error:  # reported by wait_for and the test
            self.errors.append(error)
        finally:
            close_old_connections()
            connection.close()


def _comparable(model_field, value):
    if isinstance(model_field, StreamField) or model_field.get_internal_type() == "JSONField":
        prepared = model_field.get_prep_value(value)
        if isinstance(prepared, str):
            prepared = json.loads(prepared)
        return json.dumps(prepared, sort_keys=True, default=str)
    return value


def table_rows(alias: str = "default") -> dict[str, list[tuple]]:
    """Every carried table's rows, in id order, each value as Python reads it."""
    rows = {}
    for model in carried_models():
        fields = list(model._meta.local_concrete_fields)
        values = (
            model._base_manager.using(alias)
            .order_by("pk")
            .values_list(*(f.attname for f in fields))
        )
        rows[model._meta.db_table] = [
            tuple(_comparable(f, v) for f, v in zip(fields, row, strict=True)) for row in values
        ]
    return rows


def original_files(media_root: Path, alias: str = "default") -> dict[str, bytes]:
    """Each original a row names, with its bytes."""
    files = {}
    for model, file_field in original_file_fields():
        for name in model._base_manager.using(alias).values_list(file_field.attname, flat=True):
            if name:
                files[name] = (media_root / name).read_bytes()
    return files


def media_files(media_root: Path) -> set[str]:
    return {str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file()}


class SqliteFiles:
    """SQLite files for `default`, each a copy of the migrated test database.

    The suite's SQLite database is in memory; a backup reads a file, with other
    processes and threads writing to it. Each copy holds the schema and the migrations'
    rows, in WAL mode as `make run` opens it. The in-memory database stays open aside
    (closing it would destroy it) and `default` goes back to it at the end.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self.wrapper = connections["default"]
        assert self.wrapper.vendor == "sqlite" and self.wrapper.is_in_memory_db()
        self.wrapper.ensure_connection()
        self.memory = self.wrapper.connection
        self.memory_name = self.wrapper.settings_dict["NAME"]

    def new(self, name: str) -> Path:
        path = self.folder / name
        with contextlib.closing(sqlite3.connect(path)) as copy:
            self.memory.backup(copy)
            copy.execute("PRAGMA journal_mode=WAL")
        return path

    def use(self, path: Path) -> None:
        """`default` on this file from now on (this thread's and new threads' connections)."""
        if self.wrapper.connection is self.memory:
            self.wrapper.connection = None
        else:
            self.wrapper.close()
        self.wrapper.settings_dict["NAME"] = str(path)
        cache.clear()

    def back_to_memory(self) -> None:
        if self.wrapper.connection is not self.memory:
            self.wrapper.close()
        self.wrapper.settings_dict["NAME"] = self.memory_name
        self.wrapper.connection = self.memory
        cache.clear()


def sqlite_copy_of_default(alias: str) -> None:
    """The SQLite database `alias` made to hold what `default` holds, at its schema."""
    target = connections[alias]
    with target.schema_editor() as editor:
        for model in all_models():
            if not model._meta.auto_created:  # many-to-many tables come with their model
                editor.create_model(model)
    recorder = MigrationRecorder(target)
    recorder.ensure_schema()
    recorder.migration_qs.bulk_create(
        recorder.Migration(app=app, name=name)
        for app, name in MigrationRecorder(connections["default"]).applied_migrations()
    )
    rows_copy(source="default", target=alias, models=carried_models())
