"""The site's sections as every reader page shows them: the header's navigation and the
breadcrumb above an article or a section.

Both come from one list of the site's live sections, read once per content clock
(core/site_data.py: any change of a section purges everything at the edge, which moves
the clock), instead of two queries per page. The list holds slim SectionPage instances
(id, title, tree position, URL path, navigation flag): enough for `pageurl()` and the
JSON-LD breadcrumb, and shared read-only between requests.
"""

from kiosque.core.site_data import register, site_data

SECTIONS = "sections"
_FIELDS = ("id", "title", "path", "depth", "url_path", "show_in_navigation")


def load_sections(site) -> tuple:
    """Every live section under the site's home page, in tree order, flagged public."""
    from kiosque.newsroom.models import SectionPage
    from kiosque.newsroom.models.restrictions import any_view_restriction

    live = SectionPage.objects.live().descendant_of(site.root_page).order_by("path")
    rows = list(live.values(*_FIELDS))
    if any_view_restriction():
        public = set(live.public().values_list("pk", flat=True))
    else:  # no private page on the site: no second query
        public = {row["id"] for row in rows}
    sections = []
    for row in rows:
        section = SectionPage(page_ptr_id=row["id"], **row)
        section.is_public = row["id"] in public
        sections.append(section)
    return tuple(sections)


def site_sections(request, site) -> tuple:
    return site_data(request, SECTIONS, site)


def navigation_sections(request, site) -> list:
    """The home page's public sections shown in the navigation, in menu order."""
    depth = site.root_page.depth + 1
    return [
        section
        for section in site_sections(request, site)
        if section.depth == depth and section.show_in_navigation and section.is_public
    ]


def section_trail(request, site, page) -> list:
    """The sections above `page` (an article or a section), from the top."""
    return [
        section
        for section in site_sections(request, site)
        if page.path.startswith(section.path) and section.path != page.path
    ]


INDEXES = "indexes"


def load_indexes(site) -> tuple:
    """The home page's live indexes of dossiers and of authors, for the footer's links."""
    from kiosque.newsroom.models import AuthorIndexPage, TopicIndexPage

    found = []
    for model in (TopicIndexPage, AuthorIndexPage):
        index = model.objects.live().child_of(site.root_page).only(*_FIELDS[:5]).first()
        if index is not None:
            found.append(index)
    return tuple(found)


def site_indexes(request, site) -> tuple:
    return site_data(request, INDEXES, site)


def connect() -> None:
    register(SECTIONS, load_sections)
    register(INDEXES, load_indexes)
