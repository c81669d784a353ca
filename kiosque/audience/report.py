"""What the audience page shows: views per hour, top articles and sections, lives.

Read from HourlyPageViews in two aggregate queries (one per hour, one per page) plus
one for the pages' titles: a 30-day period of a busy site is a few thousand pages.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Sum
from django.utils import timezone

from kiosque.audience.models import HourlyPageViews

PERIODS = (1, 7, 30)  # days the editor may choose
DEFAULT_DAYS = 7
TOP_ARTICLES = 20
TOP_SECTIONS = 10
STEP = 4  # Wagtail's tree paths grow by this many characters per level


@dataclass(frozen=True)
class HourViews:
    hour: datetime  # start of the hour, UTC
    views: int


@dataclass(frozen=True)
class PageViews:
    page_id: int
    title: str
    published: bool  # False: unpublished or withdrawn since
    views: int
    is_live_coverage: bool = False


@dataclass(frozen=True)
class Report:
    days: int
    start: datetime  # the first hour shown, UTC
    end: datetime  # the last hour shown (the current one), UTC
    hours: list[HourViews]
    total: int
    articles: list[PageViews]
    sections: list[PageViews]
    lives: list[PageViews]
    live_total: int


def current_hour(now: datetime) -> datetime:
    return now.replace(minute=0, second=0, microsecond=0)


def period_bounds(days: int, now: datetime | None = None) -> tuple[datetime, datetime]:
    """(first hour, current hour): `days` × 24 hours, the current one included."""
    end = current_hour(now or timezone.now())
    return end - timedelta(hours=days * 24 - 1), end


def hourly_series(start: datetime, end: datetime) -> list[HourViews]:
    """Every hour from `start` to `end`, the hours nobody read counted as 0."""
    rows = (
        HourlyPageViews.objects.filter(hour__gte=start, hour__lte=end)
        .values("hour")
        .annotate(total=Sum("views"))
        .order_by()
    )
    # Keyed by the instant: SQLite returns naive or aware values depending on the backend.
    counted = {_as_utc(row["hour"]): row["total"] or 0 for row in rows}
    series, hour = [], start
    while hour <= end:
        series.append(HourViews(hour, counted.get(hour, 0)))
        hour += timedelta(hours=1)
    return series


def _as_utc(moment: datetime) -> datetime:
    if timezone.is_naive(moment):
        return timezone.make_aware(moment, UTC)
    return moment.astimezone(UTC)


def _views_per_page(start: datetime, end: datetime) -> list[tuple[int, str, int]]:
    rows = (
        HourlyPageViews.objects.filter(hour__gte=start, hour__lte=end)
        .values("page_id", "page__path")
        .annotate(total=Sum("views"))
        .order_by()
    )
    return [(row["page_id"], row["page__path"], row["total"] or 0) for row in rows]


def build_report(days: int, now: datetime | None = None) -> Report:
    from kiosque.newsroom.models import ArticlePage, ArticleType, SectionPage

    start, end = period_bounds(days, now)
    hours = hourly_series(start, end)
    per_page = _views_per_page(start, end)

    # Articles, lives among them (a live is an article whose type says so: newsroom's
    # ArticleType, set by kiosque.live), and the sections they sit in.
    read_ids = [page_id for page_id, _path, _views in per_page]
    articles = {
        row["pk"]: row
        for row in ArticlePage.objects.filter(pk__in=read_ids).values(
            "pk", "title", "live", "article_type"
        )
    }
    sections = {
        row["path"]: row for row in SectionPage.objects.values("pk", "path", "title", "live")
    }
    live_types = {ArticleType.LIVE, ArticleType.LIVE_ENDED}
    section_views: dict[str, int] = defaultdict(int)
    article_rows, live_rows = [], []
    for page_id, path, views in per_page:
        article = articles.get(page_id)
        if article is None:
            continue  # the home page, a section, a policy page: counted in the total only
        for length in range(STEP, len(path), STEP):
            if path[:length] in sections:
                section_views[path[:length]] += views
        row = PageViews(
            page_id=page_id,
            title=article["title"],
            published=article["live"],
            views=views,
            is_live_coverage=article["article_type"] in live_types,
        )
        article_rows.append(row)
        if row.is_live_coverage:
            live_rows.append(row)

    def by_views(rows):
        return sorted(rows, key=lambda row: (-row.views, -row.page_id))

    section_rows = [
        PageViews(page_id=s["pk"], title=s["title"], published=s["live"], views=section_views[path])
        for path, s in sections.items()
        if section_views.get(path)
    ]
    return Report(
        days=days,
        start=start,
        end=end,
        hours=hours,
        total=sum(hour.views for hour in hours),
        articles=by_views(article_rows)[:TOP_ARTICLES],
        sections=by_views(section_rows)[:TOP_SECTIONS],
        lives=by_views(live_rows),
        live_total=sum(row.views for row in live_rows),
    )
