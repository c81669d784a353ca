"""The polling answer: what a reader's open live page needs to catch up.

One address per live and interface language, the same bytes for every reader, so the
edge answers the crowd: it keeps the answer until an entry changes (the live's surrogate
key is purged by kiosque.live.services) and coalesces the misses that follow a purge
into one request to the application. Browsers revalidate at each poll (max-age=0, with
the ETag Django's ConditionalGetMiddleware adds): an unchanged answer is a 304.

A change committed while the edge is fetching the answer (a second entry a few
milliseconds after the one whose purge sent the edge here: two journalists, the write
API) is purged before the edge has stored what it fetched, an answer read without it:
kept until the next purge, it would hide that entry from every reader, for minutes on a
quiet live. bench/live_polling.py (2,000 readers, entries posted in pairs 50 ms apart)
caught it in two runs of four: an entry missing from every answer until the next pair's
purge 5 s later. So an answer read within SETTLE_SECONDS of the live's latest change is
kept that long only; the edge then revalidates it in the background (Varnish's grace:
no reader waits), one more application request per change whatever the number of
readers, mostly a 304. Same bench: the worst entry reached the edge's answer 1.2 s after
its commit.
"""

from datetime import datetime

from django.conf import settings
from django.db.models import Max
from django.http import Http404, JsonResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from kiosque.edge.keys import add_keys, article_key, live_key
from kiosque.live import selectors
from kiosque.live.models import LiveEntry, LivePage
from kiosque.live.page import entry_time_label
from kiosque.newsroom.models import NewsroomSettings
from kiosque.newsroom.selectors import public_only

MAX_ID = 2**63 - 1
SETTLE_SECONDS = 1


def _live_or_404(live_id: int) -> LivePage:
    if not 0 < live_id <= MAX_ID:
        raise Http404
    live = public_only(LivePage.objects.live()).filter(pk=live_id).first()
    if live is None:
        raise Http404
    return live


def _entry_json(request, entry: LiveEntry, shared: dict, template="live/includes/entry.html"):
    # Straight to the Jinja2 engine: Django's engine would first look for the template
    # in every folder it knows (about 7 misses per entry rendered).
    html = render_to_string(template, {"entry": entry, **shared}, request=request, using="jinja2")
    return {
        "id": entry.pk,
        "version": entry.version,
        "posted_at": entry.posted_at.isoformat(),
        "key": entry.is_key,
        "html": html,
    }


def _lifetime_until(moment: datetime | None, now: datetime) -> int:
    """Seconds the edge may keep the answer: until purged, or the next scheduled entry."""
    longest = settings.EDGE_ARTICLE_SECONDS
    if moment is None:
        return longest
    return max(1, min(longest, int((moment - now).total_seconds())))


def _last_change(live: LivePage) -> datetime | None:
    """The latest write to the live's entries or page (served by `live_entry_changed`)."""
    newest = LiveEntry.objects.filter(live_id=live.pk).aggregate(newest=Max("updated_at"))
    moments = (newest["newest"], live.last_published_at)
    return max((moment for moment in moments if moment is not None), default=None)


def _edge_seconds(live: LivePage, now: datetime) -> int:
    seconds = _lifetime_until(selectors.next_scheduled(live.pk, now), now)
    last_change = _last_change(live)
    if last_change is not None and (now - last_change).total_seconds() < SETTLE_SECONDS:
        seconds = min(seconds, SETTLE_SECONDS)  # see the module's docstring
    return seconds


@require_safe
def updates(request, live_id: int):
    live = _live_or_404(live_id)
    newsroom = NewsroomSettings.for_request(request)
    now = timezone.now()
    language = get_language() or "fr"
    changes = selectors.changes(live.pk, now)

    shared = {
        "entry_time": lambda entry: entry_time_label(entry, now, newsroom.zone, language),
        "live_language": live.language,
        "live_url": live.get_url(request),
    }
    answer = JsonResponse(
        {
            "live": live.pk,
            "state": live.state_at(now).value,
            "poll_seconds": newsroom.live_poll_seconds,
            "entries": [_entry_json(request, e, shared) for e in changes.latest],
            "changed": [_entry_json(request, e, shared) for e in changes.changed],
            "removed": changes.removed,
            "pinned": (
                _entry_json(request, changes.pinned, shared, "live/includes/summary.html")
                if changes.pinned
                else None
            ),
        }
    )
    add_keys(request, {live_key(live.pk), article_key(live.pk)})
    answer["Cache-Control"] = f"public, max-age=0, s-maxage={_edge_seconds(live, now)}"
    return answer
