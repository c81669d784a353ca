"""The database of an archive, on SQLite: SQLite's online backup API, both ways.

Backing up: one `backup()` step copies every page inside one read transaction. With
write-ahead logging (how Kiosque opens SQLite) the server, the worker and the CLI keep
writing meanwhile, and the copy is the database as it was when the step began. (Copied
in several steps, it would start again each time another process wrote: it could never
end on a busy site.)

Restoring: the same API writes the copy's pages over the target's inside one write
transaction, so the target is either the old database or the restored one.
"""

import contextlib
import gzip
import shutil
import sqlite3
import zlib
from pathlib import Path

from django.db import connections

from kiosque.backups.archive import ArchiveError
from kiosque.backups.connections import sqlite_file
from kiosque.backups.tables import cache_tables

MEMBER = "database.sqlite3.gz"
BUSY_TIMEOUT_SECONDS = 30
# Level 6: a third of level 9's time for nearly the same size on the demo's database.
GZIP_LEVEL = 6


def sqlite_snapshot(alias: str, destination: Path) -> None:
    """A consistent copy of `alias`'s database in `destination` (a plain SQLite file)."""
    source_path = sqlite_file(alias)
    if not source_path.exists():
        raise FileNotFoundError(f"no SQLite database at {source_path}")
    with (
        contextlib.closing(sqlite3.connect(source_path, timeout=BUSY_TIMEOUT_SECONDS)) as source,
        contextlib.closing(sqlite3.connect(destination)) as copy,
    ):
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
        present = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
        with copy:
            for table in cache_tables():
                if table in present:
                    copy.execute(f'DELETE FROM "{table}"')  # noqa: S608 (names from settings)
        problem = _quick_check(copy)
        if problem:
            raise RuntimeError(f"the site's database fails SQLite's integrity check: {problem}")


def _quick_check(connection: sqlite3.Connection) -> str | None:
    """SQLite's own check of every page (not of the foreign keys): its first complaint."""
    problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
    return None if problems == ["ok"] else problems[0]


def compress(source: Path, destination: Path, on_read=None) -> None:
    with open(source, "rb") as raw, gzip.open(destination, "wb", compresslevel=GZIP_LEVEL) as out:
        while chunk := raw.read(1024 * 1024):
            out.write(chunk)
            if on_read:
                on_read(len(chunk))


def sqlite_unpacked(member: Path, destination: Path) -> Path:
    """The archive's SQLite copy, decompressed and checked; ArchiveError if unusable."""
    try:
        with gzip.open(member, "rb") as packed, open(destination, "wb") as out:
            shutil.copyfileobj(packed, out, 1024 * 1024)
        with contextlib.closing(sqlite3.connect(destination)) as copy:
            problem = _quick_check(copy)
        if problem:
            raise ArchiveError(f"the archive's database fails SQLite's integrity check: {problem}")
    except (OSError, EOFError, zlib.error, sqlite3.DatabaseError) as error:
        # A disk full or unwritable is not the archive's fault: said as it is.
        if isinstance(error, OSError) and error.errno is not None:
            raise
        raise ArchiveError(f"the archive's database cannot be read: {error}") from None
    return destination


def sqlite_restore(copy: Path, alias: str) -> None:
    """Every page of `copy` written over `alias`'s database, in one transaction."""
    target_path = sqlite_file(alias)
    connections[alias].close()
    target_path.parent.mkdir(parents=True, exist_ok=True)
    with (
        contextlib.closing(sqlite3.connect(copy)) as source,
        contextlib.closing(sqlite3.connect(target_path, timeout=BUSY_TIMEOUT_SECONDS)) as target,
    ):
        source.backup(target)
        target.execute("PRAGMA journal_mode=WAL")
