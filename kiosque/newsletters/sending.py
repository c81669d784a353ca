"""Sending an edition: one Delivery row per recipient, each address at most once.

`start_sending(edition)` lists the recipients once (confirmed subscriptions of
addresses not suspended) as PENDING rows and queues the sending task; the workers then
run `send_batch()` again and again (kiosque.newsletters.tasks), each run sending up to
NEWSLETTER_BATCH_SIZE messages over one SMTP connection at NEWSLETTER_SEND_RATE messages
per second, until no row is left to send.

At most once (decision 0083): a row is claimed (SENDING, committed) before its message
goes to the SMTP server, and its outcome is written after, in the same transaction that
claims the next one. A worker killed in between leaves one SENDING row: nobody knows
whether the server took the message, so it is never sent again; once its claim is older
than NEWSLETTER_CLAIM_SECONDS (far longer than one SMTP exchange may last) the next run
records it FAILED, "interrupted". The claim is a conditional UPDATE (only a row still
PENDING or DEFERRED and due), so of two workers on one edition exactly one claims a row,
on SQLite (one writer at a time) as on PostgreSQL (the row lock, the condition read
again after it).

Outcomes: 250 → SENT; a 4xx answer or a lost connection → DEFERRED, tried again after a
growing delay, FAILED after NEWSLETTER_MAX_ATTEMPTS; a 5xx answer to RCPT or DATA (a hard
bounce) → the address is suspended for every list and the row SUSPENDED. A connection
lost or timed out once the message's data was written (waiting for the server's answer to
it) → FAILED at once, "interrupted": the server may have queued it, so it is never sent
again (the same reasoning as for a worker that dies).
"""

from __future__ import annotations

import contextlib
import logging
import re
import smtplib
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.message import sanitize_address
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone

from kiosque.newsletters.messages import PreparedEdition, render_edition
from kiosque.newsletters.models import Delivery, Edition, Subscriber, Subscription

logger = logging.getLogger("kiosque.newsletters")

Status = Delivery.Status
INTERRUPTED = "interrupted: unknown whether it was delivered"
INTERRUPTED_AFTER_DATA = "interrupted after the data: unknown whether it was delivered"
# Recipients are listed this many rows per INSERT (memory stays flat in the list's size).
LISTING_CHUNK = 2000
# The longest wait between two tries of one message, whatever the attempt.
LONGEST_RETRY_SECONDS = 6 * 3600
ERROR_LENGTH = 500


# --- listing the recipients ---------------------------------------------------------


def recipients(edition: Edition):
    """Subscriber ids that should get `edition`: confirmed on its list, not suspended."""
    return (
        Subscription.objects.filter(
            newsletter_id=edition.newsletter_id,
            status=Subscription.Status.CONFIRMED,
            subscriber__suspended_at__isnull=True,
        )
        .order_by("subscriber_id")
        .values_list("subscriber_id", flat=True)
    )


def list_recipients(edition: Edition) -> int:
    """One PENDING Delivery per recipient, inserted in chunks; rows already there stay."""
    created = 0
    chunk: list[Delivery] = []
    for subscriber_id in recipients(edition).iterator(chunk_size=LISTING_CHUNK):
        chunk.append(Delivery(edition_id=edition.pk, subscriber_id=subscriber_id))
        if len(chunk) == LISTING_CHUNK:
            Delivery.objects.bulk_create(chunk, ignore_conflicts=True)
            created += len(chunk)
            chunk = []
    if chunk:
        Delivery.objects.bulk_create(chunk, ignore_conflicts=True)
        created += len(chunk)
    return created


def start_sending(edition: Edition) -> int:
    """List `edition`'s recipients (once) and queue its sending; the number of recipients.

    Called twice, it lists nobody again and queues nothing more. A cancelled edition is
    refused (ValueError). The edition is rendered here first: its pictures' renditions
    are made now, and a template error stops the send before any row exists.
    """
    from kiosque.newsletters.tasks import send_edition

    now = timezone.now()
    with transaction.atomic():
        locked = Edition.objects.select_for_update().select_related("newsletter")
        edition = locked.get(pk=edition.pk)
        if edition.status == Edition.Status.CANCELLED:
            raise ValueError(f"edition {edition.pk} is cancelled: it cannot be sent")
        changed = []
        if edition.prepared_at is None:
            prepared_edition(edition)
            list_recipients(edition)
            edition.prepared_at = now
            changed.append("prepared_at")
        if edition.status not in (Edition.Status.SENDING, Edition.Status.SENT):
            edition.status = Edition.Status.SENDING
            edition.started_at = now
            changed += ["status", "started_at"]
            edition_id = edition.pk
            transaction.on_commit(lambda: send_edition.enqueue(edition_id=edition_id))
        if changed:
            edition.save(update_fields=changed)
    return Delivery.objects.filter(edition_id=edition.pk).count()


