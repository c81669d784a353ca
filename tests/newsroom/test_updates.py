"""The « Mis à jour » rule at its boundaries, and through Wagtail's real publishing."""

from datetime import UTC, datetime, timedelta

import pytest

from kiosque.newsroom.models import ArticlePage, ArticlePublication
from kiosque.newsroom.updates import Publication, visible_update_time
from tests.factories import make_article, publish, set_publication_times

FIRST = datetime(2024, 3, 10, 8, 0, tzinfo=UTC)
GRACE = timedelta(minutes=15)


def test_no_update_without_a_first_publication():
    assert visible_update_time(None, [Publication(FIRST, False)], GRACE) is None


def test_the_first_publication_alone_is_not_an_update():
    assert visible_update_time(FIRST, [Publication(FIRST, False)], GRACE) is None


def test_a_version_exactly_at_the_end_of_the_grace_period_is_not_an_update():
    later = FIRST + GRACE
    assert (
        visible_update_time(FIRST, [Publication(FIRST, False), Publication(later, False)], GRACE)
        is None
    )


def test_a_version_one_microsecond_after_the_grace_period_is_an_update():
    later = FIRST + GRACE + timedelta(microseconds=1)
    publications = [Publication(FIRST, False), Publication(later, False)]
    assert visible_update_time(FIRST, publications, GRACE) == later


def test_a_minor_change_is_never_an_update():
    later = FIRST + timedelta(days=2)
    assert visible_update_time(FIRST, [Publication(later, True)], GRACE) is None


def test_the_time_shown_is_the_latest_major_version_not_a_later_minor_one():
    major = FIRST + timedelta(hours=3)
    minor = FIRST + timedelta(hours=5)
    publications = [Publication(FIRST, False), Publication(major, False), Publication(minor, True)]
    assert visible_update_time(FIRST, publications, GRACE) == major


def test_a_zero_grace_period_shows_any_later_version():
    later = FIRST + timedelta(seconds=1)
    assert visible_update_time(FIRST, [Publication(later, False)], timedelta(0)) == later


@pytest.mark.django_db
def test_publishing_through_wagtail_logs_each_publication(newsroom, settings):
    article = make_article(newsroom.sport)
    assert ArticlePublication.objects.filter(article=article).count() == 1
    # Move the first publication an hour back, so the next one is beyond the grace.
    set_publication_times(article, [article.first_published_at - timedelta(hours=1)])
    article = ArticlePage.objects.get(pk=article.pk)
    publish(article)
    article.refresh_from_db()
    assert ArticlePublication.objects.filter(article=article).count() == 2
    assert article.major_update_at == article.last_published_at


@pytest.mark.django_db
def test_minor_change_box_applies_to_one_publication_only(newsroom):
    article = make_article(newsroom.sport)
    # Move the first publication an hour back, so the next one is beyond the grace.
    set_publication_times(article, [article.first_published_at - timedelta(hours=1)])
    article = ArticlePage.objects.get(pk=article.pk)
    article.minor_change = True
    publish(article)
    article.refresh_from_db()
    assert article.major_update_at is None
    assert article.minor_change is False
    # The editor reopens the article: the box is unticked in the latest revision too.
    assert article.get_latest_revision_as_object().minor_change is False


@pytest.mark.django_db
def test_a_scheduled_revision_is_not_logged_as_a_publication(newsroom):
    article = make_article(newsroom.sport, live=False, slug="programme")
    article.go_live_at = datetime.now(UTC) + timedelta(days=1)
    publish(article)
    article.refresh_from_db()
    assert article.live is False
    assert not ArticlePublication.objects.filter(article=article).exists()
