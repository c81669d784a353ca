"""Indexing in the background (django-tasks), run by `kiosque worker`.

Enqueued after the publishing transaction commits (kiosque.search.signals), so the
editor's request never waits for the index, and the worker reads the article as it was
committed, publication times included.
"""

from django_tasks import task

from kiosque.search.services import search_documents_refresh


@task()
def search_index_articles(article_ids: list[int]) -> int:
    return search_documents_refresh(article_ids=article_ids)


@task()
def search_index_subtree(page_id: int) -> int:
    """Every article at or under a page: after a move or a change of its privacy."""
    from wagtail.models import Page

    from kiosque.newsroom.models import ArticlePage

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    articles = ArticlePage.objects.descendant_of(page, inclusive=True)
    return search_documents_refresh(article_ids=articles.values_list("pk", flat=True))