def edition_progress(edition: Edition) -> dict[str, int]:
    """How many of the edition's messages are in each state (every state present); once
    its rows are deleted (sending_watch), the counts kept on the edition."""
    counts = dict.fromkeys(Status.values, 0)
    if edition.delivery_counts is not None:
        counts.update(edition.delivery_counts)
        return counts
    rows = (
        Delivery.objects.filter(edition_id=edition.pk)
        .order_by()
        .values_list("status")
        .annotate(count=Count("pk"))
    )
    counts.update(dict(rows))
    return counts


# --- rendering, once per process and edition -----------------------------------------

_prepared: dict[tuple[int, datetime | None], PreparedEdition] = {}
_PREPARED_KEPT = 4


def prepared_edition(edition: Edition) -> PreparedEdition:
    """The edition rendered, kept in this process while it is being sent."""
    key = (edition.pk, edition.prepared_at)
    if key not in _prepared:
        while len(_prepared) >= _PREPARED_KEPT:
            _prepared.pop(next(iter(_prepared)))
        _prepared[key] = render_edition(edition)
    return _prepared[key]


# --- the SMTP side -------------------------------------------------------------------


class Recipient(NamedTuple):
    """What a message needs of its subscriber (no model instance per message)."""

    pk: int
    email: str


@dataclass(frozen=True)
class Outcome:
    status: str  # SENT, DEFERRED, SUSPENDED (a hard bounce) or FAILED (fate unknown)
    error: str = ""
    # The connection is gone (refused, reset, timed out): the next message reconnects.
    broken: bool = False
    # The server is not there or refuses our sender: this run stops rather than spend
    # every message's attempts on it.
    stop: bool = False


SENT = Outcome(Status.SENT)


def _reply(code: int, message) -> str:
    text = message.decode(errors="replace") if isinstance(message, bytes) else str(message)
    return f"{code} {' '.join(text.split())}"[:ERROR_LENGTH]


def classify(error: Exception) -> Outcome:
    """What an SMTP error means for the message, the address and this run."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, message = next(iter(error.recipients.values()), (451, b""))
        status = Status.SUSPENDED if 500 <= code < 600 else Status.DEFERRED
        return Outcome(status, _reply(code, message))
    if isinstance(error, smtplib.SMTPSenderRefused):
        # Our From refused: no fault of the address, and every message would meet it.
        return Outcome(Status.DEFERRED, _reply(error.smtp_code, error.smtp_error), stop=True)
    if isinstance(error, smtplib.SMTPDataError):
        status = Status.SUSPENDED if 500 <= error.smtp_code < 600 else Status.DEFERRED
        return Outcome(status, _reply(error.smtp_code, error.smtp_error))
    if isinstance(error, smtplib.SMTPResponseException) and not isinstance(
        error, smtplib.SMTPServerDisconnected
    ):
        # HELO, AUTH, STARTTLS refused: the connection, not the address.
        return Outcome(Status.DEFERRED, _reply(error.smtp_code, error.smtp_error), stop=True)
    # Refused, timed out, reset, closed by the server: the message was not taken (a
    # server takes charge of a message only with its 250 after the data).
    reason = f"connection: {error or type(error).__name__}"[:ERROR_LENGTH]
    return Outcome(Status.DEFERRED, reason, broken=True)


def classify_after_data(error: Exception) -> Outcome:
    """An error once the message's data is written: the server's own answer still means
    what it says; anything else (a timeout, a lost connection waiting for that answer)
    leaves the message's fate unknown, and it is not tried again."""
    if isinstance(error, smtplib.SMTPDataError):
        return classify(error)
    reason = f"{INTERRUPTED_AFTER_DATA} ({error or type(error).__name__})"[:ERROR_LENGTH]
    return Outcome(Status.FAILED, reason, broken=True)


def escape_dots(data: bytes) -> bytes:
    """The message as DATA sends it: CRLF line ends, a leading dot doubled, the final dot."""
    data = re.sub(rb"(?:\r\n|\n|\r(?!\n))", b"\r\n", data)
    data = re.sub(rb"(?m)^\.", b"..", data)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"


