"""Read queries of the reader site.

"Visible to readers" is defined once, in `visible_articles()`: every page, listing,
feed and API goes through it, so a draft, a private or an unpublished article can
never leak through one forgotten query.
"""

from datetime import timedelta

from django.core.paginator import InvalidPage, Paginator
from django.db.models import F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber, Substr
from django.http import Http404

from kiosque.core.bounds import whole_number
from kiosque.core.prepared import PreparedQuery
from kiosque.newsroom.images import CARD_SPECS, LEAD_SPECS

MAX_PAGE_PARAMETER_LENGTH = 6  # beyond 999,999 pages a request is not a reader's


def visible_articles() -> QuerySet:
    from kiosque.newsroom.models import ArticlePage

    return public_only(ArticlePage.objects.live())


def public_only(pages: QuerySet) -> QuerySet:
    """Wagtail's `.public()`, which reads every view restriction at each call, without
    that query on a site that has none (the cached answer of models/restrictions.py)."""
    from kiosque.newsroom.models.restrictions import any_view_restriction

    return pages.public() if any_view_restriction() else pages


def with_card_data(articles: QuerySet, specs=CARD_SPECS) -> QuerySet:
    """What a teaser (title, topic, type, picture) needs, in a fixed number of queries.
    `specs`: the renditions its pictures may show (the cards' by default)."""
    from kiosque.newsroom.models import NewsRendition

    return articles.select_related("lead_image", "topic").prefetch_related(
        Prefetch(
            "lead_image__renditions",
            queryset=NewsRendition.objects.filter(filter_spec__in=specs),
        )
    )


# The columns a card shows (card.html) and links with: a card reads about 30 of the
# joined rows' 120 columns, and building the rest was most of a listing's ORM time. A
# template that reads another field of a card costs a query per card, which the query
# budgets (tests/newsroom/test_query_count.py) catch.
CARD_FIELDS = (
    "id", "path", "depth", "url_path", "title", "first_published_at", "live",
    "content_type_id", "locale_id", "article_type", "standfirst", "language",
    "topic_id", "lead_image_id",
    "topic__id", "topic__title", "topic__url_path", "topic__path", "topic__depth",
    "lead_image__id", "lead_image__file", "lead_image__width", "lead_image__height",
    "lead_image__focal_point_x", "lead_image__focal_point_y",
    "lead_image__focal_point_width", "lead_image__focal_point_height",
)  # fmt: skip


def as_cards(articles: QuerySet, specs=CARD_SPECS) -> QuerySet:
    """`with_card_data`, loading only what a card shows: for reader listings."""
    return with_card_data(articles, specs).only(*CARD_FIELDS)


def newest_first(articles: QuerySet) -> QuerySet:
    return articles.order_by("-first_published_at", "-pk")


def articles_in_section(section) -> QuerySet:
    return as_cards(newest_first(visible_articles().descendant_of(section)))


def articles_in_topic(topic) -> QuerySet:
    return as_cards(newest_first(visible_articles().filter(topic=topic)))


def articles_by_author(author) -> QuerySet:
    articles = visible_articles().filter(article_authors__author=author).distinct()
    return as_cards(newest_first(articles))


def visible_children(page, page_class) -> QuerySet:
    return public_only(page_class.objects.child_of(page).live()).order_by("path")


RELATED_COUNT = 3


def _latest_of_topic(topic_id: int, pk: int, limit: int = RELATED_COUNT) -> QuerySet:
    others = visible_articles().exclude(pk=pk).filter(topic_id=topic_id)
    return as_cards(newest_first(others))[:limit]


# Compiled once (core.prepared): it runs on every article rendered whole. Used only while
# the site has no view restriction, so it is compiled without `.public()`, which writes
# the restricted paths into the SQL.
_LATEST_OF_TOPIC = PreparedQuery("newsroom.ArticlePage", _latest_of_topic, topic_id=int, pk=int)


def related_articles(article, limit: int = RELATED_COUNT) -> list:
    """Latest other articles of the same topic, else of the same section."""
    from kiosque.newsroom.models.restrictions import any_view_restriction

    if article.topic_id:
        if limit == RELATED_COUNT and not any_view_restriction():
            return _LATEST_OF_TOPIC.all(topic_id=article.topic_id, pk=article.pk)
        return list(_latest_of_topic(article.topic_id, article.pk, limit))
    same_section = visible_articles().exclude(pk=article.pk).child_of(article.get_parent())
    return list(as_cards(newest_first(same_section))[:limit])


