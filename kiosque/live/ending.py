"""A live whose end time comes ends by itself: its label turns « Direct terminé ».

The label is the article's `article_type` column, which every listing reads (cards, the
front page's ranking query), so ending a live is one update of that column and a purge
of the pages showing its card. LivePage.save() keeps the column right on every save; this
job covers the end times that arrive while nobody saves (run by `kiosque worker`, as
the publishing schedule is: kiosque.core.periodic_jobs).
"""

import logging

from django.db import transaction
from django.utils import timezone

from kiosque.edge.keys import keys_to_purge_for_page, live_key
from kiosque.edge.purge import purge_keys_on_commit
from kiosque.live.models import LivePage
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
