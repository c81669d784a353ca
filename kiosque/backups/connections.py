"""Django connections a backup or a restore opens besides the site's own."""

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connections

from kiosque.settings.environment import sqlite_options

SQLITE = "django.db.backends.sqlite3"


def _filled(settings_dict: dict) -> dict:
    """The keys Django's connection handler fills in for DATABASES entries."""
    filled = {
        "ATOMIC_REQUESTS": False,
        "AUTOCOMMIT": True,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "OPTIONS": {},
        "TIME_ZONE": None,
        "NAME": "",
        "USER": "",
        "PASSWORD": "",
        "HOST": "",
        "PORT": "",
        "TEST": {"CHARSET": None, "COLLATION": None, "MIGRATE": True, "MIRROR": None, "NAME": None},
    }
    return filled | settings_dict


@contextmanager
def sqlite_alias(path: Path) -> Iterator[str]:
    """A database alias on the SQLite file `path`, for as long as the block runs.

    How a restore reads the SQLite copy of an archive through the models (and migrates
    it forward) while `default` is the PostgreSQL database it fills.
    """
    alias = f"kiosque_backup_{secrets.token_hex(4)}"
    connections.settings[alias] = _filled(
        {"ENGINE": SQLITE, "NAME": str(path), "OPTIONS": sqlite_options()}
    )
    try:
        # Opened here rather than on first use: Django's test cases refuse to open, from
        # a query, a connection to an alias they were not told about.
        connections[alias].connect()
        yield alias
    finally:
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]


@contextmanager
def separate_connection(alias: str) -> Iterator:
    """A connection to `alias`'s database of its own, apart from the one code shares.

    The PostgreSQL backup holds a transaction open on it for as long as pg_dump runs.
    """
    wrapper = connections.create_connection(alias)
    try:
        yield wrapper
    finally:
        wrapper.close()


def sqlite_file(alias: str) -> Path:
    """The file of a SQLite database; refuses an in-memory one (nothing to back up)."""
    connection = connections[alias]
    if connection.is_in_memory_db():
        raise ValueError("an in-memory SQLite database has no file to back up or restore")
    return Path(connection.settings_dict["NAME"])
