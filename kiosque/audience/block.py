"""The « Les plus lus » block: which list a page shows, and its HTML.

The home page shows the site's list; an article shows its section's, or the list of the
nearest section above it with enough titles, or the site's (most_read.chosen_list).
The HTML is the same for every reader of a scope and language: it is kept in the
application's fragment cache under `mostread` and the shown articles' keys, and served
to the edge as an ESI fragment (views.py) or rendered into the page without an edge.
"""

from django.template.loader import get_template
from django.urls import reverse
from django.utils.translation import get_language

from kiosque.audience import most_read
from kiosque.core.site_data import site_data
from kiosque.edge.fragments import cached_fragment
from kiosque.edge.keys import MOST_READ, add_keys
from kiosque.newsroom.sections import site_sections

TEMPLATE = "audience/most_read.html"


class UnknownSection(LookupError):
    pass


def _site(request):
    from wagtail.models import Site

    return Site.find_for_request(request)


def section_chain(request, section_id: int | None) -> list:
    """The section `section_id` and the sections above it, nearest first ([] for none).
    UnknownSection when it is no live, public section of this site."""
    if section_id is None:
        return []
    site = _site(request)
    sections = site_sections(request, site) if site is not None else ()
    section = next((s for s in sections if s.pk == section_id and s.is_public), None)
    if section is None:
        raise UnknownSection(section_id)
    above = [s for s in sections if section.path.startswith(s.path) and s.is_public]
    return sorted(above, key=lambda s: s.depth, reverse=True)


def nearest_section_id(request, page) -> int | None:
    """The section an article belongs to (its nearest section), from the remembered list."""
    site = _site(request)
    if page is None or site is None:
        return None
    containing = [
        s
        for s in site_sections(request, site)
        if page.path.startswith(s.path) and s.path != page.path and s.is_public
    ]
    return max(containing, key=lambda s: s.depth).pk if containing else None


def fragment_url(section_id: int | None) -> str:
    """The block's own address, in the interface language (the edge includes it)."""
    if section_id is None:
        return reverse("audience:most_read")
    return reverse("audience:most_read_section", args=[section_id])


def block_html(request, section_id: int | None) -> str:
    """The block for this scope ("" when there is nothing to show)."""
    chain = section_chain(request, section_id)

    def render() -> str:
        site = _site(request)
        stored = (
            site_data(request, most_read.SITE_DATA, site)
            if site is not None
            else most_read.load_stored_lists()
        )
        scopes = [most_read.section_scope(s.pk) for s in chain]
        scope, article_ids = most_read.chosen_list(scopes, stored)
        add_keys(request, [MOST_READ])
        articles = most_read.articles_in_order(article_ids)
        if not articles:
            return ""
        section = next((s for s in chain if most_read.section_scope(s.pk) == scope), None)
        context = {"request": request, "articles": articles, "section": section}
        # No request given to render(): the block needs none of the page's context
        # processors (navigation, messages), and must not read the session.
        return get_template(TEMPLATE).render(context)

    vary = (get_language() or "fr", "" if section_id is None else section_id)
    return cached_fragment(request, "most-read", vary, render, keys=[MOST_READ])
