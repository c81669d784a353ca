"""Read queries of feeds and sitemaps, all built on `newsroom.selectors.visible_articles`.

Sitemaps must stay fast at 100,000 articles (under 200 ms a page, bench/sitemap_bench.py):
they read only the columns they print (`values_list`) over a range of ids (see
`sitemap_article_page_count`), dates as whole seconds rather than datetimes (see
`EpochSeconds`), and the lead image's rendition joined in the same statement, so one
sitemap page is one query (plus Wagtail's look-up of private sections) whatever its size.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from django.db import NotSupportedError
from django.db.models import F, FilteredRelation, Func, IntegerField, Max, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from kiosque.distribution.images import WIDE
from kiosque.newsroom import selectors as newsroom_selectors

FEED_LENGTH = 50
SITEMAP_PAGE_SIZE = 10_000  # the sitemap protocol's limit is 50,000; Google reads 10,000 faster
NEWS_SITEMAP_MAX = 1_000  # Google News: at most 1,000 URLs per news sitemap
NEWS_SITEMAP_WINDOW = timedelta(days=2)  # Google News: articles of the last two days only


# --- feeds --------------------------------------------------------------------------


def feed_articles(page) -> list:
    """The latest 50 articles the page lists, with what a feed item prints.

    Home: every visible article of the site; section (and its sub-sections), topic,
    author: the page's own listing (`listed_articles`), less "noindex" articles.
    """
    from kiosque.newsroom.models import ArticleAuthor, NewsRendition

    if hasattr(page, "listed_articles"):
        articles = page.listed_articles()
    else:
        articles = newsroom_selectors.with_card_data(
            newsroom_selectors.newest_first(
                newsroom_selectors.visible_articles().descendant_of(page)
            )
        )
    # Aggregators (Google News among them) read feeds: an article editors hid from
    # search engines is not syndicated either (decision 0030).
    articles = articles.filter(noindex=False).prefetch_related(
        Prefetch(
            "article_authors",
            queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
            to_attr="feed_authors",
        ),
        "agencies",
        Prefetch(
            "lead_image__renditions",
            queryset=NewsRendition.objects.filter(filter_spec=WIDE.spec),
            to_attr="feed_renditions",
        ),
    )
    items = list(articles[:FEED_LENGTH])
    sections = parent_titles(items)
    for item in items:
        item.feed_section = sections.get(item.path[: -Page.steplen], "")
    return items


def parent_titles(pages) -> dict[str, str]:
    """Titles of the pages' parents by tree path (the section of each article), one query."""
    parents = {page.path[: -Page.steplen] for page in pages}
    return dict(Page.objects.filter(path__in=parents).values_list("path", "title"))


# --- sitemaps -----------------------------------------------------------------------


class SitemapRow(NamedTuple):  # a tuple: 10,000 of them per sitemap page
    url_path: str
    last_modified: int | None  # seconds since 1970 (UTC), see EpochSeconds
    image_file: str  # a rendition's file name, or the original's, or ""
    image_is_rendition: bool


class EpochSeconds(Func):
    """A moment as whole seconds since 1970 (UTC), computed by the database.

    Django reads each timestamp PostgreSQL sends through its own time-zone-aware loader,
    written in Python (psycopg's C one is bypassed): about 3 µs a value, a third of a
    sitemap page's Python time at 10,000 rows. An integer costs next to nothing, and
    sitemaps print whole seconds anyway (the fraction is dropped, as it always was).
    """

    output_field = IntegerField()

    def get_db_converters(self, connection):
        # Both SQL forms below already return integers: no int() per row in Python.
        return self.output_field.get_db_converters(connection)

    def as_sql(self, compiler, connection, **extra):
        raise NotSupportedError(f"EpochSeconds is not written for {connection.vendor}")

    def as_postgresql(self, compiler, connection, **extra):
        template = "FLOOR(EXTRACT(EPOCH FROM %(expressions)s))::bigint"
        return super().as_sql(compiler, connection, template=template, **extra)

    def as_sqlite(self, compiler, connection, **extra):
        # Django stores UTC "YYYY-MM-DD HH:MM:SS[.ffffff]" text; '%s' is strftime's
        # epoch format, passed as a parameter rather than spelled in the SQL.
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(strftime(%s, {sql}) AS INTEGER)", ("%s", *params)


