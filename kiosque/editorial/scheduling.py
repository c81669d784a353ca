"""Scheduled publishing and unpublishing (go-live, expiry, wire embargoes), safe with
several workers.

Wagtail's `publish_scheduled` reads the due revisions, then publishes them one by one:
two workers running it at once both publish the same revision (two publications in the
log, two « page published » signals, two purges). Here each due revision, and each
expired page, is claimed in its own short transaction with
`select_for_update(skip_locked=True)`: a second worker skips what the first holds, and
once the first commits, the row no longer matches (its go-live date is cleared, the page
is no longer live). On SQLite, which has no row locks, the write transaction is taken at
BEGIN (IMMEDIATE mode, see decision 0006): the second worker waits, then finds nothing.

`kiosque worker` calls `run_schedule()` every few seconds (see the worker command).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page, Revision

logger = logging.getLogger(__name__)

# One claim per transaction; a tick handles at most this many of each kind, so a backlog
# (a worker stopped for a day) never holds the database for long.
MAX_PER_TICK = 200


@dataclass
class ScheduleResult:
    published: int = 0
    unpublished: int = 0
    failed: int = 0


def due_revisions(now):
    return Revision.objects.filter(approved_go_live_at__lte=now).order_by(
        "approved_go_live_at", "pk"
    )


def claim_due_revision(now, exclude=()) -> Revision | None:
    """Lock one due revision for the calling transaction, skipping those others hold."""
    return due_revisions(now).exclude(pk__in=exclude).select_for_update(skip_locked=True).first()


def expiring_models() -> list:
    """Page, plus every non-page model with a draft state (snippets), as Wagtail does."""
    return [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


def claim_expired(model, now, exclude=()):
    return (
        model.objects.filter(live=True, expire_at__lte=now)
        .exclude(pk__in=exclude)
        .order_by("expire_at", "pk")
        .select_for_update(skip_locked=True)
        .first()
    )


def publish_due_revisions(now=None) -> tuple[int, int]:
    """Publish every revision whose go-live time has come. Returns (published, failed)."""
    published = failed = 0
    skipped: set[int] = set()
    for _ in range(MAX_PER_TICK):
        with transaction.atomic():
            # A revision that failed is left for the next tick, not retried in a loop.
            revision = claim_due_revision(now or timezone.now(), exclude=skipped)
            if revision is None:
                break
            try:
                with transaction.atomic():
                    # The revision's go-live time has passed, so this makes it live and
                    # clears approved_go_live_at: no other worker can match it again.
                    revision.publish(log_action="wagtail.publish.scheduled")
                revision.refresh_from_db(fields=["approved_go_live_at"])
                if revision.approved_go_live_at is None:
                    published += 1
                else:
                    # Wagtail judged its time not yet come (a `now` ahead of the clock):
                    # it is scheduled again, not published; leave it for a later tick.
                    skipped.add(revision.pk)
            except Exception:
                logger.exception("Scheduled publication of revision %s failed", revision.pk)
                skipped.add(revision.pk)
                failed += 1
    return published, failed


def unpublish_expired(now=None) -> tuple[int, int]:
    """Unpublish every live page (or snippet) whose expiry time has come."""
    unpublished = failed = 0
    for model in expiring_models():
        skipped: set[int] = set()
        for _ in range(MAX_PER_TICK):
            with transaction.atomic():
                item = claim_expired(model, now or timezone.now(), exclude=skipped)
                if item is None:
                    break
                try:
                    with transaction.atomic():
                        target = item.specific if isinstance(item, Page) else item
                        target.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
                    unpublished += 1
                except Exception:
                    logger.exception("Scheduled unpublication of %r failed", item)
                    skipped.add(item.pk)
                    failed += 1
    return unpublished, failed


def seconds_until_next_due(now=None) -> float | None:
    """How long until the next scheduled publication or expiry of a page (None: none).

    Lets the worker wake at that moment rather than at its next regular tick.
    """
    now = now or timezone.now()
    moments = [
        Revision.objects.filter(approved_go_live_at__isnull=False)
        .order_by("approved_go_live_at")
        .values_list("approved_go_live_at", flat=True)
        .first(),
        Page.objects.filter(live=True, expire_at__isnull=False)
        .order_by("expire_at")
        .values_list("expire_at", flat=True)
        .first(),
    ]
    moments = [moment for moment in moments if moment is not None]
    if not moments:
        return None
    return max(0.0, (min(moments) - now).total_seconds())


def run_schedule(now=None) -> ScheduleResult:
    """One tick: expiries first (as Wagtail does), then due publications."""
    unpublished, failed_down = unpublish_expired(now)
    published, failed_up = publish_due_revisions(now)
    result = ScheduleResult(published, unpublished, failed_down + failed_up)
    if published or unpublished or result.failed:
        logger.info(
            "Schedule: %s published, %s unpublished, %s failed",
            published,
            unpublished,
            result.failed,
        )
    return result
