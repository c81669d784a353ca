"""Writing a live: post, edit, approve, pin and delete entries.

Every change is one small write on the entry's own row (never a page revision), raises
the entry's version and, once committed, purges the live's surrogate key: the edge then
fetches the page and the polling answer once, whatever the number of readers.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kiosque.edge.keys import live_key
from kiosque.edge.purge import purge_keys_on_commit
from kiosque.live.models import LiveEntry, LivePage


class StaleEntry(Exception):
    """The entry changed since the editor opened it: their save would overwrite that."""


@dataclass
class EntryDraft:
    """What a writer (composer, wire desk, write API) gives for an entry."""

    body: list  # StreamField raw data: [{"type": "paragraph", "value": "<p>…</p>"}, …]
    title: str = ""
    is_key: bool = False
    is_pinned: bool = False
    posted_at: datetime | None = None  # None: now; a time to come schedules it
    author_id: int | None = None
    agency_id: int | None = None
    wire_item_id: int | None = None


def may_write(user, live: LivePage) -> bool:
    return live.permissions_for_user(user).can_edit()


def may_approve(user, live: LivePage) -> bool:
    """Whoever may publish the live page (editors) approves its entries."""
    return live.permissions_for_user(user).can_publish()


def _purge(live_id: int) -> None:
    purge_keys_on_commit({live_key(live_id)})


def _check_draft(draft: EntryDraft) -> None:
    if not draft.body and not draft.title.strip():
        raise ValidationError(_("An entry needs a text or a title."))


def _unpin_others(live_id: int, keep_id: int) -> None:
    """One « L'essentiel » at a time: the others return to the stream.

    The live's row is locked first, so two editors pinning at once are taken in turn
    and the second unpins the first's (PostgreSQL; SQLite writes one at a time anyway).
    """
    LivePage.objects.select_for_update().filter(pk=live_id).values_list("pk").first()
    # The unpinned entry changes (it returns to the stream): its version moves too.
    LiveEntry.objects.filter(live_id=live_id, is_pinned=True).exclude(pk=keep_id).update(
        is_pinned=False, version=F("version") + 1, updated_at=timezone.now()
    )


@transaction.atomic
def post_entry(live: LivePage, user, draft: EntryDraft) -> LiveEntry:
    """A new entry: published at once (or at its time), unless the live wants approval."""
    if user is not None and not may_write(user, live):
        raise PermissionDenied
    _check_draft(draft)
    needs_approval = live.entries_need_approval and user is not None and not may_approve(user, live)
    entry = LiveEntry.objects.create(
        live=live,
        status=LiveEntry.Status.PENDING if needs_approval else LiveEntry.Status.PUBLISHED,
        posted_at=draft.posted_at or timezone.now(),
        title=draft.title.strip(),
        body=draft.body,
        is_key=draft.is_key,
        is_pinned=draft.is_pinned,
        author_id=draft.author_id,
        agency_id=draft.agency_id,
        wire_item_id=draft.wire_item_id,
        created_by=user,
    )
    if entry.status == LiveEntry.Status.PUBLISHED:
        # A pinned entry waiting for approval replaces the summary readers see only once
        # approved (approve_entry), never leaving them without one meanwhile.
        if entry.is_pinned:
            _unpin_others(live.pk, entry.pk)
        _purge(live.pk)
    return entry


@transaction.atomic
def edit_entry(entry: LiveEntry, user, draft: EntryDraft, *, from_version: int) -> LiveEntry:
    """Save an edit made from version `from_version`; StaleEntry if someone saved since."""
    if user is not None and not may_write(user, entry.live):
        raise PermissionDenied
    _check_draft(draft)
    current = LiveEntry.objects.select_for_update().get(pk=entry.pk)
    if current.version != from_version:
        raise StaleEntry
    current.title = draft.title.strip()
    current.body = draft.body
    current.is_key = draft.is_key
    current.is_pinned = draft.is_pinned
    if draft.posted_at is not None:
        current.posted_at = draft.posted_at
    current.author_id = draft.author_id
    current.agency_id = draft.agency_id
    current.version = from_version + 1
    # The status stays: an entry already approved keeps its place while it is corrected
    # (a breaking-news correction must not hide it), a pending one keeps waiting.
    current.save()
    if current.is_pinned and current.status == LiveEntry.Status.PUBLISHED:
        _unpin_others(current.live_id, current.pk)
    _purge(current.live_id)
    return current


@transaction.atomic
def approve_entry(entry: LiveEntry, user) -> None:
    if not may_approve(user, entry.live):
        raise PermissionDenied
    # Readers see it from its approval, at the top: the time it was written is the past.
    approved = LiveEntry.objects.filter(pk=entry.pk, status=LiveEntry.Status.PENDING).update(
        status=LiveEntry.Status.PUBLISHED,
        posted_at=max(entry.posted_at, timezone.now()),
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    if approved and entry.is_pinned:
        _unpin_others(entry.live_id, entry.pk)
    _purge(entry.live_id)


@transaction.atomic
def set_pinned(entry: LiveEntry, user, pinned: bool) -> None:
    if user is not None and not may_write(user, entry.live):
        raise PermissionDenied
    LiveEntry.objects.filter(pk=entry.pk).update(
        is_pinned=pinned, version=F("version") + 1, updated_at=timezone.now()
    )
    if pinned and entry.status == LiveEntry.Status.PUBLISHED:
        _unpin_others(entry.live_id, entry.pk)
    _purge(entry.live_id)


@transaction.atomic
def delete_entry(entry: LiveEntry, user) -> None:
    """A deleted entry leaves the page and every open page (the row stays, as a trace)."""
    if user is not None and not may_write(user, entry.live):
        raise PermissionDenied
    LiveEntry.objects.filter(pk=entry.pk).update(
        status=LiveEntry.Status.DELETED,
        is_pinned=False,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    _purge(entry.live_id)
