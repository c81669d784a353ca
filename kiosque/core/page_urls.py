"""Page links in reader templates, as Wagtail makes them, without a reverse() each.

A front page links about ninety pages, each link twice; Wagtail's `pageurl` reverses
`wagtail_serve` for every one (2 ms of the home page rendered whole on the bench
machine). The serve pattern is the same for every page of one language and script
prefix: it is reversed once with a marker path, and a page's path is put in the
marker's place, quoted as Django's reverse() quotes it. Anything out of the ordinary
(several sites holding the page, Wagtail's content i18n, a path the pattern would not
take) goes through Wagtail's own `page.get_url`.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import get_language
from jinja2 import pass_context
from wagtail.models import Page, Site

_MARKER = "kiosque-marker-7f3a/"
# Wagtail's serve pattern (wagtail/urls.py): slugs of word characters and dashes.
_SERVE_PATH = re.compile(r"(?:[\w\-]+/)*")
_serve_pieces: dict[tuple, tuple[str, str] | None] = {}


def _pieces() -> tuple[str, str] | None:
    key = (get_script_prefix(), get_language(), get_urlconf())
    if key not in _serve_pieces:
        try:
            path = reverse("wagtail_serve", args=(_MARKER,))
        except NoReverseMatch:
            path = ""
        before, marker, after = path.partition(_MARKER)
        _serve_pieces[key] = (before, after) if marker and _MARKER not in after else None
    return _serve_pieces[key]


def serve_path(page_path: str) -> str | None:
    """reverse("wagtail_serve", args=(page_path,)), or None when only reverse() knows."""
    pieces = _pieces()
    if pieces is None or not _SERVE_PATH.fullmatch(page_path):
        return None
    url = pieces[0] + quote(page_path, safe=RFC3986_SUBDELIMS + "/~:@") + pieces[1]
    if url.startswith("//"):  # reverse() never makes a scheme-relative URL
        return None
    if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and url != "/":
        url = url.rstrip("/")
    return url


def page_url(page, request=None) -> str | None:
    """What `page.get_url(request=request)` returns."""
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return page.get_url(request=request)
    roots = page._get_site_root_paths(request)
    holding = [root for root in roots if page.url_path.startswith(root.root_path)]
    if len(holding) != 1:  # none (not routable) or several sites: Wagtail decides
        return page.get_url(request=request)
    site_id, root_path, root_url, _language = holding[0]
    path = serve_path(page.url_path[len(root_path) :])
    if path is None:
        return page.get_url(request=request)
    if len(roots) == 1:
        return path
    current = Site.find_for_request(request) if request is not None else None
    return path if current is not None and current.pk == site_id else root_url + path


@pass_context
def pageurl(context, page, fallback=None) -> str | None:
    """Wagtail's Jinja2 `pageurl` (wagtailcore_tags.pageurl), with the fast path above."""
    if page is None and fallback:
        return resolve_url(fallback)
    if not isinstance(page, Page):
        raise ValueError(f"pageurl tag expected a Page object, got {page!r}")
    return page_url(page, context.get("request"))
