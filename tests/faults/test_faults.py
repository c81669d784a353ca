"""Faults on one machine under a bounded load (issue 19): the site survives each, and
no comment is lost or stored twice.

One production-like stack for the module (tests/faults/stack.py: a private PostgreSQL,
Redis, gunicorn, a worker, Varnish, a tmpfs media disk), three readers and two
commenters running all along, and one fault per test, in turn, each short (about two
seconds broken). bench/faults.py runs the same scenarios longer and prints a table.

PostgreSQL only: the stack's database is a private PostgreSQL server, its schema copied
from the test database (a `migrate` there takes over a minute), the newsroom written by
this process (tests/faults/newsroom.py).

The whole module is marked slow: its tests share one stack, and must run one after the
other (the suite runs slow tests first; marking only some would split the module and
start the stack twice).
"""

import time
from urllib.parse import quote

import pytest
from django.db import connection

from tests.concurrency import on_postgresql
from tests.faults import newsroom, scenarios
from tests.faults.stack import new_stack, start_stack

pytestmark = [
    # Not used by the tests, but pytest-django creates the test database (the source of
    # the stack's schema) only for a session with a test that asks for it.
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.processes,
    pytest.mark.xdist_group("faults"),
    pytest.mark.slow(reason="one production-like stack (about 15 s to start) for five faults"),
]

DOWN_SECONDS = 2.0


def migrated_database_url() -> str:
    """The pytest-django test database, migrated: the source of the stack's schema."""
    settings = connection.settings_dict
    user = quote(settings.get("USER") or "postgres")
    password = f":{quote(settings['PASSWORD'])}" if settings.get("PASSWORD") else ""
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


@pytest.fixture(scope="module")
def run(django_db_setup, django_db_blocker):
    on_postgresql()
    stack = new_stack()
    load = None
    try:
        with django_db_blocker.unblock():  # the newsroom, written from here
            start_stack(
                stack,
                schema_from=migrated_database_url(),
                write_newsroom=newsroom.written_here(scenarios.setup_spec(stack, accounts=4)),
            )
        print(f"stack started: { {k: round(v, 1) for k, v in stack.timings.items()} }")
        load = scenarios.Run(stack, readers=3, commenters=2, progress=print)
        load.start()
        yield load
    finally:
        stopping = time.monotonic()
        problems = load.stop() if load is not None else []
        load_stopped = time.monotonic()
        stack.stop()
        print(f"load stopped in {load_stopped - stopping:.1f} s, "
              f"stack in {time.monotonic() - load_stopped:.1f} s")  # fmt: skip
    assert not problems, problems


def finish(run: scenarios.Run, window: scenarios.Window) -> scenarios.Row:
    run.end(window)
    row = run.row(window, run.stored_markers())
    print(row)
    for note in window.notes:
        print(note)
    assert not row.checks_failed, row.checks_failed
    assert row.lost == 0, row
    assert row.duplicated == 0, row
    return row


def test_postgresql_restarted_readers_get_the_503_page_and_nothing_is_lost(run):
    window = run.window("PostgreSQL restarted")
    scenarios.postgres_restart(run, window, DOWN_SECONDS)
    row = finish(run, window)  # the web server and the worker kept running, among others
    assert row.errors.get("503", 0) > 0  # the readers saw it, and were told clearly
    assert row.recovery < 10


def test_redis_restarted_empty_pages_keep_being_served(run):
    window = run.window("Redis restarted")
    scenarios.redis_restart(run, window, DOWN_SECONDS)
    row = finish(run, window)
    assert row.errors == {}


def test_varnish_restarted_purges_are_retried_and_nothing_stale_is_served(run):
    window = run.window("Varnish restarted")
    scenarios.varnish_restart(run, window, DOWN_SECONDS)
    finish(run, window)


def test_workers_killed_in_the_middle_of_a_wire_poll_and_of_renditions(run):
    window = run.window("worker SIGKILLed mid-task")
    scenarios.worker_killed(run, window, dispatches=4)
    finish(run, window)


def test_media_disk_full_ingest_fails_clearly_and_the_site_serves(run):
    window = run.window("media disk full")
    scenarios.disk_full(run, window, seconds=DOWN_SECONDS)
    finish(run, window)  # no half-written file left, among others
