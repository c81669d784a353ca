"""Writes to the search index. Called by the worker's tasks (kiosque.search.tasks) and
by `kiosque search_rebuild`, never in an editor's request."""

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

from django.db import connection, connections, transaction
from django.utils import timezone

from kiosque.newsroom.selectors import visible_articles
from kiosque.search.documents import (
    INDEXED_FIELDS,
    document_for,
    documents_for_ids,
    indexable_articles,
)
from kiosque.search.engines import engine
from kiosque.search.models import SearchDocument

# A rebuild's batch: each is its own transaction; on SQLite the web server and the
# worker get the write lock between two batches (about a second each there).
BATCH_SIZE = 2000


def search_documents_refresh(*, article_ids: Iterable[int]) -> int:
    """Bring these articles' index entries in line with what readers may see now.

    A visible article is (re)indexed; one that is not (draft, unpublished, killed,
    private, deleted) leaves the index. Returns how many entries were written.
    """
    return _refresh(article_ids, _documents_one_by_one)


def _documents_one_by_one(article_ids) -> list[SearchDocument]:
    return [document_for(article) for article in indexable_articles(article_ids)]


@transaction.atomic
def _refresh(article_ids: Iterable[int], documents_for: Callable) -> int:
    wanted = set(article_ids)
    if not wanted:
        return 0
    now = timezone.now()
    documents = documents_for(wanted)
    for document in documents:
        document.indexed_at = now
    gone = wanted - {d.article_id for d in documents}
    if gone:
        SearchDocument.objects.filter(pk__in=gone).delete()
        engine().delete(gone)
    SearchDocument.objects.bulk_create(
        documents,
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=INDEXED_FIELDS,
    )
    engine().write(documents)
    return len(documents)


def search_index_rebuild(*, batch_size: int = BATCH_SIZE, progress=None) -> int:
    """Index every visible article again and drop every other entry, batch by batch.

    The documents are built from plain rows (`documents_for_ids`), the same as the
    worker's one by one, without loading a page per article: see
    docs/decisions/0055-bulk-search-index-rebuild.md.
    """
    visible = sorted(visible_articles().values_list("pk", flat=True))
    stale = set(SearchDocument.objects.values_list("pk", flat=True)) - set(visible)
    for chunk in _chunks(sorted(stale), batch_size):
        _refresh(chunk, documents_for_ids)
    written = 0
    for chunk in _chunks(visible, batch_size):
        written += _refresh(chunk, documents_for_ids)
        if progress:
            progress(written, len(visible))
    with transaction.atomic():
        engine().delete_orphans()
    return written


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def wagtail_articles_index(*, article_ids: Iterable[int] | None = None, progress=None) -> int:
    """Wagtail's index entries of these articles (all articles when None), in bulk.

    Wagtail's index serves the admin's search and the public API's `q`; it holds every
    article, drafts included, as Wagtail's own `update_index` does. Returns how many
    articles were written (per search backend).
    """
    from wagtail.search.backends import get_search_backends

    from kiosque.newsroom.models import ArticlePage
    from kiosque.search.wagtail_bulk import wagtail_index_bulk

    if article_ids is None:
        article_ids = ArticlePage.objects.values_list("pk", flat=True)
    ids = list(article_ids)
    written = 0
    for backend in get_search_backends():
        written = wagtail_index_bulk(backend, ArticlePage, ids, progress=progress)
    return written


def search_indexes_rebuild(
    *, article_ids: Iterable[int] | None = None, progress: Callable | None = None
) -> dict[str, int]:
    """Both indexes: Wagtail's entries of these articles (all when None) and the reader
    search's whole index. Returns how many articles each one got.

    Nearly all the time is PostgreSQL computing vectors, one core per connection: on
    PostgreSQL the two rebuilds run side by side, each in a thread with its own
    connection, unless the caller is inside a transaction (whose rows another
    connection could not see). SQLite has one writer at a time: one after the other.
    """
    progress = progress or (lambda name, done, total: None)
    jobs = {
        "wagtail": lambda: wagtail_articles_index(
            article_ids=article_ids, progress=lambda d, t: progress("wagtail", d, t)
        ),
        "reader": lambda: search_index_rebuild(progress=lambda d, t: progress("reader", d, t)),
    }
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return {name: job() for name, job in jobs.items()}
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        futures = {name: pool.submit(_with_own_connection, job) for name, job in jobs.items()}
        return {name: future.result() for name, future in futures.items()}


def _with_own_connection(job: Callable):
    try:
        return job()
    finally:
        connections.close_all()  # this thread's connections only
