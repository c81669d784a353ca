"""Sending an edition to a real SMTP server: batches, rate, retries, bounces, progress.

Tasks run at once here (the immediate backend): `start_sending` queues the first run
when its transaction commits, and each run queues the next, to the end.
"""

import time
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from kiosque.newsletters import sending
from kiosque.newsletters.models import (
    Delivery,
    Edition,
    NewsletterList,
    Subscriber,
    Subscription,
)
from kiosque.newsletters.sending import INTERRUPTED, edition_progress, send_batch, start_sending
from tests.core.test_concurrent_writes_sqlite import free_port

pytestmark = pytest.mark.django_db

Status = Delivery.Status


class Queue:
    """Stands for the task: what would have been queued, nothing run."""

    def __init__(self, queued: list):
        self.queued = queued

    def enqueue(self, **kwargs):
        self.queued.append(kwargs)


def make_list(slug="essentiel", emails=(), **fields) -> NewsletterList:
    newsletter = NewsletterList.objects.create(
        name=slug.capitalize(), slug=slug, kind=NewsletterList.Kind.DIGEST, **fields
    )
    now = timezone.now()
    for email in emails:
        subscriber, _ = Subscriber.objects.get_or_create(email=email)
        Subscription.objects.create(
            subscriber=subscriber,
            newsletter=newsletter,
            status=Subscription.Status.CONFIRMED,
            requested_at=now,
            confirmed_at=now,
        )
    return newsletter


def addresses(count: int, domain: str = "example.org") -> list[str]:
    return [f"lecteur{n:02d}@{domain}" for n in range(count)]


def new_edition(newsletter, subject="L'essentiel du jour") -> Edition:
    return Edition.objects.create(newsletter=newsletter, subject=subject, status="ready")


def started(edition, django_capture_on_commit_callbacks) -> int:
    with django_capture_on_commit_callbacks(execute=True):
        return start_sending(edition)


def statuses(edition) -> dict[str, str]:
    return dict(Delivery.objects.filter(edition=edition).values_list("subscriber__email", "status"))


