"""A clear 503 when the database cannot answer or cannot take a write (decision 0073).

The primary is down or restarting, refuses connections, or is a standby that only reads
(a replica named in DATABASE_URL before its promotion): the request answers 503 with
Retry-After, in the site's design, French at / and English under /en/, JSON under /api/;
never a stack trace. A transaction that failed is rolled back whole (the services write
in `atomic`), so nothing is half saved, and a view that receives text a reader typed
(`keeps_text_when_unavailable`) gets that text back in the page, in a form that posts it
again.

Django turns an exception in any view or middleware into the answer of handler500
(kiosque.core.views.server_error), which asks `database_unavailable()` first. The page is
a plain template rendered without context processors: nothing in it reads the database.
"""

from __future__ import annotations

import sqlite3

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.template import loader
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language_from_path

RETRY_AFTER_SECONDS = 30
# SQLSTATE: a write sent to a server that only reads (hot standby, read-only session).
READ_ONLY_SQL_TRANSACTION = "25006"
# SQLSTATE classes of a server that is away rather than of a wrong query: connection
# exception, insufficient resources (too many connections, disk full), operator
# intervention (shutting down, starting up, query cancelled), system error (I/O).
UNAVAILABLE_SQLSTATE_CLASSES = ("08", "53", "57", "58")
# SQLite's equivalents; "no such table" and the like remain server errors (500).
SQLITE_UNAVAILABLE_WORDS = ("locked", "busy", "unable to open", "disk i/o", "readonly")
KEPT_TEXT_ATTRIBUTE = "kiosque_kept_when_unavailable"
# On a 503 of ours: nothing was written, so no read-your-writes cookie (core.db_routing).
NOTHING_WRITTEN_ATTRIBUTE = "kiosque_nothing_written"
MAX_KEPT_CHARACTERS = 20_000


def database_unavailable(error: BaseException | None) -> bool:
    """Whether `error` says the database is away or read-only, not that a query is wrong."""
    if error is None:
        return False
    cause = error.__cause__
    sqlstate = getattr(cause, "sqlstate", None)
    if sqlstate == READ_ONLY_SQL_TRANSACTION:
        return True
    if isinstance(error, InterfaceError):
        return True  # the connection is gone
    if not isinstance(error, OperationalError):
        return False
    if isinstance(cause, sqlite3.OperationalError):
        message = str(cause).lower()
        return any(word in message for word in SQLITE_UNAVAILABLE_WORDS)
    # No SQLSTATE: the server never answered (refused, timed out, closed under us).
    return sqlstate is None or sqlstate[:2] in UNAVAILABLE_SQLSTATE_CLASSES


def keeps_text_when_unavailable(text_field: str, *hidden_fields: str):
    """Mark a view whose posted text a 503 gives back, ready to post again.

    Put it next to the function (below the other decorators, which copy the mark).
    """

    def mark(view):
        setattr(view, KEPT_TEXT_ATTRIBUTE, (text_field, hidden_fields))
        return view

    return mark


def _kept_form(request: HttpRequest) -> dict | None:
    if request.method != "POST":
        return None
    try:
        view = resolve(request.path_info).func
    except Resolver404:
        return None
    fields = getattr(view, KEPT_TEXT_ATTRIBUTE, None)
    if fields is None:
        return None
    text_field, hidden_fields = fields
    try:
        posted = request.POST
    except Exception:  # a body Django cannot read: no text to give back
        return None
    text = posted.get(text_field, "")
    if not text.strip():
        return None
    return {
        "action": request.path,
        "name": text_field,
        "text": text[:MAX_KEPT_CHARACTERS],
        "hidden": [(name, posted[name]) for name in hidden_fields if name in posted],
        # From the CSRF cookie (CSRF_USE_SESSIONS is off): no database, no session.
        "csrf_token": get_token(request),
    }


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/") or "application/json" in request.headers.get(
        "Accept", ""
    )


def unavailable_response(request: HttpRequest) -> HttpResponse:
    if _wants_json(request):
        response = JsonResponse(
            {
                "detail": "the database is unavailable for a moment: "
                f"retry in {RETRY_AFTER_SECONDS} s"
            },
            status=503,
        )
    else:
        english = get_language_from_path(request.path_info) == "en"
        context = {
            "english": english,
            "home": "/en/" if english else "/",
            "reading": request.method in ("GET", "HEAD"),
            "kept": _kept_form(request),
        }
        html = loader.get_template("errors/503.html").render(context)
        response = HttpResponse(html, status=503)
        response["Content-Language"] = "en" if english else "fr"
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    setattr(response, NOTHING_WRITTEN_ATTRIBUTE, True)
    return response
