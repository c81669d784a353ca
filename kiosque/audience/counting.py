"""Which responses are page views, and the line that records one (docs/audience.md).

A page view is a successful GET of a reader page: a Wagtail page served through its
public URL (home, sections, topics, authors, articles, lives, policy pages), as HTML.
Not a preview (the admin renders those through the middleware again, with
`request.is_preview`), not a feed, the API, search, a fragment or an error page: none of
those passes through Wagtail's `before_serve_page` with an HTML answer.

The application marks such a response with `X-Kiosque-Count: <page id>`. The edge logs
the mark and removes it (deploy/varnish/kiosque.vcl, vcl_deliver; varnishncsa writes the
line), for every copy it serves, from its cache or not. Without an edge, the
application writes the same line itself (middleware.py), so one ingester reads both.

The line, tab-separated: when (seconds since the epoch), method, status, page id, the
Sec-Purpose request header, the User-Agent. The last two are there only so the ingester
can drop prefetches and robots; it never stores them. No address, no cookie, no URL.
"""

import time

COUNT_HEADER = "X-Kiosque-Count"
PAGE_ATTRIBUTE = "_audience_page_id"
# varnishncsa's format for that line: kiosque/edge/page_view_log.py.
# What varnishncsa writes for a missing header; the application writes the same.
ABSENT = "-"


def note_page(request, page) -> None:
    """Called as Wagtail serves a page (wagtail_hooks.before_serve_page)."""
    setattr(request, PAGE_ATTRIBUTE, page.pk)


def counted_page_id(request, response) -> int | None:
    """The page this response is a view of, or None when it is not a page view."""
    page_id = getattr(request, PAGE_ATTRIBUTE, None)
    if page_id is None or getattr(request, "is_preview", False):
        return None
    if request.method not in ("GET", "HEAD") or response.status_code not in (200, 304):
        return None
    if response.status_code == 200 and not response.get("Content-Type", "").startswith("text/html"):
        return None  # a page's feed or JSON route (a live's updates)
    return page_id


def _header_value(value: str | None) -> str:
    # One line per view, tab-separated: a tab or a line break inside a header (which
    # HTTP forbids, but a client may send) must not start another field or line.
    if not value:
        return ABSENT
    return " ".join(value.replace("\t", " ").splitlines()) or ABSENT


def view_line(request, status: int, page_id: int, *, now: float | None = None) -> str:
    """The line varnishncsa would write for this request (without its newline)."""
    seconds = int(time.time() if now is None else now)
    return "\t".join(
        (
            str(seconds),
            request.method,
            str(status),
            str(page_id),
            _header_value(request.headers.get("Sec-Purpose")),
            _header_value(request.headers.get("User-Agent")),
        )
    )
