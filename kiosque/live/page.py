"""What the live page shows on top of the article's context: state, entries, key events."""

from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from kiosque.core.bounds import whole_number
from kiosque.edge.keys import add_keys, live_key
from kiosque.edge.middleware import note_next_change
from kiosque.live import selectors
from kiosque.live.models import LiveEntry, LivePage, LiveState
from kiosque.newsroom.article_view import body_plain_text


def _cursor(request) -> int | None:
    """`?avant=<id>`: a reader-typed value, anything but a number reads as absent."""
    raw = request.GET.get("avant", "")
    return whole_number(raw)


def next_midnight(now: datetime, zone) -> datetime:
    """Entries show their date once they are not from today: that changes at midnight."""
    local = now.astimezone(zone)
    tomorrow = (local + timedelta(days=1)).date()
    return datetime(tomorrow.year, tomorrow.month, tomorrow.day, tzinfo=zone)


def entry_time_label(entry: LiveEntry, now: datetime, zone, language: str) -> str:
    """« 10h32 » in the newsroom's zone, with the date when it is not today."""
    local = entry.posted_at.astimezone(zone)
    if language == "en":
        time_part = local.strftime("%H:%M")
        if local.date() == now.astimezone(zone).date():
            return time_part
        return f"{local.day} {local.strftime('%B')}, {time_part}"
    time_part = f"{local.hour}h{local.minute:02d}"
    if local.date() == now.astimezone(zone).date():
        return time_part
    return f"{local.day:02d}/{local.month:02d} {time_part}"


def entry_headline(entry: LiveEntry, limit: int = 90) -> str:
    """A key event's line in the list: its title, else the start of its text."""
    if entry.title:
        return entry.title
    text = " ".join(body_plain_text(entry.body).split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def updates_url(live: LivePage) -> str:
    return reverse("live:updates", args=[live.pk])


def live_page_context(live: LivePage, request, newsroom) -> dict:
    """`newsroom`: the request's NewsroomSettings, already read by the article's context."""
    now = timezone.now()
    shared_entry = getattr(request, "live_shared_entry", None)
    window = selectors.window(live.pk, now, before=_cursor(request), starting_at=shared_entry)
    add_keys(request, {live_key(live.pk)})
    state = live.state_at(now)
    # The edge keeps the page no longer than the next change the clock alone makes.
    upcoming = [
        moment
        for moment in (
            selectors.next_scheduled(live.pk, now),
            live.coverage_start if state is LiveState.UPCOMING else None,
            live.coverage_end if live.coverage_end and live.coverage_end > now else None,
            next_midnight(now, newsroom.zone) if window.entries else None,
        )
        if moment is not None
    ]
    if upcoming:
        note_next_change(request, min(upcoming))
    latest = window.entries[0].posted_at if window.is_latest and window.entries else None
    updated = [moment for moment in (latest, live.major_update_at) if moment is not None]
    return {
        "live": live,
        "live_url": live.get_url(request),
        "live_language": live.language,
        "live_updated_at": max(updated) if updated else None,
        "entry_headline": entry_headline,
        "live_state": state,
        "live_now": now,
        "entries": window.entries,
        "older_cursor": window.older_cursor,
        "is_latest_window": window.is_latest,
        "key_events": selectors.key_events(live.pk, now),
        "pinned_entry": selectors.pinned(live.pk, now),
        "shown_ids": {entry.pk for entry in window.entries},
        "shared_entry": shared_entry,
        "updates_url": updates_url(live),
        "poll_seconds": newsroom.live_poll_seconds,
        "entry_time": lambda entry: entry_time_label(
            entry, now, newsroom.zone, get_language() or "fr"
        ),
    }
