"""`kiosque backup` while a reader comments, then `kiosque restore` into an empty site.

Run on the database the suite runs on (SQLite, in a file of the test's own: a backup
reads a file that other connections write to) and, marked `postgres`, on PostgreSQL.
Every committed article, revision, comment, reader, image and setting must come back,
compared row by row and file by file; the snapshot must be consistent (the comments
in it are exactly those committed before it, with their counter); a truncated or
corrupted archive, or a site that is not empty, must be refused with nothing written.
"""

import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django_tasks import default_task_backend

from kiosque.backups import services
from kiosque.backups.connections import sqlite_alias
from kiosque.backups.progress import Silent
from kiosque.backups.rows import tables_empty
from kiosque.backups.services import backup_create
from kiosque.backups.tables import all_models, rendition_models
from kiosque.backups.target import target_contents
from kiosque.backups.tasks import renditions_rebuild, search_indexes_rebuild
from kiosque.discussion.models import Comment, CommentCount
from kiosque.discussion.services import comment_post
from kiosque.newsroom.models import ArticlePage
from kiosque.search.models import SearchDocument
from tests.backups.helpers import (
    Poster,
    SqliteFiles,
    build_site,
    media_files,
    original_files,
    sqlite_copy_of_default,
    table_rows,
)
from tests.concurrency import on_postgresql
from tests.discussion.helpers import make_reader

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
# Rows comment_post writes: every other table must come back exactly as it was.
COMMENT_TABLES = {Comment._meta.db_table, CommentCount._meta.db_table}
ENGINES = [
    pytest.param("suite", id="suite-database", marks=pytest.mark.django_db(transaction=True)),
    pytest.param(
        "postgresql",
        id="postgresql",
        marks=[pytest.mark.postgres, pytest.mark.django_db(transaction=True)],
    ),
]


@pytest.fixture
def sites(request, tmp_path, settings):
    """(make the empty target current): `default` is the site to back up meanwhile."""
    settings.TASKS = DUMMY_TASKS
    settings.MEDIA_ROOT = tmp_path / "media-site"
    if request.param == "postgresql":
        on_postgresql()
    if connection.vendor != "sqlite":
        yield lambda: tables_empty("default", all_models())
        return
    files = SqliteFiles(tmp_path)
    files.use(files.new("site.sqlite3"))
    try:
        yield lambda: files.use(files.new("restored.sqlite3"))
    finally:
        files.back_to_memory()


