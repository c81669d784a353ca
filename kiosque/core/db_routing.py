"""Readers' reads from a streaming replica, everything else from the primary (decision 0073).

Opt-in: with DATABASE_REPLICA_URLS set, the settings declare DATABASES["replica_1"]...,
install ReplicaRouter, and ReplicaRoutingMiddleware marks each request (without them the
middleware removes itself and Django routes as it always did). A read goes to a replica
only when every one of these holds:

- it happens inside a request the middleware marked: the worker, the CLI and anything
  else outside a request read the primary;
- the request is a GET or HEAD outside the admin, the accounts and the documents
  (reader pages, comments pages, feeds, sitemaps, search, the public API);
- the reader wrote nothing in the last few seconds (READ_YOUR_WRITES_COOKIE) and this
  request has not written yet (an INSERT, UPDATE or DELETE seen on the primary's
  connection: asking the router where to write is not writing, as `get_or_create` and
  Wagtail's `for_site` ask it for their first read);
- the primary's connection is not inside a transaction (what `atomic` reads, it is
  about to write on);
- the model is not one that is read where it was just written (the database cache,
  sessions);
- a replica is fit (kiosque.core.replicas): it answers, trails the primary by at most
  DATABASE_REPLICA_MAX_LAG seconds and, if the site's content changed within the last
  read_your_writes_seconds(), it has replayed that change. Every purge of the edge moves
  the content clock (DATABASE_REPLICA_CHANGE_CLOCK): without this, the edge's first
  fetch after a purge could read a lagging replica and keep the old page for minutes.

A request keeps the replica it first read from (one snapshot's worth of consistency), and
goes to the primary for good once it writes. Writes always go to the primary, except in
a reader's request while the primary is known to be down: then `get_or_create` and the
like read the replica, and a real write fails there as read-only (a 503, as it would on
the primary), instead of every reader page failing on a read that could have worked.
"""

from __future__ import annotations

import itertools
import math
import re
import time
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils.module_loading import import_string

from kiosque.core import replicas
from kiosque.core.unavailable import NOTHING_WRITTEN_ATTRIBUTE

# A reader who wrote reads the primary until this cookie expires. A cookie, not a session
# flag: a request without a session (most readers) costs no session read to check it, and
# it reaches the application on every path the edge passes (comments, accounts).
READ_YOUR_WRITES_COOKIE = "kiosque_recent_write"
SAFE_METHODS = frozenset({"GET", "HEAD"})
# What sets the cookie (an API preflight, OPTIONS, must not).
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Read where they are written, whatever the request: a rate-limit counter or a session
# read from a replica would be a step behind the write that just changed it.
PRIMARY_ONLY_APPS = frozenset({"django_cache", "sessions"})
# Statements that change data. Those on the database cache's tables do not count: they
# are not the reader's data (a page that fills the fragment cache keeps reading replicas).
WRITE_STATEMENT = re.compile(r"\s*(INSERT|UPDATE|DELETE|MERGE|TRUNCATE)\b", re.IGNORECASE)


def read_your_writes_seconds() -> int:
    """How long after a write its writer (and, site-wide, the edge) reads the primary.

    A replica read is allowed with a verdict up to VERDICT_SECONDS old that found at most
    DATABASE_REPLICA_MAX_LAG seconds of lag: anything committed longer ago than the sum is
    on the replica. One second more for rounding and the clocks of different hosts.
    """
    return math.ceil(settings.DATABASE_REPLICA_MAX_LAG + replicas.VERDICT_SECONDS + 1)


@dataclass
class RequestRouting:
    """What the router knows of the request it is serving."""

    request: object
    may_use_replica: bool
    wrote: bool = False
    chosen: str | None = None  # the alias this request reads, once it has read


_current: ContextVar[RequestRouting | None] = ContextVar("kiosque_db_routing", default=None)
_rotation = itertools.count()


@cache
def _change_clock(path: str):
    return import_string(path) if path else None


