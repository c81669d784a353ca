"""What the index holds for one article: its texts and the columns filters need."""

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from kiosque.newsroom.article_view import body_plain_text
from kiosque.newsroom.selectors import visible_articles
from kiosque.search.models import SearchDocument


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
                queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
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


INDEXED_FIELDS = ["path", "article_type", "published_at", "title", "standfirst", "body"]
INDEXED_FIELDS += ["topic", "authors", "indexed_at"]