def damaged_copies(archive: Path, folder: Path) -> dict[str, Path]:
    """The archive cut short, and with one bit of the picture's original flipped."""
    data = bytearray(archive.read_bytes())
    truncated = folder / "truncated.tar"
    truncated.write_bytes(data[: len(data) * 2 // 3])
    with tarfile.open(archive) as tar:
        picture = next(m for m in tar.getmembers() if "/media/" in m.name)
    data[picture.offset_data + picture.size // 2] ^= 1
    flipped = folder / "flipped.tar"
    flipped.write_bytes(data)
    return {"truncated": truncated, "does not match its checksum": flipped}


def assert_still_empty(media_root: Path) -> None:
    assert target_contents("default") == []
    assert Comment.objects.count() == 0
    assert media_files(media_root) == set()


@pytest.mark.parametrize("sites", ENGINES, indirect=True)
def test_a_backup_taken_while_readers_comment_restores_every_committed_row_and_file(
    sites, tmp_path, monkeypatch
):
    site = build_site()
    site_media = tmp_path / "media-site"
    archive = tmp_path / "site.tar"
    with Poster(article=site.articles[0], readers=site.readers) as poster:
        committed_before = {pk for pk, _at in poster.committed}
        # Once the database's snapshot is taken, comments keep coming while the media
        # are archived: the archive must hold none of them (nor be blocked by them).
        real_media_sizes = services.media_sizes

        def media_sizes_once_more_comments_are_in(names):
            poster.wait_for(3)
            return real_media_sizes(names)

        with monkeypatch.context() as patched:
            patched.setattr(services, "media_sizes", media_sizes_once_more_comments_are_in)
            call_command("backup", archive, stdout=(out := _Text()), stderr=_Text())
    assert not poster.errors
    assert f"Archive: {archive}" in out.text
    source_rows = table_rows()
    source_files = original_files(site_media)
    rendition_files = media_files(site_media) - set(source_files)
    assert rendition_files  # the site had a rendition; it must not travel

    sites()  # the target: an empty database...
    restored_media = tmp_path / "media-restored"
    with override_settings(MEDIA_ROOT=restored_media):  # ...and an empty media folder
        for problem, damaged in damaged_copies(archive, tmp_path).items():
            with pytest.raises(CommandError, match=problem):
                call_command("restore", damaged, stdout=_Text(), stderr=_Text())
            assert_still_empty(restored_media)

        default_task_backend.clear()
        call_command("restore", archive, stdout=(out := _Text()), stderr=_Text())
        assert "Queued for the worker: renditions of 1 images" in out.text
        restored_rows = table_rows()

        # Every table but the comments' is back exactly; the comments are those
        # committed before the snapshot: all those before the backup began, none of
        # those posted after the snapshot, their counter agreeing with them.
        for table, rows in source_rows.items():
            if table not in COMMENT_TABLES:
                assert restored_rows[table] == rows, table
        comments = restored_rows[Comment._meta.db_table]
        restored_ids = [row[0] for row in comments]
        assert committed_before <= set(restored_ids)
        assert comments == source_rows[Comment._meta.db_table][: len(comments)]
        assert len(comments) <= len(source_rows[Comment._meta.db_table]) - 3
        assert CommentCount.objects.get(article=site.articles[0]).published == (
            Comment.objects.filter(article=site.articles[0], status="published").count()
        )
        # The originals, byte for byte; renditions are made again by the worker.
        assert original_files(restored_media) == source_files
        assert media_files(restored_media) == set(source_files)
        assert all(m.objects.count() == 0 for m in rendition_models())
        queued = {r.task.name: r for r in default_task_backend.results}
        assert queued[renditions_rebuild.name].args == [[site.image.pk]]
        assert search_indexes_rebuild.name in queued
        search_indexes_rebuild.call()
        assert list(SearchDocument.objects.values_list("pk", flat=True)) == [site.articles[0].pk]

        # A site that is not empty is refused, and stays as it is.
        with pytest.raises(CommandError, match=r"not empty: it holds \d+ accounts"):
            call_command("restore", archive, stdout=_Text(), stderr=_Text())
        assert table_rows() == restored_rows

        if connection.vendor == "postgresql":
            check_a_sqlite_archive_fills_postgresql(tmp_path, restored_media)


def check_a_sqlite_archive_fills_postgresql(tmp_path, media_root):
    """The site, as it would be on SQLite, archived, then restored into the emptied
    PostgreSQL database: an operator outgrowing the embedded default (decision 0079).

    The SQLite copy is made here from the PostgreSQL database (migrating a SQLite one
    from nothing takes over a minute): tables created by Django's schema editor for
    SQLite, the migrations recorded as applied, the rows copied over.
    """
    archive = tmp_path / "sqlite-site.tar"
    with sqlite_alias(tmp_path / "as-sqlite.sqlite3") as alias:
        sqlite_copy_of_default(alias)
        backup = backup_create(destination=archive, progress=Silent(), database=alias)
    assert backup.files == 1
    expected_rows = table_rows()
    expected_files = original_files(media_root)

    tables_empty("default", all_models())
    moved_media = tmp_path / "media-moved"
    with override_settings(MEDIA_ROOT=moved_media):
        call_command("restore", archive, stdout=(out := _Text()), stderr=_Text())
        assert "sqlite into postgresql" in out.text
        assert table_rows() == expected_rows
        assert original_files(moved_media) == expected_files
        # The sequences were moved past the copied ids: new rows get new ones.
        comment = comment_post(
            user=make_reader(), article=ArticlePage.objects.live().first(), body="Après"
        )
        assert comment.pk > max(row[0] for row in expected_rows[Comment._meta.db_table])


class _Text:
    """A stream for call_command: not a terminal, so progress is written as lines."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass

    def isatty(self):
        return False

    @property
    def text(self):
        return "".join(self.parts)
