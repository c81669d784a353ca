"""What the API's write operation goes through instead of kiosque.api.http's read rules.

POST only; the per-address rate limit of every API request; a small JSON body (checked
before anything reads it); and an answer nobody keeps: `private, no-store`, since it
speaks of one token's request (the edge middleware leaves non-GET answers alone).
No CORS: a token belongs on a server, not in a web page, so browsers on other sites
are not told they may send one.
"""

from __future__ import annotations

import functools

from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from kiosque.api.http import problem

ALLOWED_METHODS = "POST, OPTIONS"
MAX_BODY_BYTES = 64 * 1024  # a 10,000-character entry in JSON, with room to spare

# The URL names of the write operations: kiosque.api.urls wraps these in write_view.
WRITE_URL_NAMES: set[str] = set()


def write_operation(url_name: str) -> str:
    """Declare a ninja operation a write (its `url_name=`): the wrapper is write_view."""
    WRITE_URL_NAMES.add(url_name)
    return url_name


def _is_json(request) -> bool:
    content_type = request.content_type or ""
    return content_type == "application/json" or content_type.endswith("+json")


def _refusal(request) -> HttpResponse | None:
    from kiosque.api import tokens
    from kiosque.api.rate_limit import seconds_to_wait

    if request.method == "OPTIONS":
        response = HttpResponse(status=204)
        response["Allow"] = ALLOWED_METHODS
        return response
    if request.method != "POST":
        return problem(405, "use POST on this address", Allow=ALLOWED_METHODS)
    wait = seconds_to_wait(request)
    if wait:
        return problem(429, f"too many requests: retry in {wait} s", Retry_After=str(wait))
    scheme, _, credentials = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    if scheme.lower() != "bearer" or tokens.find_active(credentials.strip()) is None:
        # No usable token: the operation's authentication answers 401 before any body is
        # read; a caller without one learns nothing about what it sent.
        return None
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY_BYTES:
        return problem(413, f"the body is larger than {MAX_BODY_BYTES} bytes")
    if length and not _is_json(request):  # no body at all: the 422 will name what is missing
        return problem(415, "send the entry as JSON: Content-Type: application/json")
    return None


def write_view(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = _refusal(request) or view(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response

    # Bearer tokens only (kiosque.api.bearer): the session is never read, so a forged
    # cross-site request has nothing to ride on, and CSRF must not turn a program's
    # POST into an HTML 403 page.
    wrapped.csrf_exempt = True
    return wrapped
