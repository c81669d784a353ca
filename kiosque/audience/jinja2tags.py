"""`most_read(page)` in reader templates: the « Les plus lus » block (block.py).

Behind an edge that assembles pages, the page carries an ESI include of the block's
address, so the page stays cached while the list changes; otherwise (`make run`, tests,
previews) the block is rendered into the page from the fragment cache.
"""

from jinja2 import pass_context
from jinja2.ext import Extension
from markupsafe import Markup

from kiosque.audience import block
from kiosque.edge import esi


@pass_context
def most_read(context, page=None) -> str:
    """The site's list (no page: la une), or the list of `page`'s section."""
    request = context.get("request")
    section_id = block.nearest_section_id(request, page) if page is not None else None
    if esi.edge_assembles(request):
        return esi.include(request, block.fragment_url(section_id))  # SafeString: format_html
    return Markup(block.block_html(request, section_id))  # noqa: S704 (escaped by its template)


class AudienceExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.globals.update(most_read=most_read)
