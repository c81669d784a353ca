"""`backup_create` and `archive_restore`: the two commands' work, step by step.

A backup: a snapshot of the database (sqlite.py or postgresql.py), the facts of that
snapshot (facts.py), the originals it names (media.py), then the manifest; written
under a `.partial` name and renamed once complete, so a folder never holds a
half-written archive under an archive's name.

A restore verifies everything before it writes anything: every member against its
checksum, the database copy readable (SQLite's integrity check and row counts, or
pg_restore's table of contents), its migrations known to this code, the target empty
(unless told to replace it). Then the database, migrations forward, the originals,
and tasks for the worker: renditions and search indexes.
"""

import functools
import os
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from kiosque.backups import postgresql, sqlite
from kiosque.backups.archive import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ArchiveError,
    ArchiveWriter,
    archive_read_verified,
)
from kiosque.backups.connections import sqlite_alias
from kiosque.backups.facts import DatabaseFacts, database_facts
from kiosque.backups.media import (
    media_archive,
    media_folder_files,
    media_restore,
    media_sizes,
)
from kiosque.backups.progress import Progress
from kiosque.backups.retention import archive_name, archives_to_delete
from kiosque.backups.rows import rows_copy, rows_delete
from kiosque.backups.tables import (
    all_models,
    cache_tables,
    carried_models,
    rendition_models,
)
from kiosque.backups.target import target_contents
from kiosque.backups.tasks import queue_rebuilds


class BackupError(Exception):
    """The backup could not be made: the message says why."""


class RestoreRefused(Exception):
    """Nothing was written: the archive or the target is not fit (the message says why)."""


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


# --- backup ------------------------------------------------------------------------------


@dataclass
class BackupResult:
    path: Path
    size: int
    counts: dict[str, int]
    files: int
    missing: list[str]
    seconds: float
    deleted: list[str] = field(default_factory=list)


def backup_create(
    *,
    destination: Path | str,
    progress: Progress,
    database: str = DEFAULT_DB_ALIAS,
    keep_daily: int = 0,
    keep_weekly: int = 0,
) -> BackupResult:
    """One archive of `database` and its originals at `destination` (a file or a folder).

    In a folder, the archive is named after the time (retention.py), and `keep_daily`
    / `keep_weekly`, when either is set, delete the archives the folder no longer keeps.
    """
    started = time.monotonic()
    now = datetime.now(UTC)
    # A name ending with a slash is a folder, created if need be.
    into_folder = Path(destination).is_dir() or str(destination).endswith(("/", os.sep))
    destination = Path(destination)
    target = destination / archive_name(now) if into_folder else destination
    if (keep_daily or keep_weekly) and not into_folder:
        raise BackupError("--keep-daily and --keep-weekly need a folder as the destination.")
    if target.exists():
        raise BackupError(f"{target} exists already: choose another name.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with tempfile.TemporaryDirectory(prefix=".kiosque-backup-", dir=target.parent) as work:
        member, facts, engine = _database_snapshot(database, Path(work), progress)
        sizes, missing = media_sizes(facts.files)
        writer = ArchiveWriter(partial)
        try:
            progress.step("Archiving the database", member.stat().st_size, in_bytes=True)
            writer.add_path(member.name, member, on_read=progress.advance)
            progress.step(f"Archiving {len(sizes)} media files", sum(sizes.values()), in_bytes=True)
            missing += media_archive(writer, sizes, progress)
            writer.finish(_manifest(now, engine, member.name, facts, missing, database))
            progress.finish()
            _durably_renamed(partial, target)
        except BaseException:
            writer.abandon()
            partial.unlink(missing_ok=True)
            raise
    deleted = _prune(target.parent, keep_daily, keep_weekly) if into_folder else []
    return BackupResult(
        path=target,
        size=target.stat().st_size,
        counts=facts.counts,
        files=len(sizes) - len(set(missing) & set(sizes)),
        missing=sorted(missing),
        seconds=time.monotonic() - started,
        deleted=deleted,
    )


def _database_snapshot(
    database: str, work: Path, progress: Progress
) -> tuple[Path, DatabaseFacts, str]:
    engine = connections[database].vendor
    progress.step(f"Snapshot of the {engine} database")
    if engine == "sqlite":
        copy = work / "database.sqlite3"
        try:
            sqlite.sqlite_snapshot(database, copy)
        except ValueError as error:
            raise BackupError(str(error)) from None
        with sqlite_alias(copy) as alias:
            facts = database_facts(connections[alias])
        member = work / sqlite.MEMBER
        progress.step("Compressing the database", copy.stat().st_size, in_bytes=True)
        sqlite.compress(copy, member, on_read=progress.advance)
        copy.unlink()
        return member, facts, engine
    if engine == "postgresql":
        member = work / postgresql.MEMBER
        try:
            facts = postgresql.postgresql_snapshot(database, member)
        except postgresql.PostgresqlProgramError as error:
            raise BackupError(str(error)) from None
        return member, facts, engine
    raise BackupError(f"Kiosque backs up SQLite and PostgreSQL databases, not {engine}.")


def _manifest(now, engine, member, facts: DatabaseFacts, missing, database) -> dict:
    described = {"engine": engine, "member": member}
    if engine == "postgresql":
        described["server_version"] = connections[database].pg_version
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "created_at": now.isoformat(timespec="seconds"),
        "kiosque_version": _version("kiosque"),
        "django_version": _version("django"),
        "wagtail_version": _version("wagtail"),
        "database": described,
        "migrations": facts.migrations,
        "counts": facts.counts,
        "media": {"files": len(facts.files) - len(missing), "missing": sorted(missing)},
    }


