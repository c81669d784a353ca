"""Redis stopped for a while does not take the site down (decision 0074).

A throwaway redis-server of the test's own, on a free 127.0.0.1 port (never the
machine's Redis on 6379), holds the cache, the fragments and the sessions, as REDIS_URL
does in production. It is paused (SIGSTOP: connections hang, the data stays, as behind a
network cut) or killed and started again empty, while the test client asks for pages,
logs in and posts. Short timeouts here (0.2 s, a 0.5 s breaker) keep the module fast.
"""

import contextlib
import logging
import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
import redis
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from kiosque.core import redis_cache
from kiosque.edge import fragments
from kiosque.edge import keys as edge_keys
from tests.discussion.helpers import PASSWORD, make_reader

pytestmark = pytest.mark.processes

TIMEOUT = 0.2
BREAKER = 0.5
START_SECONDS = 10
PAUSED_TITLE = "Accounts paused for a moment"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """One redis-server process of the test's own: started, paused, killed, restarted."""

    def __init__(self, folder):
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        # No snapshot, no append-only file: a restart comes back empty.
        arguments = ["--bind", "127.0.0.1", "--port", str(self.port), "--save", ""]
        arguments += ["--appendonly", "no", "--dir", str(self.folder)]
        self.process = subprocess.Popen(
            [shutil.which("redis-server") or "/usr/bin/redis-server", *arguments],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=1)
        deadline = time.monotonic() + START_SECONDS
        while True:
            assert self.process.poll() is None, "redis-server stopped at start"
            with contextlib.suppress(redis.exceptions.ConnectionError):
                if client.ping():
                    return
            assert time.monotonic() < deadline, "redis-server never answered"
            time.sleep(0.05)

    def pause(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGCONT)  # a paused process must die too
            self.process.kill()
            self.process.wait(timeout=10)

    def client(self) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2)


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture
def site_on_redis(redis_server, settings):
    """The site's caches and sessions on the test's Redis, as REDIS_URL sets them."""
    if redis_server.process.poll() is not None:
        redis_server.start()
    redis_server.resume()
    redis_server.client().flushdb()
    redis_cache._states.clear()  # what an earlier test's process saw of this server
    options = {
        "socket_connect_timeout": TIMEOUT,
        "socket_timeout": TIMEOUT,
        "BREAKER_SECONDS": BREAKER,
    }
    backend = "kiosque.core.redis_cache.ResilientRedisCache"
    settings.CACHES = {
        "default": {
            "BACKEND": backend,
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "kiosque",
            "OPTIONS": options,
        },
        "fragments": {
            "BACKEND": backend,
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "kiosque-fragments",
            "OPTIONS": options,
        },
    }
    settings.SESSION_ENGINE = "kiosque.core.redis_sessions"
    yield redis_server
    redis_server.resume()
    redis_cache._states.clear()


def wait_past_the_breaker() -> None:
    time.sleep(BREAKER + 0.1)


def log_in(client: Client, email: str, password: str = PASSWORD):
    return client.post("/compte/connexion/", {"login": email, "password": password})


def assert_accounts_paused(answer) -> None:
    assert answer.status_code == 503, answer.content.decode()[:500]
    assert answer["Retry-After"] == "30"
    assert "no-store" in answer["Cache-Control"]
    page = answer.content.decode()
    with translation.override("fr"):
        title = gettext(PAUSED_TITLE)
    assert title in page
    assert 'class="error-page accounts-unavailable"' in page
    assert "/static/kiosque/site.css" in page or "kiosque/site." in page  # the site's design


def session_cookie_deleted(answer) -> bool:
    cookie = answer.cookies.get("sessionid")
    return cookie is not None and (cookie["max-age"] == 0 or "1970" in cookie["expires"])


