"""The newsroom's clock: its time zone (Settings > Newsroom) and the site's home page.

The digests go at an hour of the newsroom's day, not of the server's: a newsroom in
Paris sends « L'essentiel du matin » at 7:00 in Paris, summer and winter alike.
"""

import zoneinfo

from django.conf import settings
from wagtail.models import Site


def default_site() -> Site | None:
    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def newsroom_zone() -> zoneinfo.ZoneInfo:
    from kiosque.newsroom.models import NewsroomSettings

    site = default_site()
    if site is None:
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)
    # Read, never create: a worker's tick must not write the settings row. for_site()'s
    # get_or_create raced the demo replacing the site (a foreign key failure at commit).
    stored = NewsroomSettings.objects.filter(site=site).first()
    return (stored or NewsroomSettings(site=site)).zone


def home_page():
    """La une of the default site (None before the newsroom has one)."""
    from kiosque.newsroom.models import HomePage

    site = default_site()
    if site is None:
        return None
    return HomePage.objects.filter(pk=site.root_page_id).first()
