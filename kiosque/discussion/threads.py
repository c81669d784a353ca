"""Per-article rules: is the thread open, which moderation mode applies.

An override on the article wins over one on its closest section, which wins over the
site settings.

A view passes its request: the request already knows its site and the site's settings
(edge/site_memo.py), which spares the two or three queries of looking them up from the
article. Without a request (services, tasks) they are looked up.
"""

from django.utils import timezone
from wagtail.models import Page, Site

from kiosque.core.site_settings import read_site_setting
from kiosque.discussion.closing import comments_are_open
from kiosque.discussion.models import DiscussionSettings, ModerationMode, ThreadOverride


def _overrides(article) -> list[ThreadOverride]:
    """Overrides of the article and its ancestors, closest first, in one query."""
    steps = Page.steplen
    prefixes = [article.path[:end] for end in range(steps, len(article.path) + 1, steps)]
    found = ThreadOverride.objects.filter(page__path__in=prefixes).select_related("page")
    return sorted(found, key=lambda o: -len(o.page.path))


def _request_site(article, request):
    """The request's site when the article is one of its pages, else None."""
    site = getattr(request, "_wagtail_site", None) if request is not None else None
    if site is None:
        return None
    root = site._state.fields_cache.get("root_page")  # loaded by the site memo
    if root is None or not article.path.startswith(root.path):
        return None
    return site


def _site_setting(model, article, request):
    if _request_site(article, request) is not None:
        return model.for_request(request)
    site = article.get_site() or Site.objects.filter(is_default_site=True).first()
    return read_site_setting(model, site)


def site_settings(article, request=None) -> DiscussionSettings:
    return _site_setting(DiscussionSettings, article, request)


def moderation_mode(article) -> str:
    for override in _overrides(article):
        if override.moderation_mode:
            return override.moderation_mode
    return site_settings(article).moderation_mode


def close_after_days(article, site_default: int | None) -> int | None:
    for override in _overrides(article):
        if override.close_after_days is not None:
            return override.close_after_days
    return site_default


def closing_days(article, request=None) -> int:
    """After how many days the article's thread closes (0: never)."""
    from kiosque.newsroom.models import NewsroomSettings

    site_default = _site_setting(NewsroomSettings, article, request).comments_close_after_days
    return close_after_days(article, site_default)


def comments_open(article, request=None) -> bool:
    return comments_are_open(article, timezone.now(), closing_days(article, request))


__all__ = ["ModerationMode", "close_after_days", "comments_open", "moderation_mode"]
