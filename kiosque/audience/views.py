"""The « Les plus lus » block at its own address, for the edge to include (ESI).

Public and the same for every reader: no cookie is read or set. The edge keeps it for
the refresh period at most, under `mostread` (purged when a list changes) and the keys
of the articles it shows (a withdrawn article leaves it at once).
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from kiosque.audience import block, most_read
from kiosque.edge.policy import Lifetime


@require_safe
def most_read_fragment(request, section_id: int | None = None):
    try:
        html = block.block_html(request, section_id)
    except block.UnknownSection:
        raise Http404("No such section") from None
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    seconds = most_read.refresh_seconds()
    lifetime = Lifetime(browser=min(settings.EDGE_BROWSER_SECONDS, seconds), shared=seconds)
    response["Cache-Control"] = lifetime.header()
    # A part of pages, not a page: search engines index the pages that include it.
    response["X-Robots-Tag"] = "noindex"
    return response