@pytest.mark.django_db
def test_pages_are_served_while_redis_hangs_and_readers_find_their_session_after(
    site_on_redis, newsroom, article, caplog
):
    reader = make_reader()
    client = Client()
    assert log_in(client, reader.email).status_code == 302
    assert client.get("/compte/").status_code == 200  # « Mon compte »: logged in
    pages = ["/", newsroom.europe.url, article.url, "/recherche/?q=Genève"]
    for path in pages:  # warm: fragments and versions are in Redis now
        assert client.get(path).status_code == 200, path

    site_on_redis.pause()
    caplog.set_level(logging.INFO, logger="kiosque.cache")
    try:
        timings = []
        for _ in range(3):
            for path in pages:
                began = time.monotonic()
                answer = client.get(path)
                timings.append(time.monotonic() - began)
                assert answer.status_code == 200, path
        # One request waits for the timeout, the breaker spares the others most waits:
        # far less than the dozens of cache calls of these requests times the timeout.
        print(f"while Redis hangs: {len(timings)} pages in {sum(timings):.2f} s")
        assert sum(timings) < 12 * 0.5 + 4 * TIMEOUT * 2

        # The reader looks like a visitor now, but keeps the cookie of a session that is
        # still in Redis.
        account = client.get("/compte/")
        assert account.status_code == 302
        assert not session_cookie_deleted(account)
        # A form posted by that reader is not done as a visitor's: a clear 503 page.
        comment = client.post(f"/commentaires/{article.pk}/publier/", {"body": "Bonjour"})
        assert_accounts_paused(comment)
        assert not session_cookie_deleted(comment)
        logout = client.post(reverse("account_logout"))
        assert_accounts_paused(logout)

        # A log-in is refused before the password is checked: a right and a wrong
        # password get the same answer, so the outage lets no one try passwords unlimited.
        visitor = Client()
        assert_accounts_paused(log_in(visitor, reader.email))
        assert_accounts_paused(log_in(visitor, reader.email, "pas le bon mot de passe"))
        outage_warnings = [
            r for r in caplog.records if r.levelno == logging.WARNING and "does not answer" in r.msg
        ]
        assert len(outage_warnings) == 1, [r.getMessage() for r in caplog.records]
    finally:
        site_on_redis.resume()

    wait_past_the_breaker()
    # The session comes back as it was, and log-ins work again.
    assert client.get("/compte/").status_code == 200
    assert log_in(Client(), reader.email).status_code == 302
    assert any("answers again" in r.getMessage() for r in caplog.records)
    for path in pages:
        assert client.get(path).status_code == 200, path


@pytest.mark.django_db
def test_redis_killed_then_restarted_empty(site_on_redis, newsroom):
    reader = make_reader()
    client = Client()
    assert log_in(client, reader.email).status_code == 302

    site_on_redis.kill()
    try:
        began = time.monotonic()
        for path in ("/", newsroom.europe.url):
            assert client.get(path).status_code == 200, path
        print(f"while Redis is dead: 2 pages in {time.monotonic() - began:.2f} s")
        assert_accounts_paused(log_in(Client(), reader.email))
    finally:
        site_on_redis.start()

    wait_past_the_breaker()
    # Restarted without its data: sessions are gone (log in again), and log-ins work.
    assert client.get("/compte/").status_code == 302
    assert log_in(client, reader.email).status_code == 302
    assert client.get("/compte/").status_code == 200
    assert client.session.get(SESSION_KEY) == str(reader.pk)


@pytest.mark.django_db
def test_a_fragment_changed_while_redis_hangs_is_not_served_after_its_return(site_on_redis):
    rendered = []

    def render(text):
        def make():
            rendered.append(text)
            return text

        return make

    def fragment(text):
        return fragments.cached_fragment(None, "body", ["article-1"], render(text), ["a-1"])

    # The keys' versions known, and older than the clock skew: a fragment is kept.
    fragments.mark_changed(["a-1", edge_keys.ALL])
    time.sleep(fragments.CLOCK_SKEW + 0.1)
    assert fragment("first") == "first"
    assert fragment("unused") == "first"  # kept: the cache works
    assert rendered == ["first"]

    site_on_redis.pause()
    try:
        assert fragment("second") == "second"  # a miss: rendered from the database
        # The article changes while Redis hangs: its key's new version is never sent
        # (the breaker is open). A write that times out may still be applied when a
        # paused Redis resumes and reads it from its socket: not this one.
        fragments.mark_changed(["a-1"])
    finally:
        site_on_redis.resume()
    # Redis kept its data, the old fragment and the old version included. The process
    # that lost the write deletes its keys on Redis's return (its retry thread does, even
    # with no request coming), so the old fragment is stale from then on.
    state = redis_cache.server_state(site_on_redis.url)
    deadline = time.monotonic() + 5
    while state.down and time.monotonic() < deadline:
        time.sleep(0.05)
    back_without_a_request = not state.down
    assert fragment("third") == "third"
    assert rendered == ["first", "second", "third"]
    assert back_without_a_request


