"""Writes to the search index. Called by the worker's tasks (kiosque.search.tasks) and
by `kiosque search_rebuild`, never in an editor's request."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from kiosque.newsroom.selectors import visible_articles
from kiosque.search.documents import INDEXED_FIELDS, document_for, indexable_articles
from kiosque.search.engines import engine
from kiosque.search.models import SearchDocument

BATCH_SIZE = 500


@transaction.atomic
def search_documents_refresh(*, article_ids: Iterable[int]) -> int:
    """Bring these articles' index entries in line with what readers may see now.

    A visible article is (re)indexed; one that is not (draft, unpublished, killed,
    private, deleted) leaves the index. Returns how many entries were written.
    """
    wanted = set(article_ids)
    if not wanted:
        return 0
    now = timezone.now()
    documents = [document_for(article) for article in indexable_articles(wanted)]
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

    Each batch is its own short transaction, so on SQLite the web server and the worker
    keep getting the write lock during a rebuild of a large archive.
    """
    visible = sorted(visible_articles().values_list("pk", flat=True))
    stale = set(SearchDocument.objects.values_list("pk", flat=True)) - set(visible)
    for chunk in _chunks(sorted(stale), batch_size):
        search_documents_refresh(article_ids=chunk)
    written = 0
    for chunk in _chunks(visible, batch_size):
        written += search_documents_refresh(article_ids=chunk)
        if progress:
            progress(written, len(visible))
    with transaction.atomic():
        engine().delete_orphans()
    return written


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]
