"""A worker killed in the middle of a send: no address gets the edition twice (0083).

A real `kiosque worker` sends an edition to 40 addresses through the test's SMTP server,
at 20 messages a second. The server holds its answer to the 12th message, the message
received whole: the worker is SIGKILLed while it waits for that 250, the worst moment
(the server has the message, the worker's record says SENDING). Another worker is
started; it takes the killed worker's task back (KIOSQUE_WORKER_LOST_SECONDS, 1.5 s
here), sends the 28 others and, once the claim is older than NEWSLETTER_CLAIM_SECONDS
(2 s here), records the 12th FAILED, "interrupted", without sending it again.

The database is the test's own, its rows committed (a transactional test): on SQLite
copied into a file the workers open (VACUUM INTO), on PostgreSQL the test database.
"""

import contextlib
import os
import signal
import sqlite3
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection
from django.utils import timezone

from kiosque.newsletters.models import Edition, NewsletterList, Subscriber, Subscription
from kiosque.newsletters.sending import INTERRUPTED, start_sending
from tests.concurrency import on_postgresql
from tests.core.test_concurrent_writes_sqlite import kiosque_env, start

pytestmark = [pytest.mark.processes, pytest.mark.django_db(transaction=True)]

RECIPIENTS = 40
HELD = 12  # the message the worker is killed on
WAIT_SECONDS = 90  # bound of every wait (process starts on a busy machine included)
WORKER_OPTIONS = ["--no-schedule", "--no-reload", "--no-startup-delay", "--interval", "0.1"]


def addresses() -> list[str]:
    return [f"abonne{n:02d}@example.org" for n in range(RECIPIENTS)]


def queued_edition(settings) -> int:
    """The list, its subscribers and the edition, committed; its first run queued."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    newsletter = NewsletterList.objects.create(name="Essentiel", slug="essentiel", kind="digest")
    now = timezone.now()
    for email in addresses():
        Subscription.objects.create(
            subscriber=Subscriber.objects.create(email=email),
            newsletter=newsletter,
            status=Subscription.Status.CONFIRMED,
            requested_at=now,
            confirmed_at=now,
        )
    edition = Edition.objects.create(newsletter=newsletter, subject="Essentiel", status="ready")
    assert start_sending(edition) == RECIPIENTS
    return edition.pk


def wait_for(condition, what: str, processes=()):
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        for process in processes:
            assert process.poll() is None, f"{process.name} stopped:\n{process.output()[-3000:]}"
        assert time.monotonic() < deadline, f"never: {what}\n" + "\n".join(
            f"--- {p.name}\n{p.output()[-3000:]}" for p in processes
        )
        time.sleep(0.05)


def kill_drill(tmp_path: Path, smtp_server, database_url: str, query) -> None:
    env = kiosque_env(
        tmp_path / "var",
        0,
        DATABASE_URL=database_url,
        TEST_SMTP_PORT=str(smtp_server.port),
        KIOSQUE_WORKER_LOST_SECONDS="1.5",
        NEWSLETTER_SEND_RATE="20",
        NEWSLETTER_BATCH_SIZE="15",
        NEWSLETTER_CLAIM_SECONDS="2",
        NEWSLETTER_RETRY_SECONDS="1",
        LOG_LEVEL="WARNING",
    )
    env["DJANGO_SETTINGS_MODULE"] = "tests.newsletters.worker_settings"
    handler = smtp_server.handler
    handler.hold(HELD)
    first = start("worker-a", ["worker", *WORKER_OPTIONS, "--worker-id", "a"], env, tmp_path)
    second = None
    try:
        wait_for(handler.holding.is_set, "the 12th message reached the server", [first])
        os.killpg(first.popen.pid, signal.SIGKILL)
        first.popen.wait(timeout=10)
        handler.release.set()
        assert query("SELECT status FROM newsletters_delivery WHERE status = 'sending'") == [
            ("sending",)
        ]

        second = start("worker-b", ["worker", *WORKER_OPTIONS, "--worker-id", "b"], env, tmp_path)
        edition_sent = "SELECT status FROM newsletters_edition WHERE status = 'sent'"
        wait_for(lambda: query(edition_sent), "the edition sent", [second])
        second.popen.send_signal(signal.SIGTERM)
        assert second.wait(timeout=30) == 0, second.output()[-3000:]
    finally:
        handler.release.set()
        for process in (first, second):
            if process is not None:
                process.stop_for_good()

    received = Counter(handler.addresses())
    assert set(received) == set(addresses())  # the held one arrived before the kill
    assert max(received.values()) == 1, [a for a, n in received.items() if n > 1]
    rows = query(
        "SELECT s.email, d.status, d.last_error FROM newsletters_delivery d "
        "JOIN newsletters_subscriber s ON s.id = d.subscriber_id ORDER BY d.id"
    )
    failed = [(email, error) for email, status, error in rows if status == "failed"]
    assert failed == [(addresses()[HELD - 1], INTERRUPTED)]
    assert Counter(status for _, status, _ in rows) == {"sent": RECIPIENTS - 1, "failed": 1}
    assert "back in the queue: worker a" in second.output()


# The SQLite variant copies the suite's own database: it exists only when the suite runs
# on SQLite (on PostgreSQL it would be a skip, and CI=true fails a run with a skip).
SUITE_ON_SQLITE = urlsplit(os.environ.get("DATABASE_URL", "")).scheme in ("", "sqlite")

if SUITE_ON_SQLITE:

    def test_a_killed_worker_never_sends_twice_and_the_next_resumes_on_sqlite(
        tmp_path, smtp_server, settings
    ):
        queued_edition(settings)
        database = tmp_path / "kiosque.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(database)])

        def query(sql):
            with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
                return db.execute(sql).fetchall()

        kill_drill(tmp_path, smtp_server, f"sqlite:///{database}", query)


@pytest.mark.postgres
def test_a_killed_worker_never_sends_twice_and_the_next_resumes_on_postgresql(
    tmp_path, smtp_server, settings
):
    on_postgresql()
    queued_edition(settings)
    server = urlsplit(os.environ["DATABASE_URL"])
    url = urlunsplit(server._replace(path="/" + connection.settings_dict["NAME"]))

    def query(sql):
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()

    try:
        kill_drill(tmp_path, smtp_server, url, query)
    finally:
        # The workers' connections are gone before the test's tables are emptied.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
