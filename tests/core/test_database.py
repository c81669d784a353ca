"""The suite runs on the database DATABASE_URL names; CI makes that PostgreSQL."""

import os

import pytest
from django.db import connection
from django.db.utils import ConnectionHandler

from kiosque.settings.environment import database_from_environment


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_suite_runs_on_postgresql_when_database_url_is_set():
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        pytest.skip("DATABASE_URL does not name PostgreSQL: the suite runs on SQLite")
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_encoding")
        assert cursor.fetchone()[0] == "UTF8"


def test_sqlite_runs_with_write_ahead_logging_and_a_busy_timeout(
    tmp_path, monkeypatch, django_db_blocker
):
    # A connection of its own to a file database, configured as `make run` configures it,
    # so this holds whichever database the rest of the suite runs on.
    monkeypatch.delenv("DATABASE_URL", raising=False)
    handler = ConnectionHandler({"default": database_from_environment(tmp_path)})
    sqlite = handler["default"]
    try:
        with django_db_blocker.unblock(), sqlite.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone()[0] == 30000
        assert sqlite.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
        assert (tmp_path / "kiosque.sqlite3").exists()
    finally:
        handler.close_all()
