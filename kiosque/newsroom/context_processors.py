"""What every reader page shows around the content that comes from the newsroom: the
header's sections and the footer's indexes. (The language switch is core's:
kiosque.core.context_processors.)"""

from django.utils.functional import SimpleLazyObject


def _navigation_sections(request):
    from wagtail.models import Site

    from kiosque.newsroom.sections import navigation_sections

    site = Site.find_for_request(request)
    if site is None:
        return []
    return navigation_sections(request, site)


def _site_indexes(request):
    from wagtail.models import Site

    from kiosque.newsroom.sections import site_indexes

    site = Site.find_for_request(request)
    return site_indexes(request, site) if site is not None else ()


def section_navigation(request) -> dict:
    # Lazy: admin pages share these context processors and never show the chrome.
    return {
        "navigation_sections": SimpleLazyObject(lambda: _navigation_sections(request)),
        # The dossiers' and authors' indexes, linked from the footer.
        "site_indexes": SimpleLazyObject(lambda: _site_indexes(request)),
    }