@pytest.mark.django_db
def test_fragments_after_a_restart_that_emptied_redis_are_rendered_again(site_on_redis):
    rendered = []

    def fragment(text):
        def make():
            rendered.append(text)
            return text

        return fragments.cached_fragment(None, "body", ["article-2"], make, ["a-2"])

    fragments.mark_changed(["a-2", edge_keys.ALL])
    time.sleep(fragments.CLOCK_SKEW + 0.1)
    assert fragment("first") == "first"
    assert fragment("unused") == "first"
    site_on_redis.kill()
    site_on_redis.start()
    wait_past_the_breaker()
    # No version for the key any more: it counts as changed now, and is rendered again.
    assert fragment("second") == "second"
    assert rendered == ["first", "second"]


@pytest.mark.django_db
def test_rate_limits_fail_open_while_redis_hangs_and_count_again_after(site_on_redis):
    from kiosque.api.rate_limit import Rate, seconds_to_wait_for

    rate = Rate(requests=2, seconds=60)
    now = time.time()
    assert [seconds_to_wait_for("client", rate, now=now) for _ in range(3)][-1] > 0

    site_on_redis.pause()
    try:
        # Open: every request is let through (logging in and posting are refused by the
        # sessions instead, see the first test).
        assert {seconds_to_wait_for("client", rate, now=now) for _ in range(5)} == {0}
    finally:
        site_on_redis.resume()
    wait_past_the_breaker()
    # Counting again. A counter written during the outage was forgotten with the other
    # dropped writes: this window's count starts again from zero.
    waits = [seconds_to_wait_for("client", rate, now=now) for _ in range(3)]
    assert [wait > 0 for wait in waits] == [False, False, True]


def test_a_cache_unavailable_everywhere_is_a_miss_not_an_error():
    """Nothing listens on the port: every operation answers at once, as a miss would."""
    cache = redis_cache.ResilientRedisCache(
        f"redis://127.0.0.1:{free_port()}/0",
        {"OPTIONS": {"socket_connect_timeout": TIMEOUT, "BREAKER_SECONDS": BREAKER}},
    )
    began = time.monotonic()
    assert cache.get("k", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("k", 1) is False
    assert cache.set("k", 1) is None
    assert cache.set_many({"a": 1}) == ["a"]
    assert cache.delete("k") is False
    assert cache.has_key("k") is False
    assert cache.available is False
    with pytest.raises(ValueError):
        cache.incr("k")
    with pytest.raises(redis_cache.CacheUnavailable):
        cache.strict.get("k")
    assert time.monotonic() - began < 2
    assert {key.rsplit(":", 1)[-1] for key in cache._cache.state.lost_keys} == {"k", "a"}


@pytest.mark.parametrize("bad", ["0", "-1", "abc", "nan", "inf", "31"])
def test_a_bad_redis_timeout_stops_start_up_with_a_clear_message(bad, monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from kiosque.settings.environment import caches_and_sessions

    monkeypatch.setenv("REDIS_TIMEOUT_SECONDS", bad)
    with pytest.raises(ImproperlyConfigured, match="REDIS_TIMEOUT_SECONDS"):
        caches_and_sessions("redis://127.0.0.1:6379/0")
    monkeypatch.setenv("REDIS_TIMEOUT_SECONDS", "1.5")
    caches, _ = caches_and_sessions("redis://127.0.0.1:6379/0")
    assert caches["fragments"]["OPTIONS"]["socket_connect_timeout"] == 1.5
