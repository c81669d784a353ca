"""Purges reach the edge after commit, from a background thread, and are retried."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django_tasks_db.models import DBTaskResult

from kiosque.edge import purge
from kiosque.edge.tasks import retry_purge
from tests.factories import days_ago, make_article

pytestmark = pytest.mark.django_db


class FakeEdge(BaseHTTPRequestHandler):
    received: list = []

    def do_PURGE(self):
        FakeEdge.received.append((self.path, self.headers.get("xkey-purge", "")))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_edge(settings):
    FakeEdge.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeEdge)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    settings.EDGE_URL = url
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {"BACKEND": "kiosque.edge.purge.SurrogateKeyBackend", "LOCATION": url}
    }
    yield FakeEdge.received
    server.shutdown()


def purged_keys(received) -> set[str]:
    return {key for _, header in received for key in header.split()}


def test_publishing_purges_the_article_and_its_listings_after_commit(
    newsroom, fake_edge, django_capture_on_commit_callbacks
):
    article = make_article(newsroom.europe, slug="greve", published_at=days_ago(1))
    with django_capture_on_commit_callbacks(execute=False) as pending:
        article.title = "Grève : accord trouvé"
        article.save_revision().publish()
    assert fake_edge == []  # nothing before the commit
    for callback in pending:
        callback()
    purge.wait_for_pending_purges()
    keys = purged_keys(fake_edge)
    assert {f"a{article.pk}", f"s{newsroom.europe.pk}", "home", "feeds", "sitemaps"} <= keys


def test_unpublishing_purges_too(newsroom, fake_edge, django_capture_on_commit_callbacks):
    article = make_article(newsroom.europe, slug="greve", published_at=days_ago(1))
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    purge.wait_for_pending_purges()
    assert f"a{article.pk}" in purged_keys(fake_edge)


def test_without_edge_url_nothing_is_sent_and_nothing_fails(
    newsroom, settings, django_capture_on_commit_callbacks
):
    settings.EDGE_URL = ""
    article = make_article(newsroom.europe, slug="greve", published_at=days_ago(1))
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    purge.wait_for_pending_purges()
    assert purge.edge_backends() == []


def test_an_unreachable_edge_gets_the_purge_again_from_the_worker(settings):
    settings.EDGE_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {
            "BACKEND": "kiosque.edge.purge.SurrogateKeyBackend",
            "LOCATION": settings.EDGE_URL,
            "TIMEOUT": 1,
        }
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    purge._send_or_schedule_retry(["a1", "home"])
    queued = DBTaskResult.objects.get(task_path=retry_purge.module_path)
    assert queued.args_kwargs["kwargs"] == {
        "keys": ["a1", "home"],
        "attempt": 1,
        "edge": "http://127.0.0.1:9",
    }
    assert queued.run_after is not None


def test_many_keys_are_sent_in_batches_the_edge_accepts(fake_edge):
    backend = purge.edge_backends()[0]
    backend.purge_keys([f"a{n}" for n in range(450)])
    assert len(fake_edge) == 3
    assert len(purged_keys(fake_edge)) == 450
