"""Two workers running the schedule at once, on PostgreSQL: each due page is published
(or unpublished) exactly once, because each is claimed with SKIP LOCKED."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import connection, connections, transaction
from django.utils import timezone
from wagtail.models import PageLogEntry

from kiosque.editorial import scheduling
from kiosque.newsroom.models import ArticlePage, ArticlePublication
from tests.editorial.helpers import schedule
from tests.factories import build_newsroom, make_article

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ARTICLES = 12
WORKERS = 4


@pytest.fixture
def postgres(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")
    return build_newsroom()


def due_articles(newsroom, count: int) -> list[ArticlePage]:
    articles = []
    for number in range(count):
        article = make_article(newsroom.europe, slug=f"programme-{number}", live=False)
        schedule(article, go_live_at=timezone.now() + timedelta(seconds=1))
        articles.append(article)
    return articles


def run_at_once(target, count: int) -> list:
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def work(index):
        try:
            barrier.wait()
            results[index] = target()
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


def test_a_revision_held_by_one_worker_is_skipped_by_the_other(postgres):
    [article] = due_articles(postgres, 1)
    later = timezone.now() + timedelta(seconds=5)
    claimed, release = threading.Event(), threading.Event()

    def first_worker():
        try:
            with transaction.atomic():
                revision = scheduling.claim_due_revision(later)
                assert revision is not None
                claimed.set()
                release.wait(10)  # holds the row lock while the other worker runs
        finally:
            connections.close_all()

    holder = threading.Thread(target=first_worker)
    holder.start()
    assert claimed.wait(10)
    try:
        # The other worker's whole tick skips the locked revision and publishes nothing.
        assert scheduling.publish_due_revisions(later) == (0, 0)
    finally:
        release.set()
        holder.join()
    article.refresh_from_db()
    assert not article.live


def test_two_workers_publish_each_due_article_once(postgres):
    articles = due_articles(postgres, ARTICLES)
    # Every thread's clock a minute ahead: all the articles are due, for Wagtail too.
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        results = run_at_once(scheduling.publish_due_revisions, WORKERS)

    assert sum(published for published, _ in results) == ARTICLES
    assert all(failed == 0 for _, failed in results)
    for article in articles:
        article.refresh_from_db()
        assert article.live
        assert (
            PageLogEntry.objects.filter(page=article, action="wagtail.publish.scheduled").count()
            == 1
        )
        assert ArticlePublication.objects.filter(article=article).count() == 1


def test_two_workers_unpublish_each_expired_article_once(postgres):
    articles = [
        make_article(postgres.europe, slug=f"ephemere-{number}") for number in range(ARTICLES)
    ]
    for article in articles:
        schedule(article, expire_at=timezone.now() + timedelta(seconds=1))
    later = timezone.now() + timedelta(seconds=5)
    results = run_at_once(lambda: scheduling.unpublish_expired(later), WORKERS)
    assert sum(unpublished for unpublished, _ in results) == ARTICLES
    for article in articles:
        article.refresh_from_db()
        assert not article.live and article.expired
        assert (
            PageLogEntry.objects.filter(page=article, action="wagtail.unpublish.scheduled").count()
            == 1
        )
