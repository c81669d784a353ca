"""What changes a live by the clock alone: its end time, and its scheduled entries.

A live whose end time comes ends by itself: its label turns « Direct terminé ».

The label is the article's `article_type` column, which every listing reads (cards, the
front page's ranking query), so ending a live is one update of that column and a purge
of the pages showing its card. LivePage.save() keeps the column right on every save; this
job covers the end times that arrive while nobody saves (run by `kiosque worker`, as
the publishing schedule is: kiosque.core.periodic_jobs).
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kiosque.edge.keys import keys_to_purge_for_page, live_key
from kiosque.edge.purge import purge_keys_on_commit
from kiosque.live.models import LiveEntry, LivePage
from kiosque.newsroom.models import ArticlePage, ArticleType

logger = logging.getLogger("kiosque.live")


def _due(now):
    return LivePage.objects.filter(article_type=ArticleType.LIVE, coverage_end__lte=now)


def end_due_lives() -> int:
    """Mark the lives whose end time has come as ended; returns how many."""
    now = timezone.now()
    ended = 0
    for live in _due(now):
        with transaction.atomic():
            ArticlePage.objects.filter(pk=live.pk).update(article_type=ArticleType.LIVE_ENDED)
            purge_keys_on_commit(keys_to_purge_for_page(live) | {live_key(live.pk)})
        logger.info("Live %s ended at %s", live.pk, live.coverage_end.isoformat())
        ended += 1
    return ended


def seconds_until_next_end() -> float | None:
    now = timezone.now()
    if _due(now).exists():
        return 0.0
    upcoming = (
        LivePage.objects.filter(article_type=ArticleType.LIVE, coverage_end__gt=now)
        .order_by("coverage_end")
        .values_list("coverage_end", flat=True)
        .first()
    )
    return (upcoming - now).total_seconds() if upcoming else None


# Scheduled entries: the page, its feed and its polling answer are kept by the edge no
# longer than the next one's time (their lifetimes are capped), but the cached parts
# that carry no such cap (the head's JSON-LD fragment) wait for a purge: sent here when
# the time comes. Each worker remembers where it got to; a restart looks back a while
# (purging twice is harmless).
LOOK_BACK = timedelta(minutes=10)
_announced_until = None


def _scheduled():
    # Scheduled = its time was after its writing; an ordinary post is written after its
    # time (the default time is taken as the row is built).
    return LiveEntry.objects.filter(
        status=LiveEntry.Status.PUBLISHED, posted_at__gt=F("created_at")
    )


def announce_due_entries() -> int:
    """Purge the lives whose scheduled entries came due since the last run."""
    global _announced_until
    now = timezone.now()
    since = _announced_until or now - LOOK_BACK
    live_ids = set(
        _scheduled()
        .filter(posted_at__gt=since, posted_at__lte=now)
        .values_list("live_id", flat=True)
    )
    if live_ids:
        purge_keys_on_commit({live_key(live_id) for live_id in live_ids})
    _announced_until = now
    return len(live_ids)


def seconds_until_next_entry() -> float | None:
    now = timezone.now()
    upcoming = (
        _scheduled()
        .filter(posted_at__gt=now)
        .order_by("posted_at")
        .values_list("posted_at", flat=True)
        .first()
    )
    return (upcoming - now).total_seconds() if upcoming else None
