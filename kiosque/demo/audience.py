"""Plausible page views for the demo's last 14 days, so that « Les plus lus » and the
admin's audience chart show something on a fresh `make run` (nothing was served yet).

Made up, not measured: each article is read from its publication on, most in its first
day and less each day after; the front page's articles three times more; everyone reads
in the morning and the evening (Paris time) and hardly at night; a running live is
followed hour after hour. The home page and the sections get their share. One bulk
insert; the same numbers at every build (a seeded random generator).
"""

import math
import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Page

from kiosque.audience.models import HourlyPageViews
from kiosque.newsroom.models import ArticlePage, HomePage, SectionPage

DAYS = 14
# Share of a day's reading in each hour of the day, Paris time: a morning peak (the
# commute, 7-9 h), lunch, and the evening's longer one (18-22 h).
RHYTHM = (
    0.6, 0.35, 0.2, 0.15, 0.2, 0.5, 1.6, 3.2, 3.6, 2.6, 1.9, 1.8,
    2.3, 2.1, 1.6, 1.5, 1.7, 2.2, 2.9, 3.3, 3.4, 2.9, 2.0, 1.2,
)  # fmt: skip
PARIS = ZoneInfo("Europe/Paris")
HALF_LIFE_HOURS = 20.0  # an article loses half its readers every ~20 hours
FLOOR = 0.03  # old articles still found through search and topics
FRONT_PAGE_BOOST = 3.0
LIVE_BOOST = 6.0


def _hours(now: datetime) -> list[datetime]:
    last = now.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    return [last - timedelta(hours=h) for h in range(DAYS * 24 - 1, -1, -1)]


def _rhythm(hour: datetime) -> float:
    return RHYTHM[hour.astimezone(PARIS).hour] / 2.0


def _views(rng: random.Random, rate: float) -> int:
    # Rounded at random, so that small rates still add up to the right total.
    return int(rate + rng.random())


def ensure_demo_page_views(*, now: datetime | None = None) -> int:
    """Add the made-up counts once (none when any count exists); returns rows added."""
    if HourlyPageViews.objects.exists():
        return 0
    now = now or timezone.now()
    rng = random.Random(20)  # noqa: S311 (made-up figures, not a secret)
    hours = _hours(now)
    home = HomePage.objects.live().first()
    front = set()
    if home is not None:
        front = {home.lead_story_id, *home.featured_slots.values_list("article_id", flat=True)}
    rows: list[HourlyPageViews] = []
    per_hour_total = [0.0] * len(hours)
    for article in ArticlePage.objects.live().public().specific():
        published = article.first_published_at or now
        popularity = rng.lognormvariate(3.2, 0.8)  # readers in its first hour, mostly 10-60
        if article.pk in front:
            popularity *= FRONT_PAGE_BOOST
        running_until = _running_until(article, now)
        for index, hour in enumerate(hours):
            age = (hour - published).total_seconds() / 3600
            if age < -1:
                continue
            decay = max(math.pow(0.5, max(age, 0) / HALF_LIFE_HOURS), FLOOR)
            if running_until is not None and hour <= running_until:
                decay = max(decay, 1.0 / LIVE_BOOST) * LIVE_BOOST
            rate = popularity * decay * _rhythm(hour)
            count = _views(rng, rate)
            per_hour_total[index] += count
            if count:
                rows.append(HourlyPageViews(page_id=article.pk, hour=hour, views=count))
    # The home page is opened about once for every two articles read; sections less.
    sections = list(SectionPage.objects.live().values_list("pk", flat=True))
    for index, hour in enumerate(hours):
        total = per_hour_total[index]
        if home is not None and total:
            rows.append(HourlyPageViews(page_id=home.pk, hour=hour, views=_views(rng, total / 2)))
        for section in sections:
            count = _views(rng, total / 25 * rng.random())
            if count:
                rows.append(HourlyPageViews(page_id=section, hour=hour, views=count))
    HourlyPageViews.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _running_until(article: Page, now: datetime) -> datetime | None:
    """The end of a live's coverage (now while it runs); None for other articles."""
    start = getattr(article, "coverage_start", None)
    if start is None:
        return None
    end = getattr(article, "coverage_end", None)
    return min(end, now) if end else now
