"""The database of an archive, on PostgreSQL: pg_dump's custom format, and pg_restore.

Backing up: a read-only REPEATABLE READ transaction exports its snapshot, pg_dump dumps
exactly that snapshot (`--snapshot`), and the manifest's counts and file list are read
in the same transaction while it runs. Writers are never blocked.

Restoring: the target's tables are dropped, then pg_restore recreates everything in one
transaction (`--single-transaction --exit-on-error`): a failure leaves no half-restored
table. Owners and grants are not restored (the target's role owns what it creates).
"""

import os
import shutil
import subprocess
from pathlib import Path

from django.db import connections, transaction

from kiosque.backups.archive import ArchiveError
from kiosque.backups.connections import separate_connection
from kiosque.backups.facts import DatabaseFacts, database_facts
from kiosque.backups.tables import cache_tables

MEMBER = "database.pgdump"
PROGRAMS_FOLDER_VARIABLE = "KIOSQUE_PG_BIN"
DEBIAN_PROGRAMS = Path("/usr/lib/postgresql")
# Connection options a libpq program reads from the environment.
LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "options": "PGOPTIONS",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
}


class PostgresqlProgramError(RuntimeError):
    pass


def program(name: str) -> str:
    """pg_dump or pg_restore: from KIOSQUE_PG_BIN when set, else PATH, else Debian's newest.

    The client must be at least as new as the server (pg_dump refuses an older one).
    """
    folder = os.environ.get(PROGRAMS_FOLDER_VARIABLE, "").strip()
    if folder:
        path = Path(folder) / name
        if not os.access(path, os.X_OK):
            raise PostgresqlProgramError(f"{PROGRAMS_FOLDER_VARIABLE}={folder} has no {name}")
        return str(path)
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(DEBIAN_PROGRAMS.glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3]))
    if versions:
        return str(versions[-1])
    raise PostgresqlProgramError(
        f"{name} not found: install PostgreSQL's client programs (Debian: postgresql-client-"
        f"<server version>) or set {PROGRAMS_FOLDER_VARIABLE} to the folder holding {name}."
    )


def client_environment(settings_dict: dict) -> dict[str, str]:
    """libpq's variables for the database of `settings_dict` (no password on a command line)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
        "PGAPPNAME": "kiosque-backup",
    }
    for option, variable in LIBPQ_OPTIONS.items():
        values[variable] = settings_dict.get("OPTIONS", {}).get(option)
    environment.update({k: str(v) for k, v in values.items() if v not in (None, "")})
    return environment


def _run(arguments: list[str], settings_dict: dict, what: str) -> None:
    completed = subprocess.run(  # noqa: S603 (a fixed program and arguments built here)
        arguments,
        env=client_environment(settings_dict),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    if completed.returncode:
        raise PostgresqlProgramError(f"{what} failed: {completed.stderr.strip()[-2000:]}")


def postgresql_snapshot(alias: str, destination: Path) -> DatabaseFacts:
    """pg_dump of one snapshot into `destination`; the facts of that same snapshot."""
    settings_dict = connections[alias].settings_dict
    with separate_connection(alias) as connection:
        with connection.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        arguments = [
            program("pg_dump"),
            "--format=custom",
            f"--snapshot={snapshot}",
            "--no-password",
            f"--file={destination}",
            *(f"--exclude-table-data={table}" for table in cache_tables()),
        ]
        dump = subprocess.Popen(  # noqa: S603 (a fixed program and arguments built here)
            arguments,
            env=client_environment(settings_dict),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            facts = database_facts(connection)  # same snapshot, while pg_dump runs
        finally:
            _, errors = dump.communicate()
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")
    if dump.returncode:
        raise PostgresqlProgramError(f"pg_dump failed: {errors.strip()[-2000:]}")
    return facts


def postgresql_dump_checked(dump: Path) -> None:
    """pg_restore reads the dump's table of contents; ArchiveError if it cannot."""
    try:
        _run([program("pg_restore"), "--list", str(dump)], {}, "reading the dump")
    except PostgresqlProgramError as error:
        raise ArchiveError(f"the archive's database dump is unreadable: {error}") from None


def postgresql_restore(dump: Path, alias: str) -> None:
    """The dump restored into `alias`'s database, whose tables are dropped first."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor, include_views=False)
        if tables:
            cursor.execute(f"DROP TABLE IF EXISTS {', '.join(map(quote, tables))} CASCADE")
        # Text search configurations are not dropped with the tables, and pg_dump
        # writes them without IF NOT EXISTS (french_unaccent, search migration 0001).
        cursor.execute(
            "SELECT cfgname FROM pg_ts_config WHERE cfgnamespace = current_schema()::regnamespace"
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {quote(name)} CASCADE")
    connection.close()
    _run(
        [
            program("pg_restore"),
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            # COMMENT ON EXTENSION needs the extension's owner; Kiosque writes no comments.
            "--no-comments",
            "--no-password",
            f"--dbname={connection.settings_dict['NAME']}",
            str(dump),
        ],
        connection.settings_dict,
        "pg_restore",
    )