def _durably_renamed(partial: Path, target: Path) -> None:
    """The archive's bytes on disk before its final name, and the name on disk too."""
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _prune(folder: Path, keep_daily: int, keep_weekly: int) -> list[str]:
    if not (keep_daily or keep_weekly):
        return []
    names = [entry.name for entry in folder.iterdir() if entry.is_file()]
    doomed = archives_to_delete(names, keep_daily=keep_daily, keep_weekly=keep_weekly)
    for name in doomed:
        (folder / name).unlink(missing_ok=True)
    return doomed


# --- restore -----------------------------------------------------------------------------


@dataclass
class RestoreResult:
    manifest: dict
    engine: str  # the target's
    counts: dict[str, int]  # rows per table, as restored (before migrating forward)
    files: int
    bytes_written: int
    migrated: list[str]
    queued: dict[str, int]
    seconds: float


def archive_restore(*, archive: Path, progress: Progress, replace: bool = False) -> RestoreResult:
    """The archive restored into the site's database and media folder (see the module)."""
    started = time.monotonic()
    database = DEFAULT_DB_ALIAS
    engine = connections[database].vendor
    with tempfile.TemporaryDirectory(prefix="kiosque-restore-") as work:
        work = Path(work)
        # 1. Everything verified; only the temporary folder is written.
        size = archive.stat().st_size if archive.is_file() else 0
        progress.step("Verifying the archive", size, in_bytes=True)
        verified = archive_read_verified(archive, work / "staging", progress.advance)
        manifest = verified.manifest
        source_engine = manifest["database"]["engine"]
        if source_engine == "postgresql" and engine != "postgresql":
            raise RestoreRefused(
                "this archive holds a PostgreSQL dump: it restores into PostgreSQL only "
                "(set DATABASE_URL to an empty PostgreSQL database)."
            )
        if engine not in ("sqlite", "postgresql"):
            raise RestoreRefused(f"Kiosque restores into SQLite or PostgreSQL, not {engine}.")
        _check_migrations_known(manifest)
        progress.step("Checking the archive's database")
        if source_engine == "sqlite":
            copy = sqlite.sqlite_unpacked(verified.database_file, work / "database.sqlite3")
            _check_counts(_sqlite_counts(copy), manifest, "the archive's database")
        else:
            postgresql.postgresql_dump_checked(verified.database_file)
        if not replace:
            found = target_contents(database)
            if media_folder_files():
                found.append(f"files in the media folder ({settings.MEDIA_ROOT})")
            if found:
                raise RestoreRefused(
                    f"the site is not empty: it holds {', '.join(found)}. Restore into an "
                    "empty database and media folder, or pass --force to replace them "
                    "(everything in the database is lost)."
                )

        # 2. The database.
        progress.step("Restoring the database")
        if source_engine == engine == "sqlite":
            sqlite.sqlite_restore(copy, database)
        elif source_engine == engine == "postgresql":
            try:
                postgresql.postgresql_restore(verified.database_file, database)
            except postgresql.PostgresqlProgramError as error:
                raise RuntimeError(str(error)) from None
        else:
            _sqlite_into_postgresql(copy, database, manifest, progress)
        counts = database_facts(connections[database]).counts
        if source_engine == engine:
            _check_counts(counts, manifest, "the restored database")
        migrated = _migrate_forward(database)
        if cache_tables():
            call_command("createcachetable", database=database, verbosity=0)
        # Their files are not in the archive: made again by the worker.
        rows_delete(database, rendition_models())

        # 3. The originals, then the worker's tasks.
        media_bytes = sum(p.stat().st_size for p in verified.media.values())
        progress.step(f"Restoring {len(verified.media)} media files", media_bytes, in_bytes=True)
        written = media_restore(verified.media, progress, replace=replace)
        progress.finish()
        queued = queue_rebuilds()
    return RestoreResult(
        manifest=manifest,
        engine=engine,
        counts=counts,
        files=len(verified.media),
        bytes_written=written,
        migrated=migrated,
        queued=queued,
        seconds=time.monotonic() - started,
    )