def last_content_change(request) -> float | None:
    """When the site's content last changed, if that is recent enough to matter."""
    clock = _change_clock(getattr(settings, "DATABASE_REPLICA_CHANGE_CLOCK", "") or "")
    if clock is None or request is None:
        return None
    changed_at = clock(request)
    if changed_at is None or time.time() - changed_at >= read_your_writes_seconds():
        return None
    return changed_at


def choose_read_database(request) -> str:
    """A fit replica (taking turns between several), else the primary."""
    aliases = replicas.replica_aliases()
    if not aliases:
        return DEFAULT_DB_ALIAS
    max_lag = settings.DATABASE_REPLICA_MAX_LAG
    changed_at = last_content_change(request)
    start = next(_rotation) % len(aliases)
    for alias in aliases[start:] + aliases[:start]:
        verdict = replicas.replica_verdict(alias)
        if not verdict.fit_to_read(max_lag=max_lag, last_change=changed_at):
            continue
        if verdict.detached and replicas.primary_answers():
            continue  # cannot tell how far behind it is, and the primary is there
        return alias
    return DEFAULT_DB_ALIAS


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return DEFAULT_DB_ALIAS
        state = _current.get()
        if state is None or not state.may_use_replica or state.wrote:
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        if state.chosen is None:
            state.chosen = choose_read_database(state.request)
        return state.chosen

    def db_for_write(self, model, **hints):
        state = _current.get()
        if state is None or not state.may_use_replica or state.wrote:
            return DEFAULT_DB_ALIAS
        # Choosing where to read looks at the primary when the replica has lost it: the
        # answer below is then fresh.
        alias = self.db_for_read(model, **hints)
        if alias != DEFAULT_DB_ALIAS and replicas.primary_known_down():
            return alias
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # A replica holds the primary's rows: an object read from one may point at one
        # read from the other.
        known = {DEFAULT_DB_ALIAS, *replicas.replica_aliases()}
        if obj1._state.db in known and obj2._state.db in known:
            return True
        return None

    def allow_migrate(self, db, app_label, **hints):
        if db in replicas.replica_aliases():
            return False  # replicas copy the primary's schema; they cannot be written
        return None


class ReplicaRoutingMiddleware:
    """Marks each request with where it may read; after a write, the writer's cookie."""

    def __init__(self, get_response):
        if not replicas.replica_aliases():
            raise MiddlewareNotUsed
        self.get_response = get_response
        self.primary_paths = (
            "/" + settings.ADMIN_PATH,
            "/compte/",
            "/en/compte/",
            "/documents/",
            "/healthz",  # checks each database itself
        )
        self.cache_tables = tuple(
            cache["LOCATION"].lower()
            for cache in settings.CACHES.values()
            if cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
        )

    def may_use_replica(self, request) -> bool:
        return (
            request.method in SAFE_METHODS
            and READ_YOUR_WRITES_COOKIE not in request.COOKIES
            and not request.path.startswith(self.primary_paths)
        )

    def __call__(self, request):
        outer = _current.get()
        # Wagtail renders an admin preview through a request nested in the admin's own:
        # the inner one is never freer than the outer.
        allowed = self.may_use_replica(request) and (outer is None or outer.may_use_replica)
        state = RequestRouting(request=request, may_use_replica=allowed)
        token = _current.set(state)
        try:
            with connections[DEFAULT_DB_ALIAS].execute_wrapper(self.writes_noted(state)):
                response = self.get_response(request)
        finally:
            _current.reset(token)
        wrote = state.wrote or request.method in UNSAFE_METHODS
        if wrote and not getattr(response, NOTHING_WRITTEN_ATTRIBUTE, False):
            response.set_cookie(
                READ_YOUR_WRITES_COOKIE,
                "1",
                max_age=read_your_writes_seconds(),
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def writes_noted(self, state: RequestRouting):
        """A wrapper of the primary's connection (adding one opens no connection) that
        marks the request as having written before its first write runs."""

        def note(execute, sql, params, many, context):
            if not state.wrote and WRITE_STATEMENT.match(sql) and not self._cache_write(sql):
                state.wrote = True
            return execute(sql, params, many, context)

        return note

    def _cache_write(self, sql: str) -> bool:
        start = sql[:120].lower()
        return any(f'"{table}"' in start for table in self.cache_tables)
