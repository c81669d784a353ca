"""The sendings' watch: a sending whose chain of tasks stopped is resumed, once; alerts and
follows left ready are started; old editions' delivery rows go, their counts stay."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from kiosque.newsletters.models import Delivery, Edition, NewsletterList
from kiosque.newsletters.sending import edition_progress, send_batch
from kiosque.newsletters.sending_watch import (
    RESUMED_KEY,
    purge_old_deliveries,
    resume_stalled,
    watch_sendings,
)
from tests.newsletters.test_sending import (
    Queue,
    addresses,
    make_list,
    new_edition,
    started,
    statuses,
)

pytestmark = pytest.mark.django_db

Status = Delivery.Status


def aged(edition, seconds: float) -> None:
    """The edition started, and its rows were claimed, `seconds` ago."""
    then = timezone.now() - timedelta(seconds=seconds)
    Edition.objects.filter(pk=edition.pk).update(started_at=then, created_at=then)
    Delivery.objects.filter(edition=edition, claimed_at__isnull=False).update(claimed_at=then)
    cache.delete(RESUMED_KEY.format(edition.pk))


def test_a_sending_whose_chain_broke_is_resumed_and_each_message_goes_once(
    smtp, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_CLAIM_SECONDS = 300
    queued = []
    monkeypatch.setattr("kiosque.newsletters.tasks.send_edition", Queue(queued))
    edition = new_edition(make_list(emails=addresses(3)))
    started(edition, django_capture_on_commit_callbacks)
    send_batch(edition.pk, limit=1)  # one message went, then the chain broke
    queued.clear()

    # Still within the claim's time: a chain may be running, nothing is queued.
    aged(edition, 60)
    assert resume_stalled(timezone.now()) == []

    aged(edition, 400)
    assert resume_stalled(timezone.now()) == [edition.pk]
    assert resume_stalled(timezone.now()) == []  # not again at the next tick
    assert queued == [{"edition_id": edition.pk}]

    # The real task now (the immediate backend runs it, and the runs it queues, at once).
    monkeypatch.undo()
    cache.delete(RESUMED_KEY.format(edition.pk))
    watch_sendings()
    assert sorted(smtp.handler.addresses()) == addresses(3)  # each once
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SENT
    watch_sendings()
    assert len(smtp.handler.addresses()) == 3


def test_an_alert_left_ready_is_started(smtp, settings, django_capture_on_commit_callbacks):
    settings.NEWSLETTER_CLAIM_SECONDS = 300
    alert = make_list("alertes", emails=addresses(2))
    NewsletterList.objects.filter(pk=alert.pk).update(kind=NewsletterList.Kind.ALERT)
    edition = new_edition(alert)  # its start failed mid-way: READY, nothing listed
    waiting_digest = new_edition(make_list("essentiel", emails=addresses(1)))
    aged(edition, 400)
    aged(waiting_digest, 400)

    with django_capture_on_commit_callbacks(execute=True):
        watch_sendings()

    assert sorted(smtp.handler.addresses()) == addresses(2)
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SENT
    # A digest goes at its time, by the digests' job: left alone.
    assert Edition.objects.get(pk=waiting_digest.pk).status == Edition.Status.READY


def test_old_editions_lose_their_rows_and_keep_their_counts(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_DELIVERY_DAYS = 90
    monkeypatch.setattr("kiosque.newsletters.tasks.send_edition", Queue([]))
    old, recent = (new_edition(make_list(slug, emails=addresses(3))) for slug in ("a", "b"))
    for edition in (old, recent):
        started(edition, django_capture_on_commit_callbacks)
        Delivery.objects.filter(edition=edition).update(status=Status.SENT)
        Delivery.objects.filter(edition=edition).filter(
            pk=Delivery.objects.filter(edition=edition).order_by("pk").values("pk")[:1]
        ).update(status=Status.FAILED, last_error="550 lecteur00@example.org unknown")
    now = timezone.now()
    Edition.objects.filter(pk=old.pk).update(status="sent", finished_at=now - timedelta(days=91))
    Edition.objects.filter(pk=recent.pk).update(status="sent", finished_at=now - timedelta(days=10))

    assert purge_old_deliveries(now) == [old.pk]
    assert purge_old_deliveries(now) == []

    assert not Delivery.objects.filter(edition=old).exists()
    assert len(statuses(recent)) == 3
    progress = edition_progress(Edition.objects.get(pk=old.pk))
    assert (progress["sent"], progress["failed"], progress["pending"]) == (2, 1, 0)