@functools.cache
def _code_migrations() -> dict[tuple[str, str], list[tuple[str, str]]]:
    """Every migration this code has: (app, name) → the migrations it replaces, if squashed."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {key: list(migration.replaces) for key, migration in loader.disk_migrations.items()}


def _known_migrations() -> tuple[set[tuple[str, str]], set[str]]:
    """(app, name) of every migration this code has or replaced; the apps that have some."""
    code = _code_migrations()
    known = set(code) | {replaced for names in code.values() for replaced in names}
    return known, {app for app, _name in code}


def _may_be_pending(applied: set[tuple[str, str]]) -> bool:
    """Whether some migration of this code is not in `applied` (a squashed one counts as
    applied when all it replaces are). Quick, from the disk alone: when it says yes,
    Django's own plan decides."""
    replaced = {r for replaces in _code_migrations().values() for r in replaces}
    for key, replaces in _code_migrations().items():
        if key in applied or (key in replaced and not replaces):
            continue
        if replaces and set(replaces) <= applied:
            continue
        return True
    return False


def _check_migrations_known(manifest: dict) -> None:
    migrations = manifest.get("migrations")
    if not isinstance(migrations, dict):
        raise ArchiveError("the manifest has no migration state.")
    known, apps = _known_migrations()
    unknown = sorted(
        f"{app}.{name}"
        for app, names in migrations.items()
        if app in apps
        for name in names
        if (app, name) not in known
    )
    if unknown:
        raise RestoreRefused(
            f"the archive was made by a newer Kiosque (version "
            f"{manifest.get('kiosque_version', '?')}): this code does not know its "
            f"migration{'s' if len(unknown) > 1 else ''} {', '.join(unknown[:5])}. "
            "Upgrade Kiosque, then restore."
        )


def _sqlite_counts(copy: Path) -> dict[str, int]:
    with sqlite_alias(copy) as alias:
        return database_facts(connections[alias]).counts


def _check_counts(counts: dict[str, int], manifest: dict, what: str) -> None:
    recorded = manifest.get("counts")
    if not isinstance(recorded, dict):
        raise ArchiveError("the manifest has no row counts.")
    rebuilt = {m._meta.db_table for m in all_models()} - {
        m._meta.db_table for m in carried_models()
    }
    for table, expected in sorted(recorded.items()):
        if table in rebuilt or table not in counts:
            continue
        if counts[table] != expected:
            raise ArchiveError(
                f"{what} holds {counts[table]} rows in {table}, its manifest {expected}."
            )


def _pending_migrations(database: str) -> list[str]:
    executor = MigrationExecutor(connections[database])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{m.app_label}.{m.name}" for m, _backwards in plan]


def _migrate_forward(database: str) -> list[str]:
    """Migrations applied to bring `database` to this code's schema (often none)."""
    recorder = MigrationRecorder(connections[database])
    applied = set(recorder.applied_migrations()) if recorder.has_table() else set()
    if not _may_be_pending(applied):
        return []  # Django's plan costs a second or more to build: only when needed
    pending = _pending_migrations(database)
    if pending:
        call_command("migrate", database=database, interactive=False, verbosity=0)
    return pending


def _sqlite_into_postgresql(copy: Path, database: str, manifest: dict, progress) -> None:
    """An embedded site outgrown: the SQLite copy's rows, model by model (rows.py)."""
    with sqlite_alias(copy) as source:
        source_migrated = _migrate_forward(source)
        _migrate_forward(database)  # a database just created gets its tables here
        carried = carried_models()
        counts = database_facts(connections[source]).counts
        total = sum(counts.get(m._meta.db_table, 0) for m in carried)
        progress.step("Copying rows into PostgreSQL", total)
        copied = rows_copy(
            source=source,
            target=database,
            models=carried,
            emptied=all_models(),
            on_rows=progress.advance,
        )
    if not source_migrated:
        _check_counts(copied, manifest, "the copy into PostgreSQL")
