"""The demo's newsletters: the three kinds of list, invented subscribers whose consent is
recorded, and yesterday's digest sent through the real sending (every message sent)."""

import pytest
from django.utils import timezone

from kiosque.demo.newsletters import ensure_demo_newsletters
from kiosque.newsletters.models import (
    ConsentEvent,
    Delivery,
    Edition,
    NewsletterList,
    Subscriber,
    Subscription,
)
from tests.demo.conftest import DEMO_GROUP

pytestmark = [pytest.mark.django_db, DEMO_GROUP]


def test_three_kinds_of_list_and_an_english_digest(demo_build):
    lists = NewsletterList.objects.all()
    assert {newsletter.kind for newsletter in lists} == {"digest", "follow", "alert"}
    morning = lists.get(slug="essentiel-du-matin")
    assert (morning.name, morning.send_time.hour, morning.language) == (
        "L'essentiel du matin",
        7,
        "fr",
    )
    assert lists.filter(kind="digest", language="en").exists()
    assert lists.get(kind="follow").followed_page.title == "Conférence de Tallinn"


def test_invented_subscribers_with_their_consent_recorded(demo_build):
    emails = list(Subscriber.objects.values_list("email", flat=True))
    assert len(emails) >= 30
    assert all(email.endswith(("@example.org", ".invalid")) for email in emails)
    for subscription in Subscription.objects.all():
        actions = set(
            ConsentEvent.objects.filter(
                subscriber=subscription.subscriber, newsletter=subscription.newsletter
            ).values_list("action", flat=True)
        )
        assert actions == {"requested", "confirmed"}


def test_yesterday_s_digest_was_sent_to_every_subscriber(demo_build):
    edition = Edition.objects.get(status=Edition.Status.SENT)
    assert edition.subject.startswith("L'essentiel du ")
    assert edition.articles.count() >= 3
    assert edition.send_at < timezone.now()
    deliveries = Delivery.objects.filter(edition=edition)
    confirmed = edition.newsletter.subscriptions.filter(status="confirmed").count()
    assert deliveries.count() == confirmed > 20
    assert set(deliveries.values_list("status", flat=True)) == {Delivery.Status.SENT}


def test_running_it_again_changes_nothing(demo_build):
    before = (Edition.objects.count(), Subscriber.objects.count(), ConsentEvent.objects.count())
    ensure_demo_newsletters(now=timezone.now(), topics={})
    after = (Edition.objects.count(), Subscriber.objects.count(), ConsentEvent.objects.count())
    assert after == before