def indexable_articles(site) -> QuerySet:
    """Visible articles of `site` that editors did not mark "noindex"."""
    return newsroom_selectors.visible_articles().descendant_of(site.root_page).filter(noindex=False)


def sitemap_article_page_count() -> int:
    """How many article sitemap pages there are: one per 10,000 page ids.

    Pages are ranges of ids rather than offsets in a count: the index costs one look-up
    of the highest id instead of counting 100,000 articles, each sitemap page is an
    index range scan, and an article stays in the same page for ever (an old page only
    changes when one of its articles does). A page may hold fewer URLs (ids of other
    pages, hidden articles), never more.
    """
    highest = Page.objects.aggregate(highest=Max("pk"))["highest"] or 0
    return max(1, -(-highest // SITEMAP_PAGE_SIZE))


def sitemap_article_rows(site, page_number: int) -> list[SitemapRow]:
    """The articles whose ids fall in the `page_number`-th range, by id.

    The lead image's 16:9 rendition comes from a LEFT JOIN in the same statement, an
    index look-up per article (a correlated subquery cost a sort per row, and a scan of
    the whole renditions table per row while that table is small). An image has one
    per focal point it was cropped for: rows come by article then rendition id, and the
    newest one is kept. Renditions are only read here, never made (issue 6).
    """
    first_id = (page_number - 1) * SITEMAP_PAGE_SIZE + 1
    rows = (
        indexable_articles(site)
        .filter(pk__gte=first_id, pk__lt=first_id + SITEMAP_PAGE_SIZE)
        # The same range on the page table's own key: PostgreSQL does not carry it
        # across the join by itself and would read every page row (Django folds a
        # plain `id` filter into the article's key, hence the raw column).
        .alias(page_row_id=RawSQL(f'"{Page._meta.db_table}"."id"', ()))  # noqa: S611 (no input)
        .filter(page_row_id__gte=first_id, page_row_id__lt=first_id + SITEMAP_PAGE_SIZE)
        .alias(
            wide=FilteredRelation(
                "lead_image__renditions",
                condition=Q(lead_image__renditions__filter_spec=WIDE.spec),
            )
        )
        .order_by("pk", "wide__pk")
        .annotate(lastmod=EpochSeconds(Coalesce(F("major_update_at"), F("first_published_at"))))
        .values_list("pk", "url_path", "lastmod", "wide__file", "lead_image__file")
    )
    by_article = {}
    for pk, url_path, lastmod, wide, original in rows:
        by_article[pk] = SitemapRow(url_path, lastmod, wide or original or "", bool(wide))
    return list(by_article.values())


def sitemap_other_pages(site) -> list[SitemapRow]:
    """Home, sections, topics, authors, policies: every visible page but articles.

    A few hundred at most on a news site; capped at one sitemap page all the same.
    Selected by content type (an indexed column) rather than by excluding articles,
    which would read every article's row.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import get_page_models

    from kiosque.newsroom.models import ArticlePage

    other_types = ContentType.objects.get_for_models(
        *(model for model in get_page_models() if not issubclass(model, ArticlePage))
    ).values()
    rows = (
        newsroom_selectors.public_only(Page.objects.live())
        .descendant_of(site.root_page, inclusive=True)
        .filter(content_type__in=list(other_types))
        .order_by("path")
        .annotate(lastmod=EpochSeconds(F("last_published_at")))
        .values_list("url_path", "lastmod")[:SITEMAP_PAGE_SIZE]
    )
    return [SitemapRow(url_path, lastmod, "", False) for url_path, lastmod in rows]


@dataclass(frozen=True)
class NewsRow:
    url_path: str
    title: str
    language: str
    published_at: int  # seconds since 1970 (UTC), see EpochSeconds


def news_sitemap_rows(site, now: datetime | None = None) -> list[NewsRow]:
    """Articles first published in the last two days, newest first, at most 1,000."""
    since = (now or timezone.now()) - NEWS_SITEMAP_WINDOW
    rows = (
        indexable_articles(site)
        .filter(first_published_at__gte=since)
        .order_by("-first_published_at", "-pk")
        .annotate(published=EpochSeconds(F("first_published_at")))
        .values_list("url_path", "title", "language", "published")[:NEWS_SITEMAP_MAX]
    )
    return [NewsRow(*row) for row in rows]