class Transmission:
    """One message over an open smtplib connection, MAIL, RCPT and DATA driven one by
    one (smtplib's sendmail() does not tell whether the data was written before it
    failed): `data_written` is set once the whole message is on the wire."""

    def __init__(self, connection: smtplib.SMTP):
        self.connection = connection
        self.data_written = False

    def send(self, from_address: str, to_address: str, data: bytes) -> None:
        smtp = self.connection
        smtp.ehlo_or_helo_if_needed()
        options = []
        if smtp.does_esmtp and smtp.has_extn("size"):
            options.append(f"size={len(data)}")
        code, reply = smtp.mail(from_address, options)
        if code != 250:
            self._reset()
            raise smtplib.SMTPSenderRefused(code, reply, from_address)
        code, reply = smtp.rcpt(to_address)
        if code not in (250, 251):
            self._reset()
            raise smtplib.SMTPRecipientsRefused({to_address: (code, reply)})
        smtp.putcmd("data")
        code, reply = smtp.getreply()
        if code != 354:
            self._reset()
            raise smtplib.SMTPDataError(code, reply)
        smtp.send(escape_dots(data))
        self.data_written = True
        code, reply = smtp.getreply()
        if code != 250:
            raise smtplib.SMTPDataError(code, reply)

    def _reset(self) -> None:
        # After a refusal the server must forget the envelope; a closed connection has.
        with contextlib.suppress(smtplib.SMTPServerDisconnected):
            self.connection.rset()


class Sender:
    """One SMTP connection for a run, opened at the first message, opened again once
    after a lost connection.

    Through Django's SMTP backend each message is the edition's bytes with the
    recipient's address, link and id put in (messages.RawTemplate); through any other
    backend (files in var/mail/, the tests' outbox) it is message_for()'s message."""

    def __init__(self, prepared: PreparedEdition):
        from django.core.mail.backends.smtp import EmailBackend

        self.prepared = prepared
        self.backend = get_connection(timeout=settings.NEWSLETTER_SMTP_TIMEOUT)
        self.smtp = isinstance(self.backend, EmailBackend)
        self.raw = prepared.raw_template() if self.smtp else None
        self.open = False

    def deliver(self, recipient: Recipient, transmission: Transmission | None) -> None:
        if transmission is None:  # not SMTP: files, the tests' outbox
            self.backend.send_messages([self.prepared.message_for(recipient)])
            return
        made = self.raw.message_for(recipient) if self.raw is not None else None
        if made is None:  # an address the raw bytes cannot carry: Django's own message
            message = self.prepared.message_for(recipient)
            encoding = message.encoding or settings.DEFAULT_CHARSET
            (to_address,) = [sanitize_address(a, encoding) for a in message.recipients()]
            data = message.message().as_bytes(linesep="\r\n")
            transmission.send(sanitize_address(message.from_email, encoding), to_address, data)
        else:
            transmission.send(self.raw.from_address, made[0], made[1])

    def send(self, recipient: Recipient) -> Outcome:
        transmission = None
        try:
            if not self.open:
                self.backend.open()
                self.open = True
            if self.smtp:
                transmission = Transmission(self.backend.connection)
            self.deliver(recipient, transmission)
        except (smtplib.SMTPException, OSError) as error:
            if transmission is not None and transmission.data_written:
                outcome = classify_after_data(error)
            else:
                outcome = classify(error)
            if outcome.broken or outcome.stop:
                was_open = self.open
                self.close()
                if not was_open:  # refused at once: this run stops
                    return Outcome(outcome.status, outcome.error, broken=True, stop=True)
            return outcome
        return SENT

    def close(self) -> None:
        if self.open:
            self.open = False
            try:
                self.backend.close()
            except (smtplib.SMTPException, OSError):
                self.backend.connection = None


class Pacer:
    """At most `rate` messages a second (0: as fast as they go)."""

    def __init__(self, rate: float):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.next_at = time.monotonic()

    def wait_needed(self) -> float:
        return max(0.0, self.next_at - time.monotonic())

    def sent(self) -> None:
        self.next_at = max(self.next_at + self.interval, time.monotonic() - self.interval)


# --- one run ------------------------------------------------------------------------


