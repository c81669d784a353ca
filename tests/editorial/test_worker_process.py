"""`kiosque worker` alone publishes a scheduled article on time: no cron, no other process.

A real worker process on a SQLite file made for the test (the embedded default of
`make run`), with the default schedule interval: the article must be live within a
minute of its go-live time, and published once.
"""

import contextlib
import os
import signal
import sqlite3
import subprocess
import time
from datetime import UTC, datetime, timedelta

import pytest

from tests.core.test_concurrent_writes_sqlite import kiosque, kiosque_env, start

LEAD_SECONDS = 8  # the article is due this long after the setup ends
WITHIN = timedelta(minutes=1)

SETUP_SCRIPT = """
import os
from datetime import timedelta
from django.core.management import call_command
from django.utils import timezone
from tests.editorial.helpers import schedule
from tests.factories import build_newsroom, make_article

call_command("createcachetable")
newsroom = build_newsroom()
article = make_article(newsroom.europe, slug="programme", live=False)
go_live_at = timezone.now() + timedelta(seconds=int(os.environ["LEAD"]))
schedule(article, go_live_at=go_live_at)
print("GO_LIVE_AT " + go_live_at.isoformat())
"""


def article_state(database) -> tuple[int, str | None, int]:
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
        live, first_published_at, page_id = db.execute(
            "SELECT live, first_published_at, id FROM wagtailcore_page WHERE slug = 'programme'"
        ).fetchone()
        publications = db.execute(
            "SELECT COUNT(*) FROM wagtailcore_pagelogentry "
            "WHERE page_id = ? AND action = 'wagtail.publish.scheduled'",
            (page_id,),
        ).fetchone()[0]
    return live, first_published_at, publications


@pytest.mark.slow(
    reason="waits for the worker's default schedule tick, as operators run it: a shorter "
    "interval would no longer test the promise of « within a minute »"
)
def test_the_worker_alone_publishes_a_scheduled_article_within_a_minute(tmp_path):
    env = kiosque_env(tmp_path / "var", 8999, LEAD=str(LEAD_SECONDS))
    env.pop("KIOSQUE_SCHEDULE_SECONDS", None)  # the default interval, as operators run it
    kiosque("migrate", "--no-input", env=env, timeout=300)
    setup = kiosque("shell", "-c", SETUP_SCRIPT, env=env)
    go_live_at = datetime.fromisoformat(
        next(line for line in setup.stdout.splitlines() if line.startswith("GO_LIVE_AT "))[11:]
    )
    database = tmp_path / "var" / "kiosque.sqlite3"
    assert article_state(database)[0] == 0

    worker = start("worker", ["worker"], env, tmp_path)
    try:
        live = False
        while datetime.now(UTC) < go_live_at + WITHIN:
            assert worker.poll() is None, f"the worker stopped:\n{worker.output()}"
            live, _, _ = article_state(database)
            if live:
                break
            time.sleep(0.5)
        went_live_at = datetime.now(UTC)
        print(f"live {(went_live_at - go_live_at).total_seconds():.1f} s after its time")
        assert live, f"not live {WITHIN} after its time:\n{worker.output()}"
        # Not before its time either.
        _, first_published_at, publications = article_state(database)
        published = datetime.fromisoformat(first_published_at).replace(tzinfo=UTC)
        assert go_live_at <= published <= went_live_at
        # A few more ticks of the schedule change nothing: published once.
        time.sleep(2)
        assert article_state(database)[2] == publications == 1
    finally:
        if worker.popen.poll() is None:
            os.killpg(worker.popen.pid, signal.SIGTERM)
            try:
                worker.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                worker.stop_for_good()
    assert worker.popen.returncode in (0, -signal.SIGTERM), worker.output()
    assert "database is locked" not in worker.output()
