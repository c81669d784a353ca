"""Follows: the new articles of a topic, a section (and its sub-sections) or an author,
one edition at most an hour, nothing sent when nothing is new."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from kiosque.newsletters.follows import run_follows
from kiosque.newsletters.models import Delivery, Edition, NewsletterList
from tests.factories import make_article
from tests.newsletters.edition_helpers import article_ids, make_list, subscribe

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def at(moment: datetime):
    return time_machine.travel(moment, tick=False)


def follow(page, slug: str) -> NewsletterList:
    newsletter = make_list(slug, kind=NewsletterList.Kind.FOLLOW, followed_page=page)
    NewsletterList.objects.filter(pk=newsletter.pk).update(created_at=NOON - timedelta(hours=3))
    newsletter.refresh_from_db()
    subscribe(newsletter, "lectrice@example.org")
    return newsletter


def published(section, slug: str, when: datetime, **fields):
    return make_article(section, slug=slug, published_at=when, **fields)


def test_a_topic_s_new_articles_in_one_edition(newsroom):
    newsletter = follow(newsroom.topic, "suivi-ukraine")
    on_topic = published(
        newsroom.sport, "ukraine-1", NOON - timedelta(hours=2), topic=newsroom.topic
    )
    published(newsroom.sport, "autre", NOON - timedelta(hours=1))  # not on the topic
    published(newsroom.sport, "avant", NOON - timedelta(hours=5), topic=newsroom.topic)  # before
    with at(NOON):
        assert run_follows() == 1
    edition = Edition.objects.get(newsletter=newsletter)
    assert article_ids(edition) == [on_topic.pk]
    assert edition.subject == f"Crise en Ukraine\u00a0: {on_topic.title}"
    assert edition.status == Edition.Status.SENDING
    assert Delivery.objects.filter(edition=edition).count() == 1


def test_a_section_covers_its_sub_sections(newsroom):
    newsletter = follow(newsroom.monde, "suivi-monde")
    in_europe = published(newsroom.europe, "europe", NOON - timedelta(hours=1))
    in_sport = published(newsroom.sport, "sport", NOON - timedelta(hours=1))
    with at(NOON):
        run_follows()
    ids = article_ids(Edition.objects.get(newsletter=newsletter))
    assert in_europe.pk in ids and in_sport.pk not in ids


def test_an_author_s_articles(newsroom):
    newsletter = follow(newsroom.author, "suivi-camille")
    signed = published(
        newsroom.sport, "signe", NOON - timedelta(minutes=30), authors=[newsroom.author]
    )
    published(newsroom.sport, "pas-signe", NOON - timedelta(minutes=30))
    with at(NOON):
        run_follows()
    assert article_ids(Edition.objects.get(newsletter=newsletter)) == [signed.pk]


def test_at_most_one_edition_an_hour_then_only_what_is_new(newsroom):
    newsletter = follow(newsroom.topic, "suivi-ukraine")
    first = published(newsroom.sport, "un", NOON - timedelta(hours=1), topic=newsroom.topic)
    with at(NOON):
        assert run_follows() == 1
    second = published(newsroom.sport, "deux", NOON + timedelta(minutes=10), topic=newsroom.topic)
    with at(NOON + timedelta(minutes=59)):
        assert run_follows() == 0  # within the hour: waits
    with at(NOON + timedelta(hours=1)):
        assert run_follows() == 1
    editions = list(Edition.objects.filter(newsletter=newsletter).order_by("send_at"))
    assert [article_ids(edition) for edition in editions] == [[first.pk], [second.pk]]


def test_nothing_new_nothing_sent(newsroom):
    newsletter = follow(newsroom.topic, "suivi-ukraine")
    with at(NOON):
        assert run_follows() == 0
    assert not Edition.objects.filter(newsletter=newsletter).exists()
    assert not Delivery.objects.exists()


def test_a_list_without_confirmed_subscribers_or_inactive_is_left_alone(newsroom):
    newsletter = follow(newsroom.topic, "suivi-ukraine")
    published(newsroom.sport, "un", NOON - timedelta(hours=1), topic=newsroom.topic)
    NewsletterList.objects.filter(pk=newsletter.pk).update(active=False)
    with at(NOON):
        assert run_follows() == 0
    NewsletterList.objects.filter(pk=newsletter.pk).update(active=True)
    newsletter.subscriptions.update(status="pending")
    with at(NOON):
        assert run_follows() == 0
    assert not Edition.objects.exists()


def test_an_unpublished_article_is_not_sent(newsroom):
    follow(newsroom.topic, "suivi-ukraine")
    make_article(newsroom.sport, slug="brouillon", live=False, topic=newsroom.topic)
    with at(NOON):
        assert run_follows() == 0


def test_a_backdated_article_published_after_a_batch_goes_in_the_next(newsroom):
    # An agency dispatch filed at 11:35 and published by an editor after the noon batch
    # carries first_published_at = 11:35 (kiosque/wires/signals.py): it still goes, once.
    newsletter = follow(newsroom.topic, "suivi-ukraine")
    first = published(newsroom.sport, "un", NOON - timedelta(hours=1), topic=newsroom.topic)
    with at(NOON):
        assert run_follows() == 1
    backdated = published(
        newsroom.sport, "depeche", NOON - timedelta(minutes=25), topic=newsroom.topic
    )
    with at(NOON + timedelta(hours=1)):
        assert run_follows() == 1
    with at(NOON + timedelta(hours=2)):
        assert run_follows() == 0  # nothing is sent twice
    editions = list(Edition.objects.filter(newsletter=newsletter).order_by("send_at"))
    assert [article_ids(edition) for edition in editions] == [[first.pk], [backdated.pk]]


def test_the_look_back_does_not_reach_the_archive(newsroom):
    newsletter = follow(newsroom.topic, "suivi-ukraine")
    NewsletterList.objects.filter(pk=newsletter.pk).update(created_at=NOON - timedelta(days=5))
    published(newsroom.sport, "vieux", NOON - timedelta(hours=25), topic=newsroom.topic)
    recent = published(newsroom.sport, "recent", NOON - timedelta(hours=23), topic=newsroom.topic)
    with at(NOON):
        assert run_follows() == 1
    assert article_ids(Edition.objects.get(newsletter=newsletter)) == [recent.pk]
