"""Wire sources polled by the worker: a folder drop, and an HTTP feed (local server)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.test import override_settings

from kiosque.newsroom.models import ArticlePage
from kiosque.wires.models import Policy, WireItem, WireSource
from kiosque.wires.sources import feed_poll
from kiosque.wires.tasks import wires_poll_sources
from tests.wires.helpers import jpeg_bytes, ninjs, with_picture, write_json

pytestmark = pytest.mark.django_db
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def drop(tmp_path, newsroom, settings):
    settings.WIRES_FOLDER_SETTLE_SECONDS = 0
    return WireSource.objects.create(
        name="afp-drop",
        agency=newsroom.agency,
        kind=WireSource.Kind.FOLDER,
        folder=str(tmp_path),
        default_section=newsroom.sport,
        policy=Policy.AUTO_PUBLISH,
    )


@override_settings(TASKS=DB_TASKS)
def test_worker_processes_a_folder_drop(drop, tmp_path, monkeypatch):
    # The worker closes "old" connections between tasks; inside the test's transaction
    # (autocommit off) that would close it and lose the test data on PostgreSQL.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    (tmp_path / "photo.jpg").write_bytes(jpeg_bytes())
    write_json(tmp_path, "good.json", with_picture(ninjs()))
    (tmp_path / "bad.json").write_text('{"uri": ')
    wires_poll_sources.enqueue()
    call_command("worker", "--batch", "--no-startup-delay", verbosity=0)
    assert (tmp_path / "done" / "good.json").exists()
    assert (tmp_path / "failed" / "bad.json").exists()
    reason = (tmp_path / "failed" / "bad.json.reason.txt").read_text()
    assert "malformed JSON" in reason
    assert not (tmp_path / "good.json").exists()
    article = ArticlePage.objects.get(wire_links__isnull=False)
    assert article.live and article.get_parent().specific.slug == "sport"
    assert article.lead_image is not None


@override_settings(TASKS=DB_TASKS)
def test_saving_a_source_schedules_the_poll_once(drop, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        drop.save()
        drop.save()
    waiting = DBTaskResult.objects.filter(task_path="kiosque.wires.tasks.wires_poll_sources")
    assert waiting.count() == 1


class Feed(BaseHTTPRequestHandler):
    body = b"[]"
    etag = '"v1"'
    seen: list = []

    def do_GET(self):
        Feed.seen.append(dict(self.headers))
        if self.headers.get("If-None-Match") == self.etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("ETag", self.etag)
        self.send_header("Last-Modified", "Tue, 24 Nov 2026 09:00:00 GMT")
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


@pytest.fixture
def feed_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Feed)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Feed.seen = []
    yield f"http://127.0.0.1:{server.server_port}/feed.json"
    server.shutdown()
    server.server_close()


def test_http_feed_with_etag(newsroom, feed_server):
    Feed.body = json.dumps([ninjs(uri="urn:kiosque-test:feed-1"), ninjs(uri="urn:x:2")]).encode()
    source = WireSource.objects.create(
        name="feed", agency=newsroom.agency, kind=WireSource.Kind.HTTP, feed_url=feed_server
    )
    assert [r.outcome for r in feed_poll(source=source)] == ["created", "created"]
    source.refresh_from_db()
    assert source.etag == '"v1"'
    assert source.last_modified == "Tue, 24 Nov 2026 09:00:00 GMT"
    assert feed_poll(source=source) == []  # 304 Not Modified
    assert Feed.seen[-1]["If-None-Match"] == '"v1"'
    assert Feed.seen[-1]["If-Modified-Since"] == "Tue, 24 Nov 2026 09:00:00 GMT"
    assert WireItem.objects.count() == 2


class Pictures(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/away.jpg":
            self.send_response(302)
            self.send_header("Location", "http://elsewhere.invalid/p.jpg")
            self.end_headers()
            return
        body = jpeg_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def picture_server(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Pictures)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WIRES_PICTURE_HOSTS = ["127.0.0.1"]
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_http_pictures_from_allowed_hosts_only(newsroom, tmp_path, picture_server):
    from kiosque.wires.batch import ingest_file

    good = with_picture(ninjs(uri="urn:x:ok"), href=f"{picture_server}/photo.jpg")
    [ok] = ingest_file(write_json(tmp_path, "ok.json", good))
    assert ok.outcome == "created"
    assert WireItem.objects.get(identity="urn:x:ok").latest_version.pictures.count() == 1
    away = with_picture(ninjs(uri="urn:x:away"), href=f"{picture_server}/away.jpg")
    [refused] = ingest_file(write_json(tmp_path, "away.json", away))
    assert refused.outcome == "rejected"
    assert "host 'elsewhere.invalid' is not in WIRES_PICTURE_HOSTS" in refused.reason


class FeedWithPictures(BaseHTTPRequestHandler):
    """A feed at /agence/feed.json whose items point at pictures relatively."""

    body = b"[]"
    requested: list = []

    def do_GET(self):
        FeedWithPictures.requested.append(self.path)
        if self.path == "/agence/feed.json":
            payload, kind = self.body, "application/json"
        elif self.path == "/agence/photos/nef.jpg":
            payload, kind = jpeg_bytes(), "image/jpeg"
        elif self.path == "/agence/photos/huge.jpg":
            payload, kind = jpeg_bytes(2000, 2000), "image/jpeg"
        elif self.path == "/agence/photos/moved.jpg":
            self.send_response(302)
            self.send_header("Location", "http://elsewhere.invalid/nef.jpg")
            self.end_headers()
            return
        else:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def agency_server(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FeedWithPictures)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    FeedWithPictures.requested = []
    settings.WIRES_PICTURE_HOSTS = ["127.0.0.1"]
    yield f"http://127.0.0.1:{server.server_port}/agence/feed.json"
    server.shutdown()
    server.server_close()


def test_feed_relative_pictures_resolved_against_the_feed_url(newsroom, agency_server, settings):
    settings.WIRES_MAX_PICTURE_BYTES = 60_000
    items = [
        with_picture(ninjs(uri="urn:feed:ok"), href="photos/nef.jpg"),
        with_picture(ninjs(uri="urn:feed:missing"), href="photos/absente.jpg"),
        with_picture(ninjs(uri="urn:feed:other-host"), href="//elsewhere.invalid/nef.jpg"),
        with_picture(ninjs(uri="urn:feed:redirect"), href="photos/moved.jpg"),
        with_picture(ninjs(uri="urn:feed:huge"), href="/agence/photos/huge.jpg"),
    ]
    FeedWithPictures.body = json.dumps(items).encode()
    source = WireSource.objects.create(
        name="feed", agency=newsroom.agency, kind=WireSource.Kind.HTTP, feed_url=agency_server
    )
    results = {r.identity: r for r in feed_poll(source=source)}
    assert results["urn:feed:ok"].outcome == "created"
    assert "/agence/photos/nef.jpg" in FeedWithPictures.requested
    picture = WireItem.objects.get(identity="urn:feed:ok").latest_version.pictures.get()
    assert picture.caption == "Le port de Douarnenez, mardi."
    assert "HTTP 404" in results["urn:feed:missing"].reason
    assert "host 'elsewhere.invalid' is not in WIRES_PICTURE_HOSTS" in (
        results["urn:feed:other-host"].reason
    )
    assert "host 'elsewhere.invalid'" in results["urn:feed:redirect"].reason
    assert "larger than 60000 bytes" in results["urn:feed:huge"].reason
    rejected = {i for i, r in results.items() if r.outcome == "rejected"}
    assert not WireItem.objects.filter(identity__in=rejected).exists()  # nothing half-stored


def test_feed_relative_pictures_need_an_allowed_feed_host(newsroom, agency_server, settings):
    settings.WIRES_PICTURE_HOSTS = ["photos.agence.invalid"]
    FeedWithPictures.body = json.dumps([with_picture(ninjs(), href="photos/nef.jpg")]).encode()
    source = WireSource.objects.create(
        name="feed", agency=newsroom.agency, kind=WireSource.Kind.HTTP, feed_url=agency_server
    )
    [result] = feed_poll(source=source)
    assert result.outcome == "rejected"
    assert "host '127.0.0.1' is not in WIRES_PICTURE_HOSTS" in result.reason
    assert "/agence/photos/nef.jpg" not in FeedWithPictures.requested
