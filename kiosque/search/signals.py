"""Signal receivers: publishing events queue the article's (re)indexing.

Only enqueueing happens here, after the transaction commits; the worker does the
indexing (kiosque.search.tasks). What must never show — a deleted article — is also
filtered at query time by `visible_articles()`, so the seconds the worker takes can
delay a new article's appearance but never expose an unpublished one.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from kiosque.newsroom.models import ArticlePage, AuthorPage, TopicPage
from kiosque.search.engines import engine
from kiosque.search.models import SearchDocument


def _enqueue_articles(article_ids) -> None:
    ids = sorted(set(article_ids))
    if not ids:
        return
    from kiosque.search.tasks import search_index_articles

    transaction.on_commit(lambda: search_index_articles.enqueue(ids))


def _enqueue_subtree(page_id: int) -> None:
    from kiosque.search.tasks import search_index_subtree

    transaction.on_commit(lambda: search_index_subtree.enqueue(page_id))


@receiver(page_published, sender=ArticlePage)
@receiver(page_unpublished, sender=ArticlePage)
def article_changed(sender, instance, **kwargs) -> None:
    _enqueue_articles([instance.pk])


@receiver(page_published, sender=TopicPage)
def topic_renamed(sender, instance, **kwargs) -> None:
    # Articles carry their topic's title in the index.
    _enqueue_articles(
        SearchDocument.objects.filter(article__topic=instance).values_list("pk", flat=True)
    )


@receiver(page_published, sender=AuthorPage)
def author_renamed(sender, instance, **kwargs) -> None:
    documents = SearchDocument.objects.filter(article__article_authors__author=instance)
    _enqueue_articles(documents.values_list("pk", flat=True))


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs) -> None:
    _enqueue_subtree(instance.pk)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(sender, instance, **kwargs) -> None:
    _enqueue_subtree(instance.page_id)


@receiver(post_delete, sender=SearchDocument)
def entry_deleted(sender, instance, **kwargs) -> None:
    # Deleting an article cascades to its entry; the SQLite terms table is not a
    # Django model, so its row goes here (a no-op on PostgreSQL).
    engine().delete([instance.pk])


def terms_of_flushed_documents_deleted(sender, using, **kwargs) -> None:
    """`flush` empties the documents with one SQL DELETE, which sends no post_delete,
    and then sends post_migrate: the SQLite terms of the rows it emptied go here, or a
    later article given the same id would find another article's terms under it."""
    from django.db import DEFAULT_DB_ALIAS, connection

    from kiosque.search.engines.sqlite import FTS_TABLE

    if using != DEFAULT_DB_ALIAS or connection.vendor != "sqlite":
        return
    if FTS_TABLE in connection.introspection.table_names():  # absent after `migrate search zero`
        engine().delete_orphans()
