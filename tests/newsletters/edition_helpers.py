"""Builders shared by the editions' tests (digests, follows, alerts, their admin)."""

from __future__ import annotations

from datetime import time

from django.utils import timezone

from kiosque.newsletters.models import (
    ConsentEvent,
    Edition,
    NewsletterList,
    Subscriber,
    Subscription,
)


def make_list(slug: str = "essentiel", kind: str = NewsletterList.Kind.DIGEST, **fields):
    defaults = {"name": slug.replace("-", " ").capitalize(), "language": "fr"}
    if kind == NewsletterList.Kind.DIGEST:
        defaults |= {"send_time": time(7, 0), "prepare_minutes_before": 60}
    return NewsletterList.objects.create(slug=slug, kind=kind, **(defaults | fields))


def subscribe(newsletter: NewsletterList, *emails: str) -> list[Subscription]:
    """Confirmed subscriptions (the double opt-in done), with their consent records."""
    now = timezone.now()
    made = []
    for email in emails:
        subscriber, _ = Subscriber.objects.get_or_create(email=email)
        made.append(
            Subscription.objects.create(
                subscriber=subscriber,
                newsletter=newsletter,
                status=Subscription.Status.CONFIRMED,
                requested_at=now,
                confirmed_at=now,
            )
        )
        for action in (ConsentEvent.Action.REQUESTED, ConsentEvent.Action.CONFIRMED):
            ConsentEvent.objects.create(
                subscriber=subscriber, newsletter=newsletter, action=action, at=now, source="test"
            )
    return made


def article_ids(edition: Edition) -> list[int]:
    return list(edition.articles.order_by("sort_order").values_list("article_id", flat=True))
