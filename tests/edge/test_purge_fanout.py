"""Purges go to every edge EDGE_URL names; a failed edge alone gets the purge again.

Fake edges here (small HTTP listeners on 127.0.0.1 that record each PURGE and answer as
told): they count exactly who was purged how many times. The same purge through two
real Varnish edges is in test_edge_director.py.
"""

import os
import re
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django_tasks_db.models import DBTaskResult

from kiosque.edge import purge
from kiosque.edge.addresses import (
    EdgeFile,
    EdgeListUnavailable,
    checked_edge_setting,
    edge_source,
)
from kiosque.edge.tasks import retry_purge

REPO = Path(__file__).resolve().parents[2]


class FakeEdge:
    """An edge that records each PURGE (time, path, keys) and fails the first `failures`."""

    def __init__(self, failures: int = 0, delay: float = 0.0):
        self.received: list[tuple[float, str, str]] = []
        self.failures = failures
        self.delay = delay
        edge = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):
                time.sleep(edge.delay)
                edge.received.append(
                    (time.monotonic(), self.path, self.headers.get("xkey-purge", ""))
                )
                if edge.failures > 0:
                    edge.failures -= 1
                    self.send_response(503)
                else:
                    self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.handler = Handler
        self.server: ThreadingHTTPServer | None = None
        self.port = 0
        self.start()
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self):
        """Listen (again, on the same port once it has one)."""
        if self.server is not None:
            return
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), self.handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    def stop(self):
        """Stop listening: connections are refused at once, as by a stopped Varnish."""
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    @property
    def keys(self) -> list[str]:
        return [keys for _, _, keys in self.received]


@pytest.fixture
def edges():
    made: list[FakeEdge] = []

    def make(**options) -> FakeEdge:
        made.append(FakeEdge(**options))
        return made[-1]

    yield make
    for edge in made:
        edge.stop()


def use_edges(settings, value: str, timeout: float = 2) -> None:
    """EDGE_URL as the settings module makes it (one Wagtail backend for every edge)."""
    settings.EDGE_URL = checked_edge_setting(value)
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {
            "BACKEND": "kiosque.edge.purge.SurrogateKeyBackend",
            "LOCATION": settings.EDGE_URL,
            "TIMEOUT": timeout,
        }
    }


