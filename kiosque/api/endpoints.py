"""The operations of the API: articles (list, detail, ninjs), sections, topics, authors."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404
from ninja import Path, Query, Router
from ninja.errors import HttpError
from wagtail.models import Site

from kiosque.api import representation, schemas, selectors
from kiosque.api.cursor import BadCursor, Position, cursor_decode, cursor_encode
from kiosque.api.ninjs import article_ninjs
from kiosque.api.queries import ID_FIELD, ArticleQuery, unknown_parameters
from kiosque.api.urls_absolute import api_url
from kiosque.core.site_settings import read_site_setting

router = Router()

# Documented for every operation: 304 (If-None-Match), 429 (rate limit) and 400 come from
# kiosque.api.http or the checks below, 422 from ninja's validation of the parameters.
ERRORS = {
    304: None,
    400: schemas.Problem,
    404: schemas.Problem,
    422: schemas.ValidationProblem,
    429: schemas.Problem,
}
LIST_PARAMETERS = set(ArticleQuery.model_fields)


def _newsroom():
    from kiosque.newsroom.models import NewsroomSettings

    site = Site.objects.filter(is_default_site=True).first()
    return read_site_setting(NewsroomSettings, site) if site is not None else NewsroomSettings()


def refuse_unknown_parameters(request, known: frozenset[str] | set[str] = frozenset()) -> None:
    """400 naming any query parameter the operation does not take (a typo such as
    `sectoin=` must not silently return everything)."""
    unknown = unknown_parameters(request, set(known))
    if unknown:
        accepted = ", ".join(sorted(known)) or "none"
        raise HttpError(400, f"unknown parameter(s): {', '.join(unknown)} (accepted: {accepted})")


def _visible_or_404(article_id: int):
    article = selectors.visible_article(article_id)
    if article is None:
        # The same answer for an unknown id and for a draft, private or withdrawn one.
        raise Http404("no such article")
    return article


@router.get(
    "/articles",
    response={200: schemas.ArticleList, **ERRORS},
    summary="Articles, newest first",
    tags=["articles"],
)
def article_list(request, query: Query[ArticleQuery]):
    """Published articles, newest first by first publication, a page at a time.

    Follow `next_url` (or pass `next` as `cursor`) until it is null: the walk sees every
    article published before it began exactly once, even while new ones are published.
    """
    refuse_unknown_parameters(request, LIST_PARAMETERS)
    try:
        after = cursor_decode(query.cursor) if query.cursor else None
    except BadCursor as error:
        raise HttpError(400, str(error)) from None
    filters = selectors.ArticleFilters(
        section=query.section,
        topic=query.topic,
        author=query.author,
        updated_since=query.updated_since,
        q=(query.q or "").strip() or None,
    )
    rows, more = selectors.article_page(filters, after=after, size=query.page_size)
    next_cursor = None
    next_url = None
    if more and rows:
        last = rows[-1]
        next_cursor = cursor_encode(Position(published=last.first_published_at, pk=last.pk))
        params = {k: v for k, v in request.GET.items() if k != "cursor"}
        next_url = api_url("articles?" + urlencode({**params, "cursor": next_cursor}))
    newsroom = _newsroom()
    items = representation.articles_summaries(
        rows, request=request, newsroom_name=newsroom.newsroom_name
    )
    return {"items": items, "next": next_cursor, "next_url": next_url}


@router.get(
    "/articles/{article_id}",
    response={200: schemas.Article, **ERRORS},
    summary="One article",
    tags=["articles"],
)
def article_detail(request, article_id: int = Path(..., **ID_FIELD)):
    refuse_unknown_parameters(request)
    article = _visible_or_404(article_id)
    newsroom = _newsroom()
    return representation.article_detail(
        article, request=request, newsroom_name=newsroom.newsroom_name
    )


@router.get(
    "/articles/{article_id}/ninjs",
    response={200: dict, **ERRORS},
    summary="One article as IPTC ninjs 2.2",
    tags=["articles"],
)
def article_as_ninjs(request, article_id: int = Path(..., **ID_FIELD)):
    """The article as a ninjs 2.2 news item (https://iptc.org/standards/ninjs/)."""
    refuse_unknown_parameters(request)
    article = _visible_or_404(article_id)
    newsroom = _newsroom()
    return article_ninjs(
        article,
        request=request,
        publisher_name=newsroom.publisher_name,
        newsroom_name=newsroom.newsroom_name,
    )


@router.get(
    "/sections",
    response={200: list[schemas.Section], **ERRORS},
    summary="Sections, in site order",
    tags=["listings"],
)
def section_list(request):
    refuse_unknown_parameters(request)
    sections = list(selectors.visible_sections())
    by_path = {section.path: section for section in sections}
    return [
        representation.section_item(section, request=request, parents=by_path)
        for section in sections
    ]


@router.get(
    "/topics",
    response={200: list[schemas.Topic], **ERRORS},
    summary="Topics (dossiers), by title",
    tags=["listings"],
)
def topic_list(request):
    refuse_unknown_parameters(request)
    return [representation.topic_item(t, request=request) for t in selectors.visible_topics()]


@router.get(
    "/authors",
    response={200: list[schemas.Author], **ERRORS},
    summary="Authors, by name",
    tags=["listings"],
)
def author_list(request):
    refuse_unknown_parameters(request)
    return [representation.author_item(a, request=request) for a in selectors.visible_authors()]
