"""Read queries of the reader site.

"Visible to readers" is defined once, in `visible_articles()`: every page, listing,
feed and API goes through it, so a draft, a private or an unpublished article can
never leak through one forgotten query.
"""

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from kiosque.newsroom.images import CARD_SPECS

MAX_PAGE_PARAMETER_LENGTH = 6  # beyond 999,999 pages a request is not a reader's


def visible_articles() -> QuerySet:
    from kiosque.newsroom.models import ArticlePage

    return ArticlePage.objects.live().public()


def with_card_data(articles: QuerySet) -> QuerySet:
    """What a teaser (title, topic, type, picture) needs, in a fixed number of queries."""
    from kiosque.newsroom.models import NewsRendition

    return articles.select_related("lead_image", "topic").prefetch_related(
        Prefetch(
            "lead_image__renditions",
            queryset=NewsRendition.objects.filter(filter_spec__in=CARD_SPECS),
        )
    )


def newest_first(articles: QuerySet) -> QuerySet:
    return articles.order_by("-first_published_at", "-pk")


def articles_in_section(section) -> QuerySet:
    return with_card_data(newest_first(visible_articles().descendant_of(section)))


def articles_in_topic(topic) -> QuerySet:
    return with_card_data(newest_first(visible_articles().filter(topic=topic)))


def articles_by_author(author) -> QuerySet:
    articles = visible_articles().filter(article_authors__author=author).distinct()
    return with_card_data(newest_first(articles))


def visible_children(page, page_class) -> QuerySet:
    return page_class.objects.child_of(page).live().public().order_by("path")


def related_articles(article, limit: int = 3) -> list:
    """Latest other articles of the same topic, else of the same section."""
    others = visible_articles().exclude(pk=article.pk)
    if article.topic_id:
        same_story = others.filter(topic_id=article.topic_id)
    else:
        same_story = others.child_of(article.get_parent())
    return list(with_card_data(newest_first(same_story))[:limit])


def paginate(request, items: QuerySet, per_page: int):
    """The requested page of `items`; 404 for anything but an existing page number."""
    raw = request.GET.get("page", "1")
    if not raw.isdigit() or len(raw) > MAX_PAGE_PARAMETER_LENGTH:
        raise Http404("No such page")
    paginator = Paginator(items, per_page, allow_empty_first_page=True)
    try:
        return paginator.page(int(raw))
    except InvalidPage:
        raise Http404("No such page") from None


def top_level_sections(home) -> QuerySet:
    from kiosque.newsroom.models import SectionPage

    return visible_children(home, SectionPage).filter(show_in_navigation=True)


def front_page(home, per_section: int = 4, featured_count: int = 4) -> dict:
    """La une: lead story, featured slots, then the latest articles of each section.

    A curated article that has been unpublished or withdrawn is replaced by the latest
    article not already on the page, so the front page never shows a hole.
    """
    visible = visible_articles()
    latest = list(with_card_data(newest_first(visible))[: 1 + featured_count * 3])

    lead = None
    if home.lead_story_id:
        lead = with_card_data(visible.filter(pk=home.lead_story_id)).first()
    curated_ids = [slot.article_id for slot in home.featured_slots.all()]
    curated = {a.pk: a for a in with_card_data(visible.filter(pk__in=curated_ids))}
    featured = [curated[pk] for pk in curated_ids if pk in curated]

    shown = {a.pk for a in featured}
    if lead is None:
        lead = next((a for a in latest if a.pk not in shown), None)
    if lead is not None:
        shown.add(lead.pk)
    for article in latest:
        if len(featured) >= featured_count:
            break
        if article.pk not in shown:
            featured.append(article)
            shown.add(article.pk)

    sections = []
    for section in top_level_sections(home):
        articles = list(articles_in_section(section).exclude(pk__in=shown)[:per_section])
        if articles:
            sections.append({"section": section, "articles": articles})
    return {"lead": lead, "featured": featured[:featured_count], "sections": sections}


def live_article_at(home, path_components: list[str]):
    """The live article whose address under `home` is `path_components`, or None.

    What Wagtail's route would find, in one query: the slug (indexed) narrows the
    search, the full url_path decides. Aliases are left to Wagtail's route.
    """
    from kiosque.newsroom.models import ArticlePage

    if not path_components:
        return None
    url_path = home.url_path + "/".join(path_components) + "/"
    return ArticlePage.objects.filter(
        slug=path_components[-1], url_path=url_path, live=True, alias_of__isnull=True
    ).first()