@dataclass
class BatchResult:
    counts: Counter = field(default_factory=Counter)
    after_id: int = 0  # the last row this run looked at (the next run starts after it)
    # None: nothing left, the edition is SENT (or not sending); 0: go on at once;
    # otherwise the seconds until something is due (a deferred message, an old claim).
    next_in: float | None = None


@dataclass(frozen=True)
class Claim:
    delivery_id: int
    subscriber_id: int
    email: str
    attempts: int  # this one included
    claimed_at: datetime


def retry_delay(attempts: int) -> float:
    return min(settings.NEWSLETTER_RETRY_SECONDS * 2 ** max(attempts - 1, 0), LONGEST_RETRY_SECONDS)


def record(claim: Claim, outcome: Outcome, counts: Counter) -> None:
    """Write what became of a claimed message (inside the caller's transaction)."""
    now = timezone.now()
    mine = Delivery.objects.filter(pk=claim.delivery_id, claimed_at=claim.claimed_at)
    if outcome.status == Status.SENT:
        # Even over FAILED: a claim taken for interrupted while it was still going.
        mine.update(status=Status.SENT, sent_at=now, last_error="")
    elif outcome.status == Status.FAILED:
        # Its fate is unknown (lost after the data): never tried again, whatever the count.
        mine.update(status=Status.FAILED, last_error=outcome.error)
    elif outcome.status == Status.SUSPENDED:
        from kiosque.newsletters.services import suspend

        mine.update(status=Status.SUSPENDED, last_error=outcome.error)
        suspend(Subscriber(pk=claim.subscriber_id, email=claim.email), outcome.error)
        logger.info("Newsletter: %s suspended (%s)", claim.email, outcome.error)
    elif claim.attempts >= settings.NEWSLETTER_MAX_ATTEMPTS:
        mine.update(status=Status.FAILED, last_error=outcome.error)
        outcome = Outcome(Status.FAILED, outcome.error)
    else:
        later = now + timedelta(seconds=retry_delay(claim.attempts))
        mine.update(status=Status.DEFERRED, next_attempt_at=later, last_error=outcome.error)
    counts[outcome.status] += 1


def claim(candidate: dict, now: datetime) -> Claim | None:
    """The candidate's row for this worker, if it is still to be sent (compare and set)."""
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    taken = (
        Delivery.objects.filter(pk=candidate["pk"], status__in=(Status.PENDING, Status.DEFERRED))
        .filter(due)
        .update(status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )
    if not taken:
        return None
    return Claim(
        candidate["pk"],
        candidate["subscriber_id"],
        candidate["subscriber__email"],
        candidate["attempts"] + 1,
        now,
    )


CANDIDATE_FIELDS = ("pk", "subscriber_id", "subscriber__email", "subscriber__suspended_at")
CANDIDATE_FIELDS += ("attempts", "wanted")


def candidates(edition: Edition, after_id: int, limit: int) -> list[dict]:
    """The next rows to send: PENDING ones after `after_id` in id order (a range of the
    primary key, cheap however far the send has gone), then any PENDING one left, then
    DEFERRED ones now due."""
    still_wanted = Exists(
        Subscription.objects.filter(
            subscriber_id=OuterRef("subscriber_id"),
            newsletter_id=edition.newsletter_id,
            status=Subscription.Status.CONFIRMED,
        )
    )
    rows = (
        Delivery.objects.filter(edition_id=edition.pk)
        .annotate(wanted=still_wanted)
        .order_by("pk")
        .values(*CANDIDATE_FIELDS)
    )
    pending = rows.filter(status=Status.PENDING)
    found = list(pending.filter(pk__gt=after_id)[:limit])
    if not found and after_id:
        found = list(pending[:limit])
    if not found:
        due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now())
        found = list(rows.filter(due, status=Status.DEFERRED)[:limit])
    return found


def set_aside_unwanted(rows: list[dict], counts: Counter) -> list[dict]:
    """Rows whose address was suspended or left the list since the listing: a suspended
    one is SUSPENDED, an unsubscribed one is no longer a recipient (its row goes)."""
    suspended = [r["pk"] for r in rows if r["subscriber__suspended_at"] is not None]
    left = [r["pk"] for r in rows if r["subscriber__suspended_at"] is None and not r["wanted"]]
    claimable = (Status.PENDING, Status.DEFERRED)
    if suspended:
        counts[Status.SUSPENDED] += Delivery.objects.filter(
            pk__in=suspended, status__in=claimable
        ).update(status=Status.SUSPENDED, last_error="address suspended before sending")
    if left:
        counts["unsubscribed"] += Delivery.objects.filter(
            pk__in=left, status__in=claimable
        ).delete()[0]
    return [r for r in rows if r["subscriber__suspended_at"] is None and r["wanted"]]


