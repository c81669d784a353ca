"""The bulk rebuild's cases again on PostgreSQL (tsvectors, `french_unaccent`), and the
two rebuilds side by side, each in its own thread and connection."""

import threading

import pytest
from django.db import transaction
from wagtail.search.models import IndexEntry

from kiosque.search import services
from kiosque.search.models import SearchDocument
from kiosque.search.services import search_indexes_rebuild
from tests.factories import build_newsroom, make_article
from tests.search.test_bulk_rebuild import *  # noqa: F403
from tests.search.test_bulk_rows import *  # noqa: F403
from tests.search.test_bulk_rows import reader_rows, wagtail_rows

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("on_postgresql")]


# Committed data (not a test transaction), which the threads' connections see. Like
# every committing test, these restore the migrations' data first (serialized rollback,
# made the rule for all of them in tests/conftest.py).
committing = pytest.mark.django_db(transaction=True)


@pytest.fixture
def committed(transactional_db):
    """Articles committed, as the bench load leaves them."""
    newsroom = build_newsroom()
    return [make_article(newsroom.monde, title=f"Crue de la Loire, jour {n}") for n in range(5)]


@committing
def test_the_two_rebuilds_run_side_by_side_and_write_the_same_rows(committed):
    ids = [a.pk for a in committed]
    with transaction.atomic():  # inside a transaction: one after the other
        search_indexes_rebuild(article_ids=ids)
    one_after_the_other = (reader_rows(), wagtail_rows())
    assert len(one_after_the_other[0]) == 10  # 5 documents, 5 vectors
    SearchDocument.objects.all().delete()
    IndexEntry.objects.filter(object_id__in=[str(pk) for pk in ids]).delete()

    threads = set()

    def progress(index, done, total):
        threads.add((index, threading.current_thread() is threading.main_thread()))

    written = search_indexes_rebuild(article_ids=ids, progress=progress)
    assert written == {"wagtail": 5, "reader": 5}
    assert threads == {("wagtail", False), ("reader", False)}
    assert (reader_rows(), wagtail_rows()) == one_after_the_other


@committing
def test_a_failing_rebuild_fails_the_whole_rebuild(committed, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the index is broken")

    monkeypatch.setattr(services, "wagtail_articles_index", broken)
    with pytest.raises(RuntimeError, match="the index is broken"):
        search_indexes_rebuild()
