"""What the API reads: always through `visible_articles()`, the one definition of what
readers may see (drafts, private pages, unpublished, withdrawn and killed articles never
get here), plus the filters and the keyset page the list asks for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, Q, QuerySet

from kiosque.api.cursor import Position
from kiosque.newsroom.images import LEAD_SPECS  # the lead renditions the newsroom makes
from kiosque.newsroom.selectors import public_only, visible_articles


@dataclass(frozen=True)
class ArticleFilters:
    section: int | None = None
    topic: int | None = None
    author: int | None = None
    updated_since: datetime | None = None
    q: str | None = None


def with_article_data(articles: QuerySet) -> QuerySet:
    """Everything an article's representation needs, in a fixed number of queries."""
    from kiosque.newsroom.models import ArticleAuthor, NewsRendition

    return articles.select_related("lead_image", "topic").prefetch_related(
        "agencies",
        Prefetch(
            "article_authors",
            queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order", "pk"),
        ),
        Prefetch(
            "lead_image__renditions",
            queryset=NewsRendition.objects.filter(filter_spec__in=LEAD_SPECS),
        ),
    )


def visible_article(pk: int):
    """The article readers may see under this id, or None (unknown, draft, private...)."""
    return with_article_data(visible_articles().filter(pk=pk)).first()


def _filtered(filters: ArticleFilters) -> QuerySet:
    from kiosque.newsroom.models import ArticlePage, SectionPage

    articles = visible_articles().filter(first_published_at__isnull=False)
    if filters.section is not None:
        section = public_only(SectionPage.objects.live()).filter(pk=filters.section).first()
        if section is None:
            return articles.none()
        # A section lists the articles of its subsections too (Monde includes Europe).
        articles = articles.filter(path__startswith=section.path, depth__gt=section.depth)
    # Wagtail's search only filters on declared index fields; `id` is one, so the
    # topic and author conditions go through it.
    if filters.topic is not None:
        in_topic = ArticlePage.objects.filter(topic_id=filters.topic).values("pk")
        articles = articles.filter(id__in=in_topic)
    if filters.author is not None:
        by_author = ArticlePage.objects.filter(article_authors__author_id=filters.author).values(
            "pk"
        )
        articles = articles.filter(id__in=by_author)
    if filters.updated_since is not None:
        articles = articles.filter(last_published_at__gte=filters.updated_since)
    return articles


def article_page(
    filters: ArticleFilters, *, after: Position | None, size: int
) -> tuple[list, bool]:
    """One page of the list, newest first by first publication, and whether more follow.

    Keyset pagination: the page starts strictly after the last article of the previous
    one, so articles published meanwhile (newer, hence before the cursor) never shift
    the pages a client is walking through: no duplicate, no gap.
    """
    articles = _filtered(filters)
    if after is not None:
        articles = articles.filter(
            Q(first_published_at__lt=after.published)
            | Q(first_published_at=after.published, id__lt=after.pk)
        )
    articles = articles.order_by("-first_published_at", "-id")
    if filters.q:
        # The site's search backend (with the search app's French stemming where it is
        # configured); results keep the list's order so the cursor stays valid.
        found = articles.search(filters.q, order_by_relevance=False)
        ids = [article.pk for article in found[: size + 1]]
        by_id = {a.pk: a for a in with_article_data(visible_articles().filter(pk__in=ids))}
        rows = [by_id[pk] for pk in ids if pk in by_id]
    else:
        rows = list(with_article_data(articles)[: size + 1])
    return rows[:size], len(rows) > size


def visible_sections() -> QuerySet:
    from kiosque.newsroom.models import SectionPage

    return public_only(SectionPage.objects.live()).order_by("path")


def visible_topics() -> QuerySet:
    from kiosque.newsroom.models import TopicPage

    return public_only(TopicPage.objects.live()).order_by("title", "pk")


def visible_authors() -> QuerySet:
    from kiosque.newsroom.models import AuthorPage

    return public_only(AuthorPage.objects.live()).order_by("title", "pk")


def sections_by_path(articles: list) -> dict[str, object]:
    """The visible sections above these articles, keyed by tree path, in one query."""
    from kiosque.newsroom.models import SectionPage

    steplen = SectionPage.steplen
    prefixes = {
        article.path[:end]
        for article in articles
        for end in range(steplen, len(article.path), steplen)
    }
    if not prefixes:
        return {}
    return {s.path: s for s in public_only(SectionPage.objects.live()).filter(path__in=prefixes)}
