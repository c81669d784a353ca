"""Cache-Control, Last-Modified and surrogate keys on every public response.

A response is public only when it is a reader page or a public document (feed, sitemap,
search, API, media), answers GET or HEAD, sets no cookie and did not look at the
session (no `Vary: Cookie`). Everything else that carries a cookie or depends on the
session is marked `private, no-store`, so that neither the edge nor a proxy in between
can ever store it. A view that sets its own Cache-Control is left alone (the private
comment fragment, the 410 of a withdrawn article), apart from its surrogate keys.
ETags and 304 answers come from Django's ConditionalGetMiddleware, placed above this one.
"""

from datetime import UTC, datetime

from django.conf import settings
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from kiosque.edge import esi, policy
from kiosque.edge import keys as edge_keys
from kiosque.edge.clock import clock_for
from kiosque.edge.fragments import remember_page_fragments

PAGE_ATTRIBUTE = "_edge_page"
CLOCK_STEPS_ATTRIBUTE = "_edge_clock_steps"
KEY_HEADER = "xkey"

# Public documents that are not Wagtail pages: (path test, surrogate key, lifetime).
FEED_ENDINGS = ("/rss.xml", "/atom.xml", "/feed/", "/rss/", "/atom/")
SEARCH_PREFIXES = ("/recherche/", "/en/recherche/")
CORRECTIONS_PREFIXES = ("/rectificatifs/", "/en/rectificatifs/")
PUBLIC_DOCUMENTS = (
    (lambda path: path == "/robots.txt" or path.startswith("/sitemap"), edge_keys.SITEMAPS),
    (lambda path: path.endswith(FEED_ENDINGS), edge_keys.FEEDS),
    (lambda path: path.startswith(SEARCH_PREFIXES), edge_keys.SEARCH),
    (lambda path: path.startswith("/api/"), edge_keys.API),
    (lambda path: path.startswith(CORRECTIONS_PREFIXES), edge_keys.CORRECTIONS),
)
# Never public, whatever the response looks like.
PRIVATE_PREFIXES = (
    "/compte/", "/en/compte/", "/commentaires/", "/en/commentaires/", "/healthz",
    "/signaler/", "/en/signaler/",  # the error report form (kiosque/editorial)
)  # fmt: skip


def note_page(request, page) -> None:
    """Called as Wagtail serves a page (wagtail_hooks.before_serve_page)."""
    setattr(request, PAGE_ATTRIBUTE, page)


def note_clock_steps(request, steps) -> None:
    """The article view tells when its page changes by the clock alone (freshness.py)."""
    setattr(request, CLOCK_STEPS_ATTRIBUTE, steps)


def note_next_change(request, moment) -> None:
    """A part of the page changes by the clock at `moment` (a live's scheduled entry):
    lower the next step the article view noted, if it is later or missing."""
    from kiosque.edge.freshness import Steps

    steps = getattr(request, CLOCK_STEPS_ATTRIBUTE, None) or Steps(last=None, next=None)
    if moment is not None and (steps.next is None or moment < steps.next):
        setattr(request, CLOCK_STEPS_ATTRIBUTE, Steps(last=steps.last, next=moment))


def is_private_path(path: str) -> bool:
    return path.startswith(PRIVATE_PREFIXES) or path.startswith("/" + settings.ADMIN_PATH)


def _looked_at_the_reader(response) -> bool:
    vary = response.get("Vary", "")
    return bool(response.cookies) or "cookie" in vary.lower()


def _public_rule(request, response):
    """(lifetime, keys) for a public response, or None when it is not one."""
    page = getattr(request, PAGE_ATTRIBUTE, None)
    status = response.status_code
    if page is not None and status == 200:
        from kiosque.newsroom.models import ArticlePage

        keys = edge_keys.keys_for_shown_page(page)
        if issubclass(page.specific_class, ArticlePage):  # lives included
            return policy.article(), keys
        return policy.listing(), keys
    path = request.path
    for matches, key in PUBLIC_DOCUMENTS:
        if matches(path) and status in (200, 301, 302, 404):
            return policy.listing(), {key}
    if path.startswith(settings.MEDIA_URL) and status == 200:
        return policy.media(), set()
    if status in (301, 302, 404):
        # A page published at this address later must replace the "not found" or the
        # redirect at once: they carry the key every publication purges.
        return policy.not_found(), {edge_keys.NOT_FOUND}
    return None


class EdgeCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        esi.mark_response(request, response)  # a page with « Les plus lus » as an include
        if request.method not in ("GET", "HEAD"):
            return response
        if response.status_code == 200 and getattr(request, PAGE_ATTRIBUTE, None) is not None:
            # Pages only: a 404 for any made-up address must not leave an entry behind.
            remember_page_fragments(request)
        if _looked_at_the_reader(response) or is_private_path(request.path):
            if not response.has_header("Cache-Control") or response.cookies:
                patch_cache_control(response, private=True, no_store=True)
            return response
        collected = edge_keys.collected_keys(request)
        if response.has_header("Cache-Control"):
            # The view chose the lifetime (a 410 for a withdrawn article, say); the keys
            # still let a republication replace it at once.
            if "public" in response["Cache-Control"]:
                if response.status_code in (301, 302, 404, 410):
                    collected.add(edge_keys.NOT_FOUND)
                response[KEY_HEADER] = " ".join(sorted(collected | {edge_keys.ALL}))
            return response
        rule = _public_rule(request, response)
        if rule is None:
            return response
        lifetime, keys = rule
        last_modified = clock_for(request)
        steps = getattr(request, CLOCK_STEPS_ATTRIBUTE, None)
        if steps is not None:
            if steps.next is not None:
                now = datetime.now(UTC)
                lifetime = lifetime.capped(int((steps.next - now).total_seconds()))
            if steps.last is not None:
                last_modified = max(last_modified, steps.last.timestamp())
        response["Cache-Control"] = lifetime.header()
        response[KEY_HEADER] = " ".join(sorted(keys | collected | {edge_keys.ALL}))
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(last_modified)
        return response
