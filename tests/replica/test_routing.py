"""Reads from a real streaming replica: who reads where, and what happens when a server goes.

One throwaway primary and hot standby for the whole module (tests/replica/streaming.py).
The primary gets the suite's migrated schema (a pg_dump of the test database: about a
second, where `migrate` takes twenty, which it does when no other test made one) and a
small newsroom; the standby is a base backup
of it, streaming. For the module, this thread's "default" connection is the primary
and "replica_1" the standby, with the router installed as DATABASE_REPLICA_URLS would.

Which database answered is proven by what it holds: with replay paused on the standby,
a change made on the primary is visible there only. Queries are also counted per
connection (a wrapper, which never opens a connection itself).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from dataclasses import dataclass

import dj_database_url
import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections, router, transaction
from django.db.utils import load_backend
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings

from kiosque.core import db_routing, replicas
from kiosque.core.db_routing import READ_YOUR_WRITES_COOKIE, ReplicaRoutingMiddleware
from kiosque.discussion.models import Comment, DiscussionSettings
from kiosque.edge import site_memo
from kiosque.edge.clock import CLOCK_KEY
from kiosque.newsroom.models import ArticlePage
from kiosque.settings import environment
from tests.discussion.helpers import make_reader
from tests.factories import build_newsroom, days_ago, make_article
from tests.replica.streaming import DATABASE, StreamingPair

pytestmark = [pytest.mark.postgres, pytest.mark.processes, pytest.mark.xdist_group("replica")]

REPLICA = "replica_1"
TITLE = "Les négociations reprennent à Genève"
CHANGED_TITLE = "Les négociations échouent à Genève"


@dataclass
class Site:
    pair: StreamingPair
    article: ArticlePage
    reader: User
    staff: User

    @property
    def article_url(self) -> str:
        return self.article.get_url()

    @property
    def thread_url(self) -> str:
        return f"/commentaires/{self.article.pk}/"

    @property
    def post_url(self) -> str:
        return f"/commentaires/{self.article.pk}/publier/"

    def set_title_on_primary(self, title: str) -> None:
        # Straight into the primary, around Django: no signal, no purge, no clock move.
        self.pair.primary.query(
            "UPDATE wagtailcore_page SET title = %s, draft_title = %s WHERE id = %s",
            (title, title, self.article.pk),
        )


def _database_settings(url: str) -> dict:
    """A database's settings as DATABASE_URL (or a replica's URL) gives them, completed
    with Django's defaults."""
    config = dj_database_url.parse(url, conn_max_age=60)
    config["CONN_HEALTH_CHECKS"] = True
    config["OPTIONS"] = {"connect_timeout": environment.CONNECT_TIMEOUT_SECONDS}
    return connections.configure_settings({"default": config})["default"]


def _replica_settings(url: str) -> dict:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_REPLICA_URLS", url)
        primary = {"ENGINE": environment.POSTGRESQL, "CONN_MAX_AGE": 60}
        config = environment.replica_databases_from_environment(primary)[REPLICA]
    return connections.configure_settings({"default": config})["default"]


