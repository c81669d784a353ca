"""Edge Side Includes: a part of a shared page that changes on its own schedule.

A page the edge keeps for minutes may show a part that changes more often than the page
(« Les plus lus »). Rendered into the page, that part would either go stale or purge the
page with it. Behind an edge that assembles pages (Varnish says so with a
`Surrogate-Capability` request header, set in vcl_recv), the page carries an
`<esi:include>` instead, and the edge fetches, keeps and purges the part under its own
keys: the page stays a cache hit while the part changes.

- The include is only written for a request that came through such an edge: without one
  (`make run`, a test client, an editor's preview) the caller renders the part inline.
- A response that carries an include says so (`Surrogate-Control: content="ESI/1.0"`,
  set by the edge middleware): the edge parses only those responses.
- The edge's VCL overwrites the request header on every request it caches, so a client
  cannot make the application write includes into a page the edge will not assemble.
"""

from django.utils.html import format_html
from django.utils.safestring import SafeString

CAPABILITY_HEADER = "Surrogate-Capability"
CONTROL_HEADER = "Surrogate-Control"
ESI_CAPABILITY = "ESI/1.0"
INCLUDED_ATTRIBUTE = "_edge_esi_included"


def edge_assembles(request) -> bool:
    """Whether the edge in front of this request processes ESI includes."""
    if request is None or getattr(request, "is_preview", False):
        return False
    return ESI_CAPABILITY in request.headers.get(CAPABILITY_HEADER, "")


def include(request, url: str) -> SafeString:
    """An ESI include of `url` (a path of this site), noted for the response's header."""
    setattr(request, INCLUDED_ATTRIBUTE, True)
    # onerror="continue": a part that fails leaves its place empty, never breaks the page.
    return format_html('<esi:include src="{}" onerror="continue"/>', url)


def mark_response(request, response) -> None:
    """Tell the edge to assemble a response that carries includes."""
    if getattr(request, INCLUDED_ATTRIBUTE, False):
        response[CONTROL_HEADER] = f'content="{ESI_CAPABILITY}"'
