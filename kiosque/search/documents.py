"""What the index holds for one article: its texts and the columns filters need.

Two ways to the same documents: `document_for(article)` from a loaded article (the
worker, a few articles at a time), and `documents_for_ids(ids)` from plain rows (the
rebuild, thousands at a time: no page instances, the body read from its JSON by
kiosque.search.raw_text). tests/search/test_bulk_rows.py keeps them identical.
"""

from collections import defaultdict

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from kiosque.newsroom.article_view import body_plain_text
from kiosque.newsroom.selectors import visible_articles
from kiosque.search.models import SearchDocument
from kiosque.search.raw_text import reader_body_text

# Credit order; the primary key settles equal sort orders, so both ways agree.
AUTHOR_ORDER = ("sort_order", "pk")


def indexable_articles(article_ids) -> QuerySet:
    """The articles among `article_ids` readers may see, with what indexing reads."""
    from kiosque.newsroom.models import ArticleAuthor

    return (
        visible_articles()
        .filter(pk__in=list(article_ids))
        .select_related("topic")
        .prefetch_related(
            Prefetch(
                "article_authors",
                queryset=ArticleAuthor.objects.select_related("author").order_by(*AUTHOR_ORDER),
            )
        )
    )


def document_for(article) -> SearchDocument:
    authors = [link.author.title for link in article.article_authors.all()]
    return SearchDocument(
        article_id=article.pk,
        path=article.path,
        article_type=article.article_type,
        published_at=article.first_published_at or timezone.now(),
        title=article.title,
        standfirst=article.standfirst,
        body=body_plain_text(article.body),
        topic=article.topic.title if article.topic else "",
        authors=", ".join(dict.fromkeys(authors)),
    )


def documents_for_ids(article_ids) -> list[SearchDocument]:
    """`document_for` of each article among `article_ids` readers may see, built from
    plain rows: one query for the articles, one for their authors."""
    from kiosque.newsroom.models import ArticleAuthor, ArticlePage

    rows = list(
        visible_articles()
        .filter(pk__in=list(article_ids))
        .values_list(
            "pk",
            "path",
            "article_type",
            "first_published_at",
            "title",
            "standfirst",
            "body",
            "topic__title",
        )
    )
    authors = defaultdict(list)
    links = ArticleAuthor.objects.filter(page_id__in=[row[0] for row in rows])
    for article_id, name in links.order_by(*AUTHOR_ORDER).values_list("page_id", "author__title"):
        authors[article_id].append(name)
    stream_block = ArticlePage._meta.get_field("body").stream_block
    return [
        SearchDocument(
            article_id=pk,
            path=path,
            article_type=article_type,
            published_at=first_published_at or timezone.now(),
            title=title,
            standfirst=standfirst,
            body=reader_body_text(stream_block, body.raw_data),
            topic=topic if topic is not None else "",
            authors=", ".join(dict.fromkeys(authors[pk])),
        )
        for pk, path, article_type, first_published_at, title, standfirst, body, topic in rows
    ]


INDEXED_FIELDS = ["path", "article_type", "published_at", "title", "standfirst", "body"]
INDEXED_FIELDS += ["topic", "authors", "indexed_at"]
