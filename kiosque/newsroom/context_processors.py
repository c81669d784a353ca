"""What every reader page shows around the content that comes from the newsroom: the
header's sections. (The language switch is core's: kiosque.core.context_processors.)"""

from django.utils.functional import SimpleLazyObject


def _navigation_sections(request):
    from wagtail.models import Site

    from kiosque.newsroom.sections import navigation_sections

    site = Site.find_for_request(request)
    if site is None:
        return []
    return navigation_sections(request, site)


def section_navigation(request) -> dict:
    # Lazy: admin pages share these context processors and never show the chrome.
    return {"navigation_sections": SimpleLazyObject(lambda: _navigation_sections(request))}
