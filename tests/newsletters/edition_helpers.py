"""Builders shared by the editions' tests (digests, follows, alerts, their admin)."""

from __future__ import annotations

import importlib
import sys
import types
from datetime import time

from django.utils import timezone

from kiosque.newsletters.models import (
    ConsentEvent,
    Delivery,
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


def use_sending(monkeypatch) -> None:
    """The real kiosque.newsletters.sending when it exists; until then a stand-in that
    lists the recipients as it would (one Delivery each) and marks the edition sending."""
    try:
        importlib.import_module("kiosque.newsletters.sending")
        return
    except ImportError:
        pass

    def start_sending(edition: Edition) -> int:
        subscriptions = Subscription.objects.filter(
            newsletter=edition.newsletter,
            status=Subscription.Status.CONFIRMED,
            subscriber__suspended_at__isnull=True,
        )
        for subscription in subscriptions:
            Delivery.objects.get_or_create(edition=edition, subscriber=subscription.subscriber)
        Edition.objects.filter(pk=edition.pk).update(
            status=Edition.Status.SENDING, prepared_at=timezone.now()
        )
        return subscriptions.count()

    def edition_progress(edition: Edition) -> dict:
        counts = {status: 0 for status in Delivery.Status.values}
        for status in Delivery.objects.filter(edition=edition).values_list("status", flat=True):
            counts[status] += 1
        counts["total"] = sum(counts.values())
        return counts

    stand_in = types.ModuleType("kiosque.newsletters.sending")
    stand_in.start_sending = start_sending
    stand_in.edition_progress = edition_progress
    monkeypatch.setitem(sys.modules, "kiosque.newsletters.sending", stand_in)
