"""Per-article rules: is the thread open, which moderation mode applies.

An override on the article wins over one on its closest section, which wins over the
site settings.
"""

from django.utils import timezone
from wagtail.models import Page, Site

from kiosque.discussion.closing import comments_are_open
from kiosque.discussion.models import DiscussionSettings, ModerationMode, ThreadOverride


def _overrides(article) -> list[ThreadOverride]:
    """Overrides of the article and its ancestors, closest first, in one query."""
    steps = Page.steplen
    prefixes = [article.path[:end] for end in range(steps, len(article.path) + 1, steps)]
    found = ThreadOverride.objects.filter(page__path__in=prefixes).select_related("page")
    return sorted(found, key=lambda o: -len(o.page.path))


def site_settings(article) -> DiscussionSettings:
    site = article.get_site() or Site.objects.filter(is_default_site=True).first()
    return DiscussionSettings.for_site(site)


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


def comments_open(article) -> bool:
    from kiosque.newsroom.models import NewsroomSettings

    site = article.get_site() or Site.objects.filter(is_default_site=True).first()
    days = close_after_days(article, NewsroomSettings.for_site(site).comments_close_after_days)
    return comments_are_open(article, timezone.now(), days)


__all__ = ["ModerationMode", "close_after_days", "comments_open", "moderation_mode"]