def paginate(request, items: QuerySet, per_page: int):
    """The requested page of `items`; 404 for anything but an existing page number."""
    raw = request.GET.get("page", "1")
    number = whole_number(raw) if len(raw) <= MAX_PAGE_PARAMETER_LENGTH else None
    if number is None:
        raise Http404("No such page")
    paginator = Paginator(items, per_page, allow_empty_first_page=True)
    try:
        return paginator.page(number)
    except InvalidPage:
        raise Http404("No such page") from None


def top_level_sections(home) -> QuerySet:
    from kiosque.newsroom.models import SectionPage

    return visible_children(home, SectionPage).filter(show_in_navigation=True)


WIRE_COUNT = 10  # « Fil info »: the latest headlines, whatever is shown elsewhere
# « En direct » on la une: the running lives (kiosque.live) published this recently. A
# live whose end time nobody set would otherwise stay on the front page for ever.
RUNNING_LIVES_SHOWN = 3
RUNNING_LIVE_MAX_AGE = timedelta(days=3)
LEAD_LINKS = 3  # the lead story's « Sur le même sujet » links, from its dossier


def front_page(
    home,
    sections=None,
    per_section: int = 4,
    featured_count: int = 4,
    fresh_since=None,
) -> dict:
    """La une: lead story with links to its topic's latest, featured slots, « Fil info »
    (the latest headlines), then the latest articles of each section (`sections`: the
    navigation's, when the caller has them already).

    A curated article that has been unpublished or withdrawn is replaced by the latest
    article not already on the page, so the front page never shows a hole. A section
    block shows only articles published since `fresh_since` (the newsroom's freshness
    bound; None: no bound), and no block at all when none is that recent.

    Four queries whatever the number of sections: the editors' slots, one ranking over
    the pages' own rows (front_page_ranking), the cards of the chosen articles (and
    their pictures' renditions); one more for the lead's links when it has a topic.
    """
    curated_ids = [slot.article_id for slot in home.featured_slots.all()]
    picked_ids = [home.lead_story_id, *curated_ids] if home.lead_story_id else curated_ids
    if sections is None:
        sections = list(top_level_sections(home))
    # The lead and the featured slots can take 1 + featured_count articles out of the
    # sections' blocks: each section is ranked that much deeper.
    slots = 1 + featured_count
    ranking = front_page_ranking(
        home,
        picked_ids,
        newest=max(slots + featured_count * 2, WIRE_COUNT),
        per_section=per_section + slots,
        fresh_since=fresh_since,
    )

    lead_id = home.lead_story_id if home.lead_story_id in ranking.picked else None
    featured_ids = [pk for pk in curated_ids if pk in ranking.picked]
    shown = set(featured_ids)
    if lead_id is None:
        lead_id = next((pk for pk in ranking.newest if pk not in shown), None)
    if lead_id is not None:
        shown.add(lead_id)
    for pk in ranking.newest:
        if len(featured_ids) >= featured_count:
            break
        if pk not in shown:
            featured_ids.append(pk)
            shown.add(pk)
    featured_ids = featured_ids[:featured_count]

    block_ids = {
        section.path: [pk for pk in ranking.by_section.get(section.path, []) if pk not in shown][
            :per_section
        ]
        for section in sections
    }
    wire_ids = ranking.newest[:WIRE_COUNT]
    # The lead needs no second mention: it says « Direct » itself.
    live_ids = [pk for pk in ranking.lives if pk != lead_id][:RUNNING_LIVES_SHOWN]
    wanted = {pk for ids in block_ids.values() for pk in ids} | set(featured_ids) | set(wire_ids)
    wanted |= set(live_ids)
    if lead_id is not None:
        wanted.add(lead_id)
    # The lead shows a larger picture than the cards: its renditions are read too.
    found = as_cards(visible_articles().filter(pk__in=wanted), specs=CARD_SPECS + LEAD_SPECS)
    cards = {article.pk: article for article in found}
    lead = cards.get(lead_id)
    blocks = [
        {"section": section, "articles": [cards[pk] for pk in block_ids[section.path]]}
        for section in sections
        if block_ids[section.path]
    ]
    return {
        "lead": lead,
        "lead_links": topic_headlines(lead) if lead is not None else [],
        "featured": [cards[pk] for pk in featured_ids],
        "wire": [cards[pk] for pk in wire_ids if pk in cards],
        "running_lives": [cards[pk] for pk in live_ids if pk in cards],
        "sections": blocks,
    }


def _topic_headlines(topic_id: int, pk: int) -> QuerySet:
    others = visible_articles().exclude(pk=pk).filter(topic_id=topic_id)
    return newest_first(others).only(
        "id", "path", "depth", "url_path", "title", "language", "live", "content_type_id",
        "locale_id", "first_published_at", "topic_id",
    )[:LEAD_LINKS]  # fmt: skip


