"""The demo's made-up page views (kiosque/demo/audience.py)."""

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from kiosque.audience.models import HourlyPageViews
from kiosque.demo.audience import DAYS, ensure_demo_page_views
from tests.factories import make_article

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 7, 10, 30, tzinfo=UTC)


def test_recent_articles_are_read_more_by_day_than_by_night_and_only_once_added(newsroom):
    recent = make_article(newsroom.europe, slug="recent", published_at=NOW - timedelta(hours=12))
    old = make_article(newsroom.europe, slug="ancien", published_at=NOW - timedelta(days=12))
    newsroom.home.lead_story = recent
    newsroom.home.save_revision().publish()

    assert ensure_demo_page_views(now=NOW) > 0
    assert ensure_demo_page_views(now=NOW) == 0  # a second build adds nothing

    rows = list(HourlyPageViews.objects.values_list("page_id", "hour", "views"))
    hours = {hour for _, hour, _ in rows}
    assert min(hours) >= datetime(2026, 11, 23, 10, tzinfo=UTC)  # the last DAYS days
    assert (max(hours) - min(hours)).days < DAYS
    by_page = defaultdict(int)
    by_paris_hour = defaultdict(int)
    for page_id, hour, views in rows:
        by_page[page_id] += views
        by_paris_hour[hour.astimezone(ZoneInfo("Europe/Paris")).hour] += views
    assert by_page[newsroom.home.pk] > 0
    # Per hour since publication, the recent front-page article is read far more.
    assert by_page[recent.pk] / 12 > 3 * by_page[old.pk] / (12 * 24)
    assert by_paris_hour[8] + by_paris_hour[20] > 4 * (by_paris_hour[3] + by_paris_hour[4])
