"""What every answer under /api/v1/ goes through: rate limit, CORS, HEAD, ETag and 304.

Applied once, around each URL of the API (kiosque.api.urls), so the JSON endpoints, the
OpenAPI document, the reference page and the JSON 404 all behave alike.

Answers are the same for everyone: they never read the session or the user, set no
cookie and carry no `Vary: Cookie`, so the edge may share them (its headers are set by
kiosque.edge); the ETag is a hash of the bytes sent, so it changes exactly when they do.
"""

from __future__ import annotations

import functools
import hashlib
import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_vary_headers

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
# Headers a browser script may send (If-None-Match makes a conditional request) and read.
CORS_REQUEST_HEADERS = "If-None-Match, Accept"
CORS_EXPOSED_HEADERS = "ETag, Retry-After"
PREFLIGHT_MAX_AGE = "86400"


def problem(status: int, detail: str, **headers) -> JsonResponse:
    response = JsonResponse({"detail": detail}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def _allowed_origin(request) -> str | None:
    """The Access-Control-Allow-Origin value for this request, or None."""
    allowed = settings.API_CORS_ALLOWED_ORIGINS
    if "*" in allowed:
        return "*"
    origin = request.headers.get("Origin", "")
    return origin if origin and origin in allowed else None


def _with_cors(request, response) -> HttpResponse:
    allowed = settings.API_CORS_ALLOWED_ORIGINS
    origin = _allowed_origin(request)
    if origin is not None:
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Expose-Headers"] = CORS_EXPOSED_HEADERS
    if allowed and "*" not in allowed:
        # The answer depends on who asks: caches must keep one copy per origin.
        patch_vary_headers(response, ["Origin"])
    return response


def _preflight(request) -> HttpResponse:
    response = HttpResponse(status=204)
    response["Allow"] = ALLOWED_METHODS
    if _allowed_origin(request) is not None:
        response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        response["Access-Control-Allow-Headers"] = CORS_REQUEST_HEADERS
        response["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    return response


def _etag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:40] + '"'


def api_view(view):
    """Wrap one view of the API (a ninja operation or page) in the common protocol."""
    from kiosque.api.rate_limit import seconds_to_wait

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return _with_cors(request, _preflight(request))
        if request.method not in {"GET", "HEAD"}:
            response = problem(405, "the API is read-only here: use GET", Allow=ALLOWED_METHODS)
            return _with_cors(request, response)
        wait = seconds_to_wait(request)
        if wait:
            response = problem(429, f"too many requests: retry in {wait} s", Retry_After=str(wait))
            return _with_cors(request, response)
        head = request.method == "HEAD"
        if head:
            request.method = "GET"  # same headers as GET, body dropped below
        try:
            response = view(request, *args, **kwargs)
        finally:
            if head:
                request.method = "HEAD"
        if response.status_code == 200 and not response.streaming:
            response["ETag"] = _etag(response.content)
            response = get_conditional_response(request, etag=response["ETag"], response=response)
        response = _with_cors(request, response)
        if head:
            response.content = b""
        return response

    # No address wrapped here accepts a write (405 above), so CSRF has nothing to protect
    # and must not turn a refused POST into an HTML 403 page.
    wrapped.csrf_exempt = True
    return wrapped


def not_found(request, *args, **kwargs) -> JsonResponse:
    """Any address under /api/v1/ that is not one of the API's."""
    return problem(404, "no such endpoint: see /api/v1/docs")


def json_bytes(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
