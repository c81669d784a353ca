"""Articles, sections, topics and authors as the API shows them (plain dicts matching
kiosque.api.schemas), built from rows fetched by kiosque.api.selectors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

from kiosque.api.body import reader_body_html
from kiosque.api.pictures import lead_picture
from kiosque.api.selectors import sections_by_path
from kiosque.api.urls_absolute import api_url, page_url
from kiosque.newsroom.text.credit_line import credit_line
from kiosque.newsroom.text.typography import typeset


@dataclass(frozen=True)
class ArticleKind:
    """A feature app's own kind of article, and what the API adds about it (a live: its
    coverage times and entries).

    The app registers it from its AppConfig.ready(): the API may not import feature
    apps that import it (decision 0064). The rows the API reads are plain ArticlePages;
    `describe` is called once per answer with those of `article_types`, so a page of
    results costs the same few queries whatever its size, and none when it holds no
    such article.
    """

    field: str  # the key in an article's representation, declared in schemas.py
    article_types: frozenset[str]
    # (articles, request) -> {article id: the object under `field`}
    describe: Callable[[list, object], dict[int, dict]]
    # (article, ninjs item, request) -> the item with what the kind adds
    ninjs: Callable[[object, dict, object], dict] | None = None


_article_kinds: dict[str, ArticleKind] = {}


def register_article_kind(kind: ArticleKind) -> None:
    _article_kinds[kind.field] = kind


def article_kinds() -> list[ArticleKind]:
    return list(_article_kinds.values())


def _kind_objects(articles: list, request) -> dict[str, dict[int, dict]]:
    objects = {}
    for kind in article_kinds():
        own = [article for article in articles if article.article_type in kind.article_types]
        objects[kind.field] = kind.describe(own, request) if own else {}
    return objects


def _with_kind_objects(summary: dict, objects: dict[str, dict[int, dict]]) -> dict:
    for field, by_id in objects.items():
        summary[field] = by_id.get(summary["id"])
    return summary


def _link(page, request) -> dict:
    return {"id": page.pk, "title": page.title, "url": page_url(page, request)}


def credited_authors(article) -> list:
    authors = []
    for link in article.article_authors.all():
        if link.author not in authors and link.author.live:
            authors.append(link.author)
    return authors


def article_credit(article, newsroom_name: str) -> str:
    return credit_line(
        newsroom=newsroom_name,
        agencies=[agency.name for agency in article.agencies.all()],
        authors=[author.title for author in credited_authors(article)],
        language=article.language,
    )


def _lead_image(article) -> dict | None:
    picture = lead_picture(article)
    if picture is None:
        return None
    return {
        "url": picture.main.url,
        "width": picture.main.width,
        "height": picture.main.height,
        "alt": picture.alt,
        "caption": typeset(picture.caption, article.language),
        "credit": picture.credit,
        "renditions": [asdict(rendition) for rendition in picture.renditions],
    }


def article_summary(article, *, request, sections: dict, newsroom_name: str) -> dict:
    """`sections` maps tree paths to the visible sections above the article."""
    steplen = type(article).steplen
    chain = [
        sections[article.path[:end]]
        for end in range(steplen, len(article.path), steplen)
        if article.path[:end] in sections
    ]
    parent_path = article.path[:-steplen]
    section = sections.get(parent_path)
    topic = article.topic if article.topic is not None and article.topic.live else None
    return {
        "id": article.pk,
        "url": page_url(article, request),
        "api_url": api_url(f"articles/{article.pk}"),
        "ninjs_url": api_url(f"articles/{article.pk}/ninjs"),
        # Text as the article page shows it, with French no-break spaces (body_html has
        # them from the page's own templates); names and links stay as stored.
        "title": typeset(article.title, article.language),
        "standfirst": typeset(article.standfirst, article.language),
        "article_type": article.article_type,
        "dateline": article.dateline,
        "language": article.language,
        "section": _link(section, request) if section is not None else None,
        "sections": [_link(s, request) for s in chain],
        "topic": _link(topic, request) if topic is not None else None,
        "authors": [_link(a, request) for a in credited_authors(article)],
        "agencies": [
            {"name": agency.name, "full_name": agency.full_name}
            for agency in article.agencies.all()
        ],
        "credit": article_credit(article, newsroom_name),
        "published": article.first_published_at,
        "updated": article.major_update_at,
        "modified": article.last_published_at or article.first_published_at,
        "lead_image": _lead_image(article),
    }


def article_detail(article, *, request, newsroom_name: str) -> dict:
    sections = sections_by_path([article])
    summary = article_summary(
        article, request=request, sections=sections, newsroom_name=newsroom_name
    )
    summary = _with_kind_objects(summary, _kind_objects([article], request))
    return summary | {"body_html": reader_body_html(article)}


def articles_summaries(articles: list, *, request, newsroom_name: str) -> list[dict]:
    sections = sections_by_path(articles)
    objects = _kind_objects(articles, request)
    return [
        _with_kind_objects(
            article_summary(a, request=request, sections=sections, newsroom_name=newsroom_name),
            objects,
        )
        for a in articles
    ]


def section_item(section, *, request, parents: dict) -> dict:
    parent_path = section.path[: -type(section).steplen]
    parent = parents.get(parent_path)
    return _link(section, request) | {
        "parent": parent.pk if parent is not None else None,
        "articles": api_url(f"articles?section={section.pk}"),
    }


def topic_item(topic, *, request) -> dict:
    return _link(topic, request) | {
        "intro": topic.intro,
        "articles": api_url(f"articles?topic={topic.pk}"),
    }


def author_item(author, *, request) -> dict:
    return {
        "id": author.pk,
        "name": author.title,
        "url": page_url(author, request),
        "job_title": author.job_title,
        "articles": api_url(f"articles?author={author.pk}"),
    }