_TOPIC_HEADLINES = PreparedQuery("newsroom.ArticlePage", _topic_headlines, topic_id=int, pk=int)


def topic_headlines(article) -> list:
    """The latest other articles of the article's topic, as links (no picture)."""
    from kiosque.newsroom.models.restrictions import any_view_restriction

    if not article.topic_id:
        return []
    if any_view_restriction():  # `.public()` writes the restricted paths into the SQL
        return list(_topic_headlines(article.topic_id, article.pk))
    return _TOPIC_HEADLINES.all(topic_id=article.topic_id, pk=article.pk)


class FrontPageRanking:
    """Which articles could fill the front page, newest first: the site's `newest`, each
    top-level section's `by_section` (keyed by the section's path), and which of the
    editors' picks are still visible (`picked`), and the running lives, newest first
    (`lives`: their label is the article's own column, ArticleType.LIVE)."""

    def __init__(self):
        self.newest: list[int] = []
        self.by_section: dict[str, list[int]] = {}
        self.picked: set[int] = set()
        self.lives: list[int] = []


def front_page_ranking(
    home, picked_ids: list, newest: int, per_section: int, fresh_since=None
) -> FrontPageRanking:
    """One query over the visible articles' own rows: a row number over the whole site
    and one per top-level section, keeping the rows either ranks wants and the picks.

    The ranking reads no joined table: joining the cards' topics and pictures to every
    article before ranking took 6 ms of the database's time on 1,000 articles
    (bench/cold_path.py, 2026-12-06), against under 2 ms this way.
    """
    from django.db.models import BooleanField, Case, Q, Value, When
    from django.utils import timezone
    from wagtail.models import Page

    from kiosque.newsroom.models import ArticleType

    running_live = Q(
        article_type=ArticleType.LIVE,
        first_published_at__gte=timezone.now() - RUNNING_LIVE_MAX_AGE,
    )
    section_of = Substr("path", 1, len(home.path) + Page.steplen)
    newest_first_order = [F("first_published_at").desc(), F("pk").desc()]
    rows = (
        visible_articles()
        .descendant_of(home)
        .annotate(
            section_path=section_of,
            picked=Case(When(pk__in=picked_ids, then=Value(True)), default=Value(False))
            if picked_ids
            else Value(False, output_field=BooleanField()),
            is_running_live=Case(When(running_live, then=Value(True)), default=Value(False)),
            site_rank=Window(RowNumber(), order_by=newest_first_order),
            section_rank=Window(
                RowNumber(), partition_by=[section_of], order_by=newest_first_order
            ),
        )
        .filter(
            Q(site_rank__lte=newest)
            | Q(section_rank__lte=per_section)
            | Q(picked=True)
            | Q(is_running_live=True)
        )
        .order_by("-first_published_at", "-pk")
        .values_list(
            "pk", "section_path", "site_rank", "section_rank", "picked", "first_published_at",
            "is_running_live",
        )
    )  # fmt: skip
    ranking = FrontPageRanking()
    for pk, section_path, site_rank, section_rank, picked, published_at, is_live in rows:
        if is_live:
            ranking.lives.append(pk)
        if site_rank <= newest:
            ranking.newest.append(pk)
        fresh = fresh_since is None or published_at >= fresh_since
        if section_rank <= per_section and fresh:
            ranking.by_section.setdefault(section_path, []).append(pk)
        if picked:
            ranking.picked.add(pk)
    return ranking


def _article_at(slug: str, url_path: str) -> QuerySet:
    from kiosque.newsroom.models import ArticlePage

    return ArticlePage.objects.filter(
        slug=slug, url_path=url_path, live=True, alias_of__isnull=True
    ).order_by("pk")[:1]


_ARTICLE_AT = PreparedQuery("newsroom.ArticlePage", _article_at, slug=str, url_path=str)


def live_article_at(home, path_components: list[str]):
    """The live article whose address under `home` is `path_components`, or None.

    What Wagtail's route would find, in one query: the slug (indexed) narrows the
    search, the full url_path decides. Aliases are left to Wagtail's route.
    """
    if not path_components:
        return None
    url_path = home.url_path + "/".join(path_components) + "/"
    # The article alone. Joining its topic and lead image saved two small queries when
    # the page is rendered whole (0.2 ms) but cost every page served from its fragments
    # 1.2 ms of query compilation (bench/cold_path.py, 2026-12-06): they are read when a
    # part that shows them is rendered, as are the image's renditions. The query itself
    # is compiled once per process (core.prepared): every article view runs it.
    return _ARTICLE_AT.first(slug=path_components[-1], url_path=url_path)
