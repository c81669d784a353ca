"""Sessions in Redis that say so when Redis is away (decision 0074).

Django's cache sessions take a cache that does not answer for an empty session: the
reader's cookie is then deleted (logged out for good, though the session is still in
Redis), and a log-in ends in a RuntimeError after 10,000 tries to store a new key: a 500.
With REDIS_URL, SESSION_ENGINE is this module instead:

- A session that cannot be read is empty for this request only: the reader sees the
  site as a visitor does, the cookie stays, nothing is written over the stored session,
  and it is back, as it was, when Redis is.
- A form posted while Redis is away (a log-in, a sign-up, a log-out, a comment) is
  answered 503 with a page in the site's design: accounts are paused, try again in a
  moment. Nothing is done as a visitor on behalf of a reader who is logged in (a comment
  posted then would otherwise be refused as anonymous, or worse). The API's writes,
  authenticated by token, need no session and go on.
- Log-ins are refused before any password is checked (SessionsAvailableBackend, first in
  AUTHENTICATION_BACKENDS): a log-in cannot succeed without a session anyway, and the
  log-in rate limits live in Redis too, so checking passwords meanwhile would let anyone
  try them without a limit.
"""

from __future__ import annotations

import logging
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.cache import SessionStore as CacheSessionStore
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.core.cache import caches
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from kiosque.core.redis_cache import CacheUnavailable

logger = logging.getLogger("kiosque.cache")

# Seconds a client is told to wait: about the time Redis takes to restart.
RETRY_AFTER_SECONDS = 30
SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


class SessionsUnavailable(Exception):
    """A session could not be stored, changed or deleted: Redis does not answer."""


class SessionStore(CacheSessionStore):
    def __init__(self, session_key=None):
        super().__init__(session_key)
        # The same cache, raising CacheUnavailable instead of failing open.
        self._cache = getattr(self._cache, "strict", self._cache)
        self.unavailable = False  # could not be read
        self.not_stored = False  # a new session that could not be stored

    @classmethod
    def ensure_available(cls) -> None:
        if getattr(caches[settings.SESSION_CACHE_ALIAS], "available", True) is False:
            raise SessionsUnavailable("Redis does not answer")

    def load(self):
        try:
            data = self._cache.get(self.cache_key)
        except CacheUnavailable:
            # Empty for this request; the key stays, so the cookie does too.
            self.unavailable = True
            return {}
        except Exception:
            data = None  # as Django does: a key the cache refuses is a new session
        if data is not None:
            return data
        self._session_key = None
        return {}

    def exists(self, session_key):
        try:
            return super().exists(session_key)
        except CacheUnavailable as error:
            raise SessionsUnavailable(str(error)) from error

    def create(self):
        try:
            super().create()
        except CacheUnavailable as error:
            raise SessionsUnavailable(str(error)) from error

    def save(self, must_create=False):
        if self.unavailable:
            return  # never write over a session that could not be read
        if self.session_key is None and not must_create:
            # The response of a visitor whose first session could not be stored: it goes
            # out without one (SessionMiddleware saves after the view, too late for a page).
            try:
                return self.create()
            except SessionsUnavailable:
                logger.info("A new session was not stored: Redis does not answer")
                self.not_stored = True
                return None
        try:
            return super().save(must_create)
        except CacheUnavailable:
            if must_create:
                raise  # create() says SessionsUnavailable
            logger.info("A session change was not stored: Redis does not answer")
            return None

    def delete(self, session_key=None):
        # A log-out that did not end the stored session must not look like it did.
        try:
            return super().delete(session_key)
        except CacheUnavailable as error:
            raise SessionsUnavailable(str(error)) from error


def sessions_available() -> None:
    """Raises SessionsUnavailable when the configured sessions are in a Redis that does
    not answer; nothing for database sessions."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    ensure_available = getattr(store, "ensure_available", None)
    if ensure_available is not None:
        ensure_available()


class SessionsAvailableBackend:
    """First in AUTHENTICATION_BACKENDS: no password is checked while a session could not
    be stored. Authenticates nobody itself (the next backends do)."""

    # No get_user(): it would make this the backend the test client's force_login picks.
    def authenticate(self, request, **credentials):
        sessions_available()
        return None


def accounts_unavailable(request):
    response = render(request, "errors/accounts_unavailable.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's, plus: the 503 page instead of a 500 or a visitor's answer while Redis
    is away, and no cookie for a session that could not be stored."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        """A form posted while sessions cannot be stored gets the 503 page, before its
        view runs: log-ins (their rate limits, in Redis too, would answer a bare 429
        after a second's wait), sign-ups, log-outs, and a logged-in reader's comment,
        which would otherwise be handled as a visitor's. Views exempt from CSRF (the
        API's token-authenticated writes) use no session and go on."""
        if request.method in SAFE_METHODS or getattr(view_func, "csrf_exempt", False):
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            request.session.get(SESSION_KEY)  # reads the session now
        try:
            if getattr(request.session, "unavailable", False):
                raise SessionsUnavailable("the session could not be read")
            sessions_available()
        except SessionsUnavailable:
            return accounts_unavailable(request)
        return None

    def process_exception(self, request, exception):
        if isinstance(exception, SessionsUnavailable):
            return accounts_unavailable(request)
        return None

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if getattr(getattr(request, "session", None), "not_stored", False):
            response.cookies.pop(settings.SESSION_COOKIE_NAME, None)
        return response