def _copy_the_suite_schema(suite: dict, pair: StreamingPair) -> None:
    """The suite's migrated test database, copied into the primary: pg_dump | psql."""
    source = ["-h", suite["HOST"] or "127.0.0.1", "-p", str(suite["PORT"] or 5432)]
    source += ["-U", suite["USER"] or "postgres", "-d", suite["NAME"]]
    env = {**os.environ, "PGPASSWORD": str(suite["PASSWORD"] or "")}
    dump = subprocess.run(
        [str(pair.bin / "pg_dump"), "--no-owner", "--no-privileges", *source],
        check=True, capture_output=True, timeout=60, env=env,
    )  # fmt: skip
    subprocess.run(
        [str(pair.bin / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
         "-p", str(pair.primary.port), "-U", "postgres", "-d", DATABASE],
        input=dump.stdout, check=True, capture_output=True, timeout=60,
    )  # fmt: skip


def _build() -> tuple[ArticlePage, User, User]:
    newsroom = build_newsroom()
    settings = DiscussionSettings.for_site(newsroom.site)  # comments published at once
    settings.trusted_after_approved = 0
    settings.min_seconds_between_comments = 0
    settings.save()
    article = make_article(newsroom.europe, slug="debat", title=TITLE, published_at=days_ago(1))
    reader = make_reader("Lectrice")
    staff = User.objects.create_superuser("redaction", "redaction@example.org", "x" * 20)
    return article, reader, staff


def _suite_has_a_test_database(session) -> bool:
    """pytest-django creates the test database only when some collected test needs it."""
    from pytest_django.fixtures import _get_databases_for_setup

    return "default" in _get_databases_for_setup(session.items)[0]


@pytest.fixture(scope="module")
def site(request, django_db_setup, django_db_blocker):
    pair = StreamingPair()
    suite_connection = connections["default"]
    suite = dict(suite_connection.settings_dict)
    overrides = override_settings(
        DATABASE_ROUTERS=["kiosque.core.db_routing.ReplicaRouter"],
        # As with REDIS_URL: sessions outside the database.
        SESSION_ENGINE="django.contrib.sessions.backends.cache",
    )
    enabled = False
    try:
        with django_db_blocker.unblock():
            pair.start_primary()
            primary = _database_settings(pair.primary.url())
            connections["default"] = load_backend(primary["ENGINE"]).DatabaseWrapper(primary)
            if suite["ENGINE"] == environment.POSTGRESQL and _suite_has_a_test_database(
                request.session
            ):
                _copy_the_suite_schema(suite, pair)
            else:  # this module alone, or on SQLite: the slow way (~20 s)
                call_command("migrate", verbosity=0)
            article, reader, staff = _build()
            pair.start_standby()
            connections.settings[REPLICA] = _replica_settings(pair.standby.url())
        overrides.enable()
        enabled = True
        yield Site(pair, article, reader, staff)
    finally:
        if enabled:
            overrides.disable()
        with django_db_blocker.unblock():
            for alias in ("default", REPLICA):
                with contextlib.suppress(Exception):
                    connections[alias].close()
            with contextlib.suppress(AttributeError):
                del connections[REPLICA]
            connections.settings.pop(REPLICA, None)
            connections["default"] = suite_connection
        pair.stop()
        site_memo.forget()
        replicas.forget()
        ContentType.objects.clear_cache()  # ids read from the primary


@pytest.fixture(autouse=True)
def fresh(site, django_db_blocker, settings):
    """Each test: measures taken anew, no recent content change, replay running."""
    settings.DATABASE_REPLICA_MAX_LAG = 3600  # lag is its own test's subject
    replicas.forget()
    site_memo.forget()
    cache.set(CLOCK_KEY, time.time() - 3600, None)
    with django_db_blocker.unblock():
        yield
        if site.pair.standby.query("SELECT pg_is_in_recovery()") == [(True,)]:
            site.pair.resume_replay()
        replicas.forget()


@contextlib.contextmanager
def queries_on(*aliases):
    """How many queries each connection ran inside the block."""
    counts = dict.fromkeys(aliases, 0)
    with contextlib.ExitStack() as stack:
        for alias in aliases:

            def count(execute, sql, params, many, context, alias=alias):
                counts[alias] += 1
                return execute(sql, params, many, context)

            stack.enter_context(connections[alias].execute_wrapper(count))
        yield counts


def reader_client(site: Site) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(site.reader)
    return client


def test_anonymous_reader_pages_read_the_replica_and_never_the_primary(site):
    site.pair.pause_replay()
    site.set_title_on_primary(CHANGED_TITLE)
    client = Client()
    article_url, thread_url = site.article_url, site.thread_url  # read outside a request
    with queries_on("default", REPLICA) as counts:
        page = client.get(article_url)
        api = client.get(f"/api/v1/articles/{site.article.pk}")
        thread = client.get(thread_url)
    assert page.status_code == api.status_code == thread.status_code == 200
    # The standby has not replayed the change: what readers got came from it.
    assert TITLE in page.text and CHANGED_TITLE not in page.text
    assert api.json()["title"] == TITLE
    assert site.pair.primary.query(
        "SELECT title FROM wagtailcore_page WHERE id = %s", (site.article.pk,)
    ) == [(CHANGED_TITLE,)]
    # Not even the site settings were read on the primary (Wagtail's for_site() would
    # have: a get_or_create reads where writes go; kiosque.core.site_settings).
    assert counts[REPLICA] > 0
    assert counts["default"] == 0
    assert READ_YOUR_WRITES_COOKIE not in page.cookies

    site.pair.resume_replay()
    replicas.forget()
    assert CHANGED_TITLE in client.get(site.article_url).text
    site.set_title_on_primary(TITLE)
    site.pair.wait_replayed()


def test_a_reader_who_posted_reads_their_comment_at_once(site):
    site.pair.pause_replay()
    reader = reader_client(site)
    posted = reader.post(site.post_url, {"body": "Mon commentaire, lu tout de suite."})
    assert posted.status_code == 302
    cookie = posted.cookies[READ_YOUR_WRITES_COOKIE]
    assert int(cookie["max-age"]) == db_routing.read_your_writes_seconds()
    assert cookie["httponly"] and cookie["samesite"] == "Lax"

    # The poster goes to the primary, where the comment is; the standby has not got it.
    with queries_on("default", REPLICA) as counts:
        own_view = reader.get(site.thread_url)
    assert "Mon commentaire, lu tout de suite." in own_view.text
    assert counts[REPLICA] == 0

    # Someone else, once the site-wide change is no longer recent, reads the replica,
    # which is still behind (its replay is paused).
    cache.set(CLOCK_KEY, time.time() - 3600, None)
    other = Client().get(site.thread_url)
    assert other.status_code == 200
    assert "Mon commentaire, lu tout de suite." not in other.text


def test_after_a_content_change_every_reader_reads_the_primary_until_the_replica_has_it(site):
    site.pair.pause_replay()
    posted = reader_client(site).post(site.post_url, {"body": "Un changement pour tous."})
    assert posted.status_code == 302  # published: its purge moved the content clock

    # A reader with no cookie (the edge fetching the purged page) gets the new state.
    anonymous = Client()
    with queries_on(REPLICA) as counts:
        page = anonymous.get(site.thread_url)
    assert "Un changement pour tous." in page.text
    assert counts[REPLICA] == 1  # the lag measure alone

    # Replayed, and a commit made after the change shows the standby is past it: back to
    # the replica before the lag bound has run out.
    site.pair.resume_replay()
    site.set_title_on_primary(TITLE)
    site.pair.wait_replayed()
    replicas.forget()
    assert replicas.replica_verdict(REPLICA).replayed_until >= cache.get(CLOCK_KEY)
    with queries_on("default", REPLICA) as counts:
        assert anonymous.get(site.thread_url).status_code == 200
    assert counts["default"] == 0 and counts[REPLICA] > 1


def test_the_admin_and_the_accounts_read_the_primary(site):
    site.pair.pause_replay()
    site.set_title_on_primary(CHANGED_TITLE)
    staff = Client()
    staff.force_login(site.staff)
    with queries_on("default", REPLICA) as counts:
        listing = staff.get(f"/admin/pages/{site.article.get_parent().pk}/")
        account = reader_client(site).get("/compte/")
    assert listing.status_code == 200 and CHANGED_TITLE in listing.text
    assert account.status_code in (200, 302)
    assert counts[REPLICA] == 0 and counts["default"] > 0
    site.set_title_on_primary(TITLE)


def test_transactions_writes_and_work_outside_requests_read_the_primary(site):
    site.pair.pause_replay()
    site.set_title_on_primary(CHANGED_TITLE)
    seen = {}

    def view(request):
        seen["plain"] = router.db_for_read(ArticlePage)
        seen["plain title"] = ArticlePage.objects.get(pk=site.article.pk).title
        with transaction.atomic():
            seen["in atomic"] = router.db_for_read(ArticlePage)
            seen["atomic title"] = ArticlePage.objects.get(pk=site.article.pk).title
        Comment.objects.filter(pk=-1).update(body="")  # a write, even of nothing
        seen["after a write"] = router.db_for_read(ArticlePage)
        return HttpResponse()

    response = ReplicaRoutingMiddleware(view)(RequestFactory().get(site.article_url))
    assert seen == {
        "plain": REPLICA,
        "plain title": TITLE,
        "in atomic": "default",
        "atomic title": CHANGED_TITLE,
        "after a write": "default",
    }
    # A GET that wrote also sends its reader to the primary for the next seconds.
    assert READ_YOUR_WRITES_COOKIE in response.cookies
    # The worker, the CLI: no request, the primary.
    assert router.db_for_read(ArticlePage) == "default"
    assert ArticlePage.objects.get(pk=site.article.pk).title == CHANGED_TITLE
    site.set_title_on_primary(TITLE)


def test_a_replica_beyond_the_lag_bound_is_not_read(site, settings):
    site.pair.pause_replay()
    site.set_title_on_primary(CHANGED_TITLE)
    client = Client()
    assert TITLE in client.get(site.article_url).text  # within a bound of an hour

    settings.DATABASE_REPLICA_MAX_LAG = 1
    time.sleep(1.1)  # the primary's last commit is now more than a second ahead
    replicas.forget()
    verdict = replicas.replica_verdict(REPLICA)
    assert verdict.reachable and verdict.lag > 1
    with queries_on(REPLICA) as counts:
        assert CHANGED_TITLE in client.get(site.article_url).text
    assert counts[REPLICA] == 0  # the verdict just taken is remembered

    site.pair.resume_replay()
    replicas.forget()
    assert replicas.replica_verdict(REPLICA).lag == 0
    with queries_on("default") as counts:
        assert CHANGED_TITLE in client.get(site.article_url).text
    assert counts["default"] == 0
    site.set_title_on_primary(TITLE)


def test_a_replica_that_is_down_is_not_read(site):
    site.pair.standby.stop()
    try:
        client = Client(raise_request_exception=False)
        started = time.monotonic()
        page = client.get(site.article_url)
        assert page.status_code == 200 and TITLE in page.text
        assert time.monotonic() - started < 2  # refused at once, remembered after
        assert not replicas.replica_verdict(REPLICA).reachable
        assert client.get("/healthz").json() == {"status": "ok", "database": "ok"}
    finally:
        site.pair.standby.start()
        site.pair.wait_streaming()


def test_with_the_primary_down_readers_are_served_and_writers_told(site):
    reader = reader_client(site)  # logged in before: the session is in the cache
    site.pair.primary.stop()
    try:
        anonymous = Client(raise_request_exception=False)
        for url in (
            "/",
            "/monde/",
            site.article_url,
            "/en" + site.article_url,
            site.thread_url,
            "/rss.xml",
            "/sitemap.xml",
            "/recherche/?q=négociations",
            "/api/v1/articles",
            f"/api/v1/articles/{site.article.pk}",
        ):
            answer = anonymous.get(url)
            assert answer.status_code == 200, (url, answer.status_code)
        assert "négociations" in anonymous.get("/recherche/?q=négociations").text.lower()
        assert anonymous.get("/healthz").json() == {"status": "ok", "database": "read-only"}

        text = "Un avis <important> que je ne veux pas perdre."
        refused = reader.post(site.post_url, {"body": text, "origine": "article"})
        assert refused.status_code == 503
        assert refused["Retry-After"].isdigit()
        assert "no-store" in refused["Cache-Control"]
        assert "Votre modification n’a pas été enregistrée" in refused.text
        assert "Un avis &lt;important&gt; que je ne veux pas perdre." in refused.text
        assert 'name="origine" value="article"' in refused.text
        assert "Traceback" not in refused.text
        assert READ_YOUR_WRITES_COOKIE not in refused.cookies

        english = reader.post("/en" + site.post_url, {"body": text})
        assert english.status_code == 503 and "Your change was not saved" in english.text

        site.pair.standby.stop()
        replicas.forget()
        nothing = anonymous.get(site.article_url)
        assert nothing.status_code == 503 and "Cette page ne peut pas" in nothing.text
        api = anonymous.get("/api/v1/articles")
        assert api.status_code == 503 and "detail" in api.json()
        assert anonymous.get("/healthz").status_code == 503
    finally:
        site.pair.primary.start()
        if not (site.pair.standby.data / "postmaster.pid").exists():
            site.pair.standby.start()
        site.pair.wait_streaming()
    # Nothing half saved: the refused comment is not there.
    assert not Comment.objects.filter(body__startswith="Un avis").exists()