@pytest.fixture
def queued_tasks(settings):
    """Tasks go to the database queue, where `kiosque worker` would find them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    def queued() -> list[dict]:
        rows = DBTaskResult.objects.filter(task_path=retry_purge.module_path).order_by(
            "enqueued_at"
        )
        return [row.args_kwargs["kwargs"] | {"run_after": row.run_after} for row in rows]

    return queued


def run_queued(task: dict) -> None:
    """What the worker does with a queued retry, once its time has come."""
    retry_purge.call(keys=task["keys"], attempt=task["attempt"], edge=task["edge"])


# --- fan-out ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_change_purges_every_edge_once(edges, settings, django_capture_on_commit_callbacks):
    first, second = edges(), edges()
    use_edges(settings, f"{first.url}, {second.url}/")
    with django_capture_on_commit_callbacks(execute=True):
        purge.purge_keys_on_commit(["a7", "home"])
    purge.wait_for_pending_purges()
    assert first.keys == ["a7 home"]
    assert second.keys == ["a7 home"]


def test_edges_are_purged_at_once_not_one_after_the_other(edges, settings):
    # A slow edge (here 1 s to answer, the purge timeout) must not hold up the others.
    slow, quick = edges(delay=1.0), edges()
    use_edges(settings, f"{slow.url},{quick.url}", timeout=3)
    started = time.monotonic()
    failures = purge.send_now(["a1"])
    assert failures == {}
    assert quick.received[0][0] - started < 0.5
    assert slow.received[0][0] - started >= 1.0


def test_wagtails_url_purge_reaches_every_edge_too(edges, settings):
    first, second = edges(), edges()
    use_edges(settings, f"{first.url},{second.url}")
    (backend,) = purge.edge_backends()
    backend.purge("https://www.example.org/monde/article/")
    assert [path for _, path, _ in first.received] == ["/monde/article/"]
    assert [path for _, path, _ in second.received] == ["/monde/article/"]


# --- retries, edge by edge ---------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("failing", ["answers 503", "refuses connections"])
def test_a_failed_edge_alone_gets_the_purge_again(edges, settings, queued_tasks, failing):
    healthy = edges()
    broken = edges(failures=1 if failing == "answers 503" else 0)
    if failing == "refuses connections":
        broken.stop()
    use_edges(settings, f"{healthy.url},{broken.url}", timeout=1)

    purge._send_or_schedule_retry(["a1", "home"])
    (task,) = queued_tasks()
    assert task["edge"] == broken.url
    assert task["attempt"] == 1 and task["keys"] == ["a1", "home"]
    assert task["run_after"] is not None
    assert healthy.keys == ["a1 home"]

    broken.start()  # back (a no-op for the one that answered 503)
    DBTaskResult.objects.all().delete()
    run_queued(task)
    assert broken.keys[-1] == "a1 home"
    assert healthy.keys == ["a1 home"]  # not purged twice
    assert queued_tasks() == []


@pytest.mark.django_db
def test_an_edge_still_failing_is_retried_later_and_then_given_up(
    edges, settings, queued_tasks, caplog
):
    healthy, broken = edges(), edges(failures=100)
    use_edges(settings, f"{healthy.url},{broken.url}")
    purge._send_or_schedule_retry(["a1"])
    (task,) = queued_tasks()
    DBTaskResult.objects.all().delete()

    run_queued(task)
    (again,) = queued_tasks()
    assert (again["edge"], again["attempt"]) == (broken.url, 2)
    # The delay grows: 2 s after the first failure, 4 s after the second.
    assert (again["run_after"] - task["run_after"]).total_seconds() > 1.5
    assert healthy.keys == ["a1"]

    DBTaskResult.objects.all().delete()
    run_queued({**again, "attempt": 10})
    assert queued_tasks() == []
    assert "given up after 10 attempts" in caplog.text
    assert healthy.keys == ["a1"]


@pytest.mark.django_db
def test_a_retry_for_an_edge_no_longer_listed_is_dropped(edges, settings, queued_tasks):
    staying = edges()
    use_edges(settings, staying.url)
    run_queued({"keys": ["a1"], "attempt": 3, "edge": "http://127.0.0.1:9"})
    assert staying.received == []
    assert queued_tasks() == []


@pytest.mark.django_db
def test_a_retry_queued_before_edges_were_named_goes_to_every_edge(edges, settings):
    # Retries queued by the release before this one carry no edge.
    first, second = edges(), edges()
    use_edges(settings, f"{first.url},{second.url}")
    retry_purge.call(keys=["a1"], attempt=2)
    assert first.keys == second.keys == ["a1"]


# --- EDGE_URL ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "edges_named"),
    [
        ("", []),
        ("http://127.0.0.1:8080", ["http://127.0.0.1:8080"]),
        ("http://127.0.0.1:8080/", ["http://127.0.0.1:8080"]),
        (
            " http://198.18.2.11:8080 , https://edge-2.example.org,",
            ["http://198.18.2.11:8080", "https://edge-2.example.org"],
        ),
        ("http://[::1]:8080,http://[::1]:8080", ["http://[::1]:8080"]),
    ],
)
def test_edge_url_names_one_edge_or_several(value, edges_named):
    checked = checked_edge_setting(value)
    assert (edge_source(checked).urls() if checked else []) == edges_named


@pytest.mark.parametrize(
    "value",
    [
        "127.0.0.1:8080",  # no scheme
        "ftp://127.0.0.1",
        "http://",
        "http://127.0.0.1:8080/purge",
        "http://127.0.0.1:99999",
        "http://127.0.0.1:8080?x=1",
        "http://user@127.0.0.1:8080",
        "http://127.0.0.1:8080,varnish:6081",
        "file://etc/kiosque/edges",  # two slashes: a host named etc
        "file:///etc/kiosque/edges,http://127.0.0.1:8080",
    ],
)
def test_a_value_that_names_no_edge_is_refused_with_a_clear_message(value):
    with pytest.raises(ImproperlyConfigured) as refused:
        checked_edge_setting(value)
    assert "EDGE_URL" in str(refused.value)
    assert "http://" in str(refused.value) or "file:///" in str(refused.value)


@pytest.mark.processes
def test_the_site_refuses_to_start_with_a_bad_edge_url():
    environment = {**os.environ, "EDGE_URL": "varnish.internal:6081"}
    environment["DJANGO_SETTINGS_MODULE"] = "kiosque.settings.test"
    started = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; settings.EDGE_URL"],
        env=environment, cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert started.returncode != 0
    assert "ImproperlyConfigured" in started.stderr
    assert "'varnish.internal:6081' is not an edge URL" in started.stderr


# --- a file of edges, re-read when it changes -------------------------------------------


def write_edges(path: Path, *lines: str) -> None:
    """As a deployment should: a new file renamed over the old one, never half-written.

    Its modification time is moved a second on, as a rewrite minutes later would: two
    writes in the same few milliseconds may carry the same (coarse) time.
    """
    previous = path.stat().st_mtime_ns if path.exists() else time.time_ns()
    staging = path.with_suffix(".new")
    staging.write_text("\n".join(lines) + "\n")
    os.utime(staging, ns=(previous + 1_000_000_000, previous + 1_000_000_000))
    os.replace(staging, path)


def test_a_file_of_edges_is_read_again_when_it_changes_without_a_restart(
    edges, settings, tmp_path, monkeypatch
):
    first, second = edges(), edges()
    listing = tmp_path / "edges"
    write_edges(listing, "# the edges of the newsroom", first.url, "")
    use_edges(settings, f"file://{listing}")
    reads = []
    real_read = EdgeFile._read
    monkeypatch.setattr(EdgeFile, "_read", lambda self: reads.append(1) or real_read(self))

    purge.send_now(["a1"])
    purge.send_now(["a2"])
    assert first.keys == ["a1", "a2"] and second.keys == []
    assert reads == []  # read at start (checked_edge_setting), not once per purge

    write_edges(listing, first.url, second.url)
    purge.send_now(["a3"])
    write_edges(listing, second.url)
    purge.send_now(["a4"])
    assert first.keys == ["a1", "a2", "a3"]
    assert second.keys == ["a3", "a4"]
    assert len(reads) == 2


def test_a_file_turned_bad_keeps_the_edges_read_before(edges, settings, tmp_path, caplog):
    edge = edges()
    listing = tmp_path / "edges"
    write_edges(listing, edge.url)
    use_edges(settings, f"file://{listing}")
    write_edges(listing, edge.url, "edge-2:8080")
    purge.send_now(["a1"])
    listing.unlink()
    purge.send_now(["a2"])
    assert edge.keys == ["a1", "a2"]
    assert "'edge-2:8080' is not an edge URL" in caplog.text
    assert "No such file" in caplog.text


def test_a_missing_or_bad_file_of_edges_is_refused_at_start(tmp_path):
    with pytest.raises(ImproperlyConfigured, match="No such file"):
        checked_edge_setting(f"file://{tmp_path}/edges")
    (tmp_path / "bad").write_text("http://127.0.0.1:8080\nftp://127.0.0.1\n")
    with pytest.raises(
        ImproperlyConfigured, match=re.escape("'ftp://127.0.0.1' is not an edge URL")
    ):
        checked_edge_setting(f"file://{tmp_path}/bad")


@pytest.mark.django_db
def test_edges_unknown_at_the_first_purge_get_it_once_they_are_known(
    edges, settings, tmp_path, queued_tasks
):
    # The file vanished between start and the first purge (a deployment rewriting it
    # badly): the purge waits in the queue for every edge, rather than being lost.
    edge = edges()
    listing = tmp_path / "edges"
    settings.EDGE_URL = f"file://{listing}"
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {"BACKEND": "kiosque.edge.purge.SurrogateKeyBackend", "LOCATION": settings.EDGE_URL}
    }
    with pytest.raises(EdgeListUnavailable):
        edge_source(settings.EDGE_URL).urls()
    purge._send_or_schedule_retry(["a1"])
    (task,) = queued_tasks()
    assert task["edge"] is None
    write_edges(listing, edge.url)
    DBTaskResult.objects.all().delete()
    run_queued(task)
    assert edge.keys == ["a1"]
