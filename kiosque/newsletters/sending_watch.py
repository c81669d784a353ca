"""The sendings' watch, one tick of a periodic job run by every `kiosque worker`.

The sending is a chain of tasks, each queueing the next (kiosque.newsletters.tasks). An
error the run does not expect (a locked SQLite file, a template error), a process that
dies between a commit and its enqueue, or a backend that cannot defer ends the chain and
would leave the edition SENDING for ever. The watch:

- queues `send_edition` again for an edition in SENDING with work due and no claim for
  NEWSLETTER_CLAIM_SECONDS (a chain running claims far more often). Two runs at once are
  safe, the claims being compare-and-set; the cache still keeps it to one queued run per
  edition and NEWSLETTER_CLAIM_SECONDS, so that a busy queue is not filled every tick.
- starts the alerts and follows left READY (their start failed mid-way) for
  NEWSLETTER_CLAIM_SECONDS; the digests have their own job.
- deletes the Delivery rows of editions finished NEWSLETTER_DELIVERY_DAYS ago (a row per
  recipient and edition, and errors that may quote addresses), keeping the edition's
  counts per outcome in Edition.delivery_counts.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kiosque.newsletters.models import Delivery, Edition, NewsletterList

logger = logging.getLogger("kiosque.newsletters")

Status = Delivery.Status
RESUMED_KEY = "newsletters:resumed:{}"
# Editions whose rows are deleted per tick: a tick stays short, the rest waits.
PURGED_PER_TICK = 5


def quiet_since(edition: Edition) -> datetime:
    """Since when the edition's chain has given no sign of life: its last claim, or the
    end of the pause it chose (a deferred last message, a server that was not there)."""
    last = (
        Delivery.objects.filter(edition_id=edition.pk, claimed_at__isnull=False)
        .order_by("-claimed_at")
        .values("status", "claimed_at", "next_attempt_at")
        .first()
    )
    since = edition.started_at or edition.created_at
    if last is not None:
        since = max(since, last["claimed_at"])
        if last["status"] == Status.DEFERRED and last["next_attempt_at"] is not None:
            since = max(since, last["next_attempt_at"])
    return since


def has_work(edition: Edition, stale: datetime) -> bool:
    """A run would do something: send a due message, record an old claim, or find nothing
    left and mark the edition SENT."""
    rows = Delivery.objects.filter(edition_id=edition.pk)
    due = (
        Q(status=Status.PENDING)
        | Q(status=Status.DEFERRED, next_attempt_at__isnull=True)
        # Due for a while: the run queued for that time has had its chance.
        | Q(status=Status.DEFERRED, next_attempt_at__lte=stale)
        | Q(status=Status.SENDING, claimed_at__lt=stale)
    )
    if rows.filter(due).exists():
        return True
    unfinished = (Status.PENDING, Status.DEFERRED, Status.SENDING)
    return not rows.filter(status__in=unfinished).exists()


def resume_stalled(now: datetime) -> list[int]:
    """Queue a run for each edition whose sending stopped; their ids."""
    from kiosque.newsletters.tasks import send_edition

    stale = now - timedelta(seconds=settings.NEWSLETTER_CLAIM_SECONDS)
    resumed = []
    sending = Edition.objects.filter(status=Edition.Status.SENDING, started_at__lt=stale)
    for edition in sending.order_by("pk"):
        if quiet_since(edition) >= stale or not has_work(edition, stale):
            continue
        if not cache.add(RESUMED_KEY.format(edition.pk), 1, settings.NEWSLETTER_CLAIM_SECONDS):
            continue  # queued by an earlier tick, not run yet
        send_edition.enqueue(edition_id=edition.pk)
        logger.warning("Newsletter edition %s: its sending had stopped, queued again", edition.pk)
        resumed.append(edition.pk)
    return resumed


def start_left_ready(now: datetime) -> list[int]:
    """Start the alerts and follows still READY long after they were made; their ids."""
    from kiosque.newsletters.edition_start import edition_start

    stale = now - timedelta(seconds=settings.NEWSLETTER_CLAIM_SECONDS)
    left = Edition.objects.filter(
        Q(send_at__isnull=True) | Q(send_at__lte=now),
        status=Edition.Status.READY,
        created_at__lt=stale,
        newsletter__kind__in=(NewsletterList.Kind.ALERT, NewsletterList.Kind.FOLLOW),
    )
    started = []
    for edition in left.order_by("pk"):
        try:
            if edition_start(edition) is not None:
                started.append(edition.pk)
                logger.warning("Newsletter edition %s: left ready, started", edition.pk)
        except Exception:
            # One edition that cannot start (a template error) must not stop the others.
            logger.exception("Newsletter edition %s: left ready, could not start", edition.pk)
    return started


def purge_old_deliveries(now: datetime) -> list[int]:
    """Delete the rows of editions finished NEWSLETTER_DELIVERY_DAYS ago, their counts kept
    on the edition in the same transaction; the editions' ids."""
    from kiosque.newsletters.sending import edition_progress

    cutoff = now - timedelta(days=settings.NEWSLETTER_DELIVERY_DAYS)
    old = Edition.objects.filter(
        status__in=(Edition.Status.SENT, Edition.Status.CANCELLED),
        finished_at__lt=cutoff,
        delivery_counts__isnull=True,
    )
    purged = []
    for edition in old.order_by("finished_at")[:PURGED_PER_TICK]:
        with transaction.atomic():
            counts = edition_progress(edition)
            Edition.objects.filter(pk=edition.pk).update(delivery_counts=counts)
            Delivery.objects.filter(edition_id=edition.pk).delete()
        purged.append(edition.pk)
    return purged


def watch_sendings() -> None:
    now = timezone.now()
    resume_stalled(now)
    start_left_ready(now)
    purge_old_deliveries(now)
