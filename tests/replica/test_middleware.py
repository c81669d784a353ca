"""The routing middleware's rules, without a replica: which requests may read one, which
set the read-your-writes cookie, and what counts as a write.

The choice between a replica and the primary is stubbed here; tests/replica/test_routing.py
makes it against a real streaming replica.
"""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from kiosque.core import db_routing, replicas
from kiosque.core.db_routing import (
    READ_YOUR_WRITES_COOKIE,
    ReplicaRouter,
    ReplicaRoutingMiddleware,
)
from kiosque.core.unavailable import NOTHING_WRITTEN_ATTRIBUTE
from kiosque.newsroom.models import ArticlePage

factory = RequestFactory()


@pytest.fixture(autouse=True)
def one_replica(monkeypatch):
    monkeypatch.setattr(replicas, "replica_aliases", lambda: ["replica_1"])
    monkeypatch.setattr(db_routing, "choose_read_database", lambda request: "replica_1")


def served(request, view=None):
    """(where the view's first read went, the response)."""
    seen = {}

    def default_view(request):
        seen["read"] = ReplicaRouter().db_for_read(ArticlePage)
        return HttpResponse()

    response = ReplicaRoutingMiddleware(view or default_view)(request)
    return seen.get("read"), response


@pytest.mark.parametrize(
    ("request_", "reads"),
    [
        (factory.get("/monde/europe/debat/"), "replica_1"),
        (factory.head("/"), "replica_1"),
        (factory.get("/rss.xml"), "replica_1"),
        (factory.get("/recherche/?q=paris"), "replica_1"),
        (factory.get("/api/v1/articles"), "replica_1"),
        (factory.get("/commentaires/12/"), "replica_1"),
        (factory.get("/admin/pages/"), "default"),
        (factory.get("/compte/"), "default"),
        (factory.get("/en/compte/connexion/"), "default"),
        (factory.get("/documents/1/rapport.pdf"), "default"),
        (factory.post("/commentaires/12/publier/"), "default"),
    ],
    ids=lambda value: getattr(value, "path", value),
)
def test_which_requests_may_read_a_replica(request_, reads):
    assert served(request_)[0] == reads


def test_a_reader_with_the_cookie_reads_the_primary():
    request = factory.get("/monde/europe/debat/")
    request.COOKIES[READ_YOUR_WRITES_COOKIE] = "1"
    assert served(request)[0] == "default"


def test_outside_a_request_everything_reads_the_primary():
    assert ReplicaRouter().db_for_read(ArticlePage) == "default"
    assert ReplicaRouter().db_for_write(ArticlePage) == "default"


def test_an_admin_preview_nested_in_the_admin_reads_the_primary():
    inner = {}

    def admin_view(request):
        inner["read"] = served(factory.get("/monde/europe/debat/"))[0]
        return HttpResponse()

    served(factory.post("/admin/pages/3/edit/preview/"), view=admin_view)
    assert inner["read"] == "default"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_every_unsafe_request_sets_the_cookie(method, settings):
    settings.DATABASE_REPLICA_MAX_LAG = 5
    response = served(getattr(factory, method)("/commentaires/12/publier/"))[1]
    cookie = response.cookies[READ_YOUR_WRITES_COOKIE]
    assert cookie["max-age"] == 7 and cookie["path"] == "/"
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


@pytest.mark.parametrize("method", ["get", "head", "options"])
def test_reads_and_preflights_set_no_cookie(method):
    response = served(getattr(factory, method)("/api/v1/articles"))[1]
    assert READ_YOUR_WRITES_COOKIE not in response.cookies


def test_a_post_the_database_refused_sets_no_cookie():
    def refused(request):
        response = HttpResponse(status=503)
        setattr(response, NOTHING_WRITTEN_ATTRIBUTE, True)
        return response

    response = served(factory.post("/commentaires/12/publier/"), view=refused)[1]
    assert READ_YOUR_WRITES_COOKIE not in response.cookies


def test_writes_are_told_from_reads_by_the_statement(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kiosque_cache",
        }
    }
    middleware = ReplicaRoutingMiddleware(lambda request: HttpResponse())

    def wrote_after(sql: str) -> bool:
        state = db_routing.RequestRouting(request=None, may_use_replica=True)
        middleware.writes_noted(state)(lambda *args: None, sql, (), False, {})
        return state.wrote

    assert wrote_after('INSERT INTO "discussion_comment" ("body") VALUES (%s)')
    assert wrote_after('  update "auth_user" SET "last_login" = %s')
    assert wrote_after('DELETE FROM "discussion_commentlike" WHERE id = %s')
    assert not wrote_after('SELECT "id" FROM "wagtailcore_page" FOR UPDATE')
    assert not wrote_after('SELECT "id" FROM "updates"')
    # Filling the database cache is not the reader's write.
    assert not wrote_after('INSERT INTO "kiosque_cache" (cache_key, value) VALUES (%s, %s)')
    assert not wrote_after('DELETE FROM "kiosque_cache" WHERE cache_key IN (%s)')


def test_a_get_that_wrote_reads_the_primary_afterwards_and_sets_the_cookie():
    seen = {}

    def view(request):
        router = ReplicaRouter()
        seen["before"] = router.db_for_read(ArticlePage)
        db_routing._current.get().wrote = True  # as the connection wrapper does
        seen["after"] = router.db_for_read(ArticlePage)
        return HttpResponse()

    response = served(factory.get("/monde/"), view=view)[1]
    assert seen == {"before": "replica_1", "after": "default"}
    assert READ_YOUR_WRITES_COOKIE in response.cookies


def test_writes_go_to_a_replica_only_while_the_primary_is_known_down(monkeypatch):
    seen = {}

    def view(request):
        seen["write"] = ReplicaRouter().db_for_write(ArticlePage)
        return HttpResponse()

    monkeypatch.setattr(replicas, "primary_known_down", lambda: False)
    served(factory.get("/"), view=view)
    assert seen["write"] == "default"
    monkeypatch.setattr(replicas, "primary_known_down", lambda: True)
    served(factory.get("/"), view=view)
    assert seen["write"] == "replica_1"  # get_or_create reads; a real write fails there
    served(factory.post("/commentaires/12/publier/"), view=view)
    assert seen["write"] == "default"


def test_replicas_are_never_migrated():
    router = ReplicaRouter()
    assert router.allow_migrate("replica_1", "newsroom") is False
    assert router.allow_migrate("default", "newsroom") is None