def fail_interrupted(edition: Edition, now: datetime) -> int:
    """Rows claimed by a worker that died before writing their outcome: FAILED, never
    sent again (the message may have reached the server)."""
    old = now - timedelta(seconds=settings.NEWSLETTER_CLAIM_SECONDS)
    interrupted = Delivery.objects.filter(
        edition_id=edition.pk, status=Status.SENDING, claimed_at__lt=old
    ).update(status=Status.FAILED, last_error=INTERRUPTED)
    if interrupted:
        logger.warning(
            "Newsletter edition %s: %s message(s) interrupted by a worker's end, not sent "
            "again (they may have been delivered)",
            edition.pk,
            interrupted,
        )
    return interrupted


def finish_or_wait(edition: Edition, now: datetime) -> float | None:
    """Nothing to send now: the edition is SENT when nothing is left, else the seconds
    until the next deferred message or claim is due."""
    left = Delivery.objects.filter(
        edition_id=edition.pk, status__in=(Status.PENDING, Status.DEFERRED, Status.SENDING)
    )
    waits = []
    for status, next_attempt_at, claimed_at in left.values_list(
        "status", "next_attempt_at", "claimed_at"
    ).order_by("next_attempt_at")[:1000]:
        if status == Status.SENDING and claimed_at is not None:
            due = claimed_at + timedelta(seconds=settings.NEWSLETTER_CLAIM_SECONDS)
        else:
            due = next_attempt_at or now
        waits.append((due - now).total_seconds())
    if waits:
        return max(min(waits), 0.0) + 0.05
    Edition.objects.filter(pk=edition.pk, status=Edition.Status.SENDING).update(
        status=Edition.Status.SENT, finished_at=now
    )
    logger.info("Newsletter edition %s sent: %s", edition.pk, edition_progress(edition))
    return None


def send_batch(edition_id: int, *, after_id: int = 0, limit: int | None = None) -> BatchResult:
    """One run: up to `limit` (NEWSLETTER_BATCH_SIZE) messages over one connection."""
    result = BatchResult(after_id=after_id)
    edition = Edition.objects.select_related("newsletter").filter(pk=edition_id).first()
    if edition is None or edition.status != Edition.Status.SENDING:
        return result
    now = timezone.now()
    fail_interrupted(edition, now)
    rows = candidates(edition, after_id, limit or settings.NEWSLETTER_BATCH_SIZE)
    if not rows:
        result.next_in = finish_or_wait(edition, now)
        return result
    result.after_id = max(after_id, rows[-1]["pk"])
    rows = set_aside_unwanted(rows, result.counts)
    prepared = prepared_edition(edition)
    sender, pacer = Sender(prepared), Pacer(settings.NEWSLETTER_SEND_RATE)
    previous: tuple[Claim, Outcome] | None = None
    stopped = None
    try:
        for row in rows:
            wait = pacer.wait_needed()
            if wait > 0.001:
                # Waiting anyway: the last outcome is written before the wait, so a
                # worker killed now leaves no message in doubt.
                if previous is not None:
                    with transaction.atomic():
                        record(*previous, result.counts)
                    previous = None
                time.sleep(wait)
            with transaction.atomic():
                if previous is not None:
                    record(*previous, result.counts)
                current = claim(row, timezone.now())
            # Only now: had claim() raised, the rollback undid that record too, and the
            # finally below must write it again.
            previous = None
            if current is None:
                continue  # another worker took it
            outcome = sender.send(Recipient(current.subscriber_id, current.email))
            pacer.sent()
            previous = (current, outcome)
            if outcome.stop:
                stopped = previous
                break
    finally:
        if previous is not None:
            with transaction.atomic():
                record(*previous, result.counts)
        sender.close()
    if stopped is not None:
        # The server is unreachable or refuses our sender: every message waits as long
        # as the one that met it, instead of the next run trying again at once.
        result.next_in = retry_delay(stopped[0].attempts)
        logger.warning(
            "Newsletter edition %s: sending paused for %.0f s (%s)",
            edition.pk,
            result.next_in,
            stopped[1].error,
        )
    else:
        result.next_in = 0.0
    return result