def test_an_edition_goes_once_to_each_confirmed_address_in_batches(
    smtp, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_BATCH_SIZE = 5
    newsletter = make_list(emails=addresses(12))
    # Not recipients: a pending subscription, an unsubscribed one, a suspended address.
    other = make_list("autre", emails=["ailleurs@example.org"])
    now = timezone.now()
    waiting = Subscriber.objects.create(email="pas-confirme@example.org")
    Subscription.objects.create(subscriber=waiting, newsletter=newsletter, requested_at=now)
    gone = Subscriber.objects.create(email="parti@example.org")
    Subscription.objects.create(
        subscriber=gone, newsletter=newsletter, requested_at=now, status="unsubscribed"
    )
    bounced = Subscriber.objects.create(email="rebond@example.org", suspended_at=now)
    Subscription.objects.create(
        subscriber=bounced, newsletter=newsletter, requested_at=now, status="confirmed"
    )
    edition = new_edition(newsletter)

    assert started(edition, django_capture_on_commit_callbacks) == 12

    assert sorted(smtp.handler.addresses()) == addresses(12)
    assert smtp.handler.connections == 3  # 5 + 5 + 2: one connection per batch
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SENT
    assert edition.prepared_at <= edition.started_at <= edition.finished_at
    assert edition_progress(edition) == {
        "pending": 0, "sending": 0, "sent": 12, "deferred": 0, "failed": 0, "suspended": 0,
    }  # fmt: skip
    assert not Delivery.objects.filter(edition__newsletter=other).exists()
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {1}


def test_start_sending_twice_lists_and_queues_once(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    queued = []
    monkeypatch.setattr("kiosque.newsletters.tasks.send_edition", Queue(queued))
    newsletter = make_list(emails=addresses(3))
    edition = new_edition(newsletter)
    assert started(edition, django_capture_on_commit_callbacks) == 3
    ids = list(Delivery.objects.order_by("pk").values_list("pk", flat=True))
    make_list("autre", emails=["nouveau@example.org"])
    Subscription.objects.filter(newsletter=newsletter).update(status="confirmed")

    assert started(edition, django_capture_on_commit_callbacks) == 3

    assert list(Delivery.objects.order_by("pk").values_list("pk", flat=True)) == ids
    assert queued == [{"edition_id": edition.pk}]
    assert edition_progress(edition)["pending"] == 3
    edition.status = Edition.Status.CANCELLED
    edition.save()
    with pytest.raises(ValueError, match="cancelled"):
        start_sending(edition)


def test_the_rate_setting_spaces_the_messages(smtp, settings, django_capture_on_commit_callbacks):
    settings.NEWSLETTER_SEND_RATE = 40
    edition = new_edition(make_list(emails=addresses(9)))
    begun = time.monotonic()
    started(edition, django_capture_on_commit_callbacks)
    took = time.monotonic() - begun
    assert len(smtp.handler.addresses()) == 9
    assert took >= 8 / 40 * 0.9, took  # eight gaps of 1/40 s at least (loosely)


def test_451_is_deferred_then_sent(smtp, settings, django_capture_on_commit_callbacks):
    settings.NEWSLETTER_RETRY_SECONDS = 60
    smtp.handler.refuse("lecteur01@example.org", "451 4.7.1 Greylisted, try later", times=1)
    edition = new_edition(make_list(emails=addresses(3)))

    started(edition, django_capture_on_commit_callbacks)

    row = Delivery.objects.get(subscriber__email="lecteur01@example.org")
    assert row.status == Status.DEFERRED
    assert row.last_error == "451 4.7.1 Greylisted, try later"
    assert timedelta(seconds=50) < row.next_attempt_at - timezone.now() <= timedelta(seconds=60)
    assert sorted(smtp.handler.addresses()) == ["lecteur00@example.org", "lecteur02@example.org"]
    # Not due yet: the run says how long to wait and sends nothing.
    result = send_batch(edition.pk)
    assert 50 < result.next_in <= 61
    Delivery.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())

    result = send_batch(edition.pk)
    assert result.counts == {"sent": 1}
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == (Status.SENT, 2, "")
    assert sorted(smtp.handler.addresses()) == addresses(3)
    assert send_batch(edition.pk).next_in is None  # nothing left: the edition is sent
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SENT


def test_a_message_deferred_too_often_fails(smtp, settings, django_capture_on_commit_callbacks):
    settings.NEWSLETTER_MAX_ATTEMPTS = 3
    smtp.handler.refuse("lecteur00@example.org", "452 4.2.2 Mailbox full")
    edition = new_edition(make_list(emails=addresses(1)))

    started(edition, django_capture_on_commit_callbacks)  # retries at once (0 s here)

    row = Delivery.objects.get()
    assert (row.status, row.attempts) == (Status.FAILED, 3)
    assert row.last_error == "452 4.2.2 Mailbox full"
    assert Subscriber.objects.get().suspended_at is None  # a 4xx never suspends
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SENT


@pytest.mark.parametrize("at", ["RCPT", "DATA"])
def test_550_suspends_the_address_for_every_list_and_the_next_edition_skips_it(
    smtp, at, django_capture_on_commit_callbacks
):
    smtp.handler.refuse("lecteur01@example.org", "550 5.1.1 No such user", at=at)
    newsletter = make_list(emails=addresses(3))
    other = make_list("alertes", emails=["lecteur01@example.org"])
    edition = new_edition(newsletter)

    started(edition, django_capture_on_commit_callbacks)

    assert statuses(edition)["lecteur01@example.org"] == Status.SUSPENDED
    bounced = Subscriber.objects.get(email="lecteur01@example.org")
    assert bounced.suspended_at is not None
    assert bounced.suspension_reason == "550 5.1.1 No such user"
    assert sorted(smtp.handler.addresses()) == ["lecteur00@example.org", "lecteur02@example.org"]
    assert edition_progress(edition)["suspended"] == 1

    next_one = new_edition(newsletter, "Le lendemain")
    assert started(next_one, django_capture_on_commit_callbacks) == 2
    alert = new_edition(other, "Alerte")
    assert started(alert, django_capture_on_commit_callbacks) == 0
    assert Edition.objects.get(pk=alert.pk).status == Edition.Status.SENT
    assert smtp.handler.addresses().count("lecteur01@example.org") == 0


def test_a_refused_connection_defers_and_loses_nothing(
    smtp, settings, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("kiosque.newsletters.tasks.send_edition", Queue([]))
    settings.NEWSLETTER_RETRY_SECONDS = 120
    settings.EMAIL_PORT = free_port()  # nothing listens there
    edition = new_edition(make_list(emails=addresses(4)))
    started(edition, django_capture_on_commit_callbacks)

    result = send_batch(edition.pk)

    # The first message met the closed port: deferred; the others wait, untouched.
    assert result.next_in == 120
    progress = edition_progress(edition)
    assert (progress["deferred"], progress["pending"], progress["failed"]) == (1, 3, 0)
    assert "connection" in Delivery.objects.get(status=Status.DEFERRED).last_error

    settings.EMAIL_PORT = smtp.port
    Delivery.objects.update(next_attempt_at=None)
    for _ in range(10):  # bounded: three runs are enough
        result = send_batch(edition.pk, after_id=result.after_id)
        if result.next_in is None:
            break
    assert sorted(smtp.handler.addresses()) == addresses(4)
    assert edition_progress(edition)["sent"] == 4


def test_a_message_lost_with_its_worker_is_not_sent_again(
    smtp, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """A SENDING row is a message a worker may have handed to the server before it died."""
    monkeypatch.setattr("kiosque.newsletters.tasks.send_edition", Queue([]))
    settings.NEWSLETTER_CLAIM_SECONDS = 300
    edition = new_edition(make_list(emails=addresses(3)))
    started(edition, django_capture_on_commit_callbacks)
    first = Delivery.objects.order_by("pk").first()
    claimed_at = timezone.now() - timedelta(seconds=30)
    Delivery.objects.filter(pk=first.pk).update(
        status=Status.SENDING, claimed_at=claimed_at, attempts=1
    )

    result = send_batch(edition.pk)
    # The two others went; the claimed one waits for its claim to age, untouched.
    assert sorted(smtp.handler.addresses()) == addresses(3)[1:]
    assert send_batch(edition.pk, after_id=result.after_id).next_in == pytest.approx(270, abs=5)

    Delivery.objects.filter(pk=first.pk).update(claimed_at=claimed_at - timedelta(seconds=300))
    assert send_batch(edition.pk).next_in is None
    first.refresh_from_db()
    assert (first.status, first.last_error) == (Status.FAILED, INTERRUPTED)
    assert "lecteur00@example.org" not in smtp.handler.addresses()
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SENT


def test_an_address_that_left_the_list_meanwhile_gets_nothing(
    smtp, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("kiosque.newsletters.tasks.send_edition", Queue([]))
    edition = new_edition(make_list(emails=addresses(3)))
    assert started(edition, django_capture_on_commit_callbacks) == 3
    Subscription.objects.filter(subscriber__email="lecteur00@example.org").update(
        status="unsubscribed"
    )
    Subscriber.objects.filter(email="lecteur02@example.org").update(suspended_at=timezone.now())

    for _ in range(10):  # bounded: two runs are enough
        if send_batch(edition.pk).next_in is None:
            break

    assert smtp.handler.addresses() == ["lecteur01@example.org"]
    assert statuses(edition) == {
        "lecteur01@example.org": Status.SENT,
        "lecteur02@example.org": Status.SUSPENDED,
    }


def test_two_runs_on_one_edition_never_send_twice(
    smtp, monkeypatch, django_capture_on_commit_callbacks
):
    """A claim is a compare-and-set: the second run finds the rows taken and skips them."""
    monkeypatch.setattr("kiosque.newsletters.tasks.send_edition", Queue([]))
    edition = new_edition(make_list(emails=addresses(4)))
    started(edition, django_capture_on_commit_callbacks)
    rows = sending.candidates(Edition.objects.get(pk=edition.pk), 0, 10)
    now = timezone.now()
    assert sending.claim(rows[0], now) is not None
    assert sending.claim(rows[0], now) is None  # already SENDING: nobody else sends it

    send_batch(edition.pk)
    assert sorted(smtp.handler.addresses()) == addresses(4)[1:]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_on_postgresql_send_each_message_once(smtp, monkeypatch):
    from tests.concurrency import on_postgresql, run_together

    on_postgresql()
    monkeypatch.setattr("kiosque.newsletters.tasks.send_edition", Queue([]))
    edition = new_edition(make_list(emails=addresses(40)))
    start_sending(edition)

    def worker():
        sent = Counter()
        for _ in range(10):  # bounded: each run goes over the rows the other left
            result = send_batch(edition.pk)
            sent.update(result.counts)
            if result.next_in is None:
                break
        return sent

    outcomes = run_together([worker, worker])

    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert outcomes[0]["sent"] + outcomes[1]["sent"] == 40
    assert sorted(smtp.handler.addresses()) == addresses(40)  # each once
    assert edition_progress(edition)["sent"] == 40


def test_a_message_whose_answer_never_came_is_not_sent_again(
    smtp, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """The data was written and the 250 did not come in time: the server may have queued
    the message. Retrying would give the reader two copies; it is FAILED, never retried."""
    monkeypatch.setattr("kiosque.newsletters.tasks.send_edition", Queue([]))
    settings.NEWSLETTER_SMTP_TIMEOUT = 1
    smtp.handler.hold(1)  # the server takes the first message, and answers too late
    edition = new_edition(make_list(emails=addresses(2)))
    started(edition, django_capture_on_commit_callbacks)

    result = send_batch(edition.pk)
    smtp.handler.release.set()
    for _ in range(5):  # bounded: nothing is left to send
        if result.next_in is None:
            break
        result = send_batch(edition.pk, after_id=result.after_id)

    assert smtp.handler.addresses() == addresses(2)  # each once
    first = Delivery.objects.get(subscriber__email="lecteur00@example.org")
    assert first.status == Status.FAILED and first.attempts == 1
    assert first.last_error.startswith(sending.INTERRUPTED_AFTER_DATA)
    assert statuses(edition)["lecteur01@example.org"] == Status.SENT
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SENT


def test_an_error_while_claiming_keeps_the_outcome_of_the_message_before(
    smtp, monkeypatch, django_capture_on_commit_callbacks
):
    """The outcome of a sent message is written with the next claim: if that claim fails,
    its rollback must not lose the outcome (the message would later count as FAILED)."""
    monkeypatch.setattr("kiosque.newsletters.tasks.send_edition", Queue([]))
    edition = new_edition(make_list(emails=addresses(2)))
    started(edition, django_capture_on_commit_callbacks)
    real_claim, calls = sending.claim, []

    def claim_failing_the_second_time(row, now):
        calls.append(row["pk"])
        if len(calls) == 2:
            raise RuntimeError("database is locked")
        return real_claim(row, now)

    monkeypatch.setattr(sending, "claim", claim_failing_the_second_time)
    with pytest.raises(RuntimeError):
        send_batch(edition.pk)

    assert smtp.handler.addresses() == ["lecteur00@example.org"]
    assert statuses(edition) == {
        "lecteur00@example.org": Status.SENT,
        "lecteur01@example.org": Status.PENDING,
    }


def test_an_address_with_accents_is_sent_through_the_same_steps(
    smtp, monkeypatch, django_capture_on_commit_callbacks
):
    """Such an address needs Django's encoding (not the edition's raw bytes); it goes
    through the same MAIL, RCPT, DATA steps and is recorded SENT."""
    monkeypatch.setattr("kiosque.newsletters.tasks.send_edition", Queue([]))
    edition = new_edition(make_list(emails=["léa@exemple.fr", "lecteur00@example.org"]))
    started(edition, django_capture_on_commit_callbacks)

    send_batch(edition.pk)

    assert len(smtp.handler.received) == 2
    assert set(statuses(edition).values()) == {Status.SENT}
    accented = [m.message for m in smtp.handler.received if "lecteur00" not in m.rcpt_tos[0]]
    assert "exemple.fr" in str(accented[0]["To"])
