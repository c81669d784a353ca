"""Reading a live's entries: the page's window, its key events, the polling answer.

Every read here is bounded by a number of entries, never by the size of the live: a live
of 5,000 entries costs what one of 40 does (keyset pagination on (posted_at, id), served
by the `live_entry_window` index).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from kiosque.live.models import LiveEntry, LivePage

PAGE_SIZE = 30
KEY_EVENTS_SHOWN = 12
# How long an edit or a deletion is listed in the polling answer: a reader whose page has
# been open longer reloads it anyway (the page tells them when it has been away long).
CHANGES_KEPT = timedelta(hours=2)


def visible(live_id: int, moment: datetime):
    """Entries readers may see: published, and their time has come."""
    return LiveEntry.objects.filter(
        live_id=live_id, status=LiveEntry.Status.PUBLISHED, posted_at__lte=moment
    )


def visible_entry(live: LivePage, entry_id: int) -> LiveEntry | None:
    return visible(live.pk, timezone.now()).filter(pk=entry_id).first()


@dataclass(frozen=True)
class Window:
    entries: list[LiveEntry]
    older_cursor: int | None  # the id to ask « Entrées précédentes » from, None at the end
    is_latest: bool  # the window starts at the newest entry


def _older_than(entry: LiveEntry) -> Q:
    return Q(posted_at__lt=entry.posted_at) | Q(posted_at=entry.posted_at, pk__lt=entry.pk)


def _from(entry: LiveEntry) -> Q:
    """The entry itself and every older one."""
    return Q(posted_at__lt=entry.posted_at) | Q(posted_at=entry.posted_at, pk__lte=entry.pk)


def window(
    live_id: int,
    moment: datetime,
    *,
    before: int | None = None,
    starting_at: LiveEntry | None = None,
    size: int = PAGE_SIZE,
) -> Window:
    """The entries of one page of the stream, newest first, pinned summary aside.

    `before`: the entries older than that entry (« Entrées précédentes »); an id that is
    not a visible entry of this live gives the latest window rather than an error page.
    `starting_at`: a window that begins with that entry (its shared address).
    """
    entries = visible(live_id, moment).filter(is_pinned=False)
    is_latest = True
    if starting_at is not None:
        entries = entries.filter(_from(starting_at))
        is_latest = False
    elif before is not None:
        anchor = visible(live_id, moment).filter(pk=before).only("pk", "posted_at").first()
        if anchor is not None:
            entries = entries.filter(_older_than(anchor))
            is_latest = False
    rows = list(
        entries.select_related("author", "agency").order_by("-posted_at", "-pk")[: size + 1]
    )
    older = rows[size - 1].pk if len(rows) > size else None
    return Window(entries=rows[:size], older_cursor=older, is_latest=is_latest)


def key_events(live_id: int, moment: datetime) -> list[LiveEntry]:
    return list(
        visible(live_id, moment)
        .filter(is_key=True)
        .only("pk", "title", "posted_at", "body")
        .order_by("-posted_at", "-pk")[:KEY_EVENTS_SHOWN]
    )


def pinned(live_id: int, moment: datetime) -> LiveEntry | None:
    return (
        visible(live_id, moment)
        .filter(is_pinned=True)
        .select_related("author", "agency")
        .order_by("-posted_at", "-pk")
        .first()
    )


def next_scheduled(live_id: int, moment: datetime) -> datetime | None:
    """When the next scheduled entry appears (the edge must not keep the page past it)."""
    return (
        LiveEntry.objects.filter(
            live_id=live_id, status=LiveEntry.Status.PUBLISHED, posted_at__gt=moment
        )
        .order_by("posted_at")
        .values_list("posted_at", flat=True)
        .first()
    )


@dataclass(frozen=True)
class Changes:
    """What a reader's open page needs to catch up, the same for every reader."""

    latest: list[LiveEntry]  # the latest window, newest first (pinned summary aside)
    pinned: LiveEntry | None
    changed: list[LiveEntry]  # visible entries edited lately, outside `latest`
    removed: list[int]  # entries deleted, unpublished or unpinned lately


def changes(live_id: int, moment: datetime) -> Changes:
    latest = window(live_id, moment).entries
    shown = {entry.pk for entry in latest}
    # Changed = saved again since its first version (an edit, a pin, a deletion): a new
    # entry that has left the latest window is no news to a page that showed it.
    recent = list(
        LiveEntry.objects.filter(
            live_id=live_id, updated_at__gte=moment - CHANGES_KEPT, version__gt=1
        )
        .select_related("author", "agency")
        .order_by("-updated_at")[:200]
    )
    top = pinned(live_id, moment)
    changed, removed = [], []
    for entry in recent:
        is_visible = entry.status == LiveEntry.Status.PUBLISHED and entry.posted_at <= moment
        if not is_visible:
            removed.append(entry.pk)
        elif entry.pk not in shown and not entry.is_pinned:
            changed.append(entry)
    return Changes(latest=latest, pinned=top, changed=changed, removed=removed)
