"""Read queries of the editorial app, on top of `visible_articles` (what readers may see)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Max, QuerySet

from kiosque.core.prepared import PreparedQuery, held_in_memory
from kiosque.editorial.models import Correction, Withdrawal
from kiosque.newsroom.selectors import visible_articles


def public_corrections() -> QuerySet:
    """Every correction of an article readers may see, newest first.

    A correction of a withdrawn or unpublished article is not listed: the article's
    address no longer shows it. Ties are broken by id so pagination is stable.
    """
    return (
        Correction.objects.filter(page__in=visible_articles())
        .select_related("page")
        .order_by("-corrected_at", "-pk")
    )


def _corrections_of(page_id: int):
    return Correction.objects.filter(page_id=page_id)


# Compiled once (core.prepared): every article rendered whole reads it.
_CORRECTIONS_OF = PreparedQuery("editorial.Correction", _corrections_of, page_id=int)


def article_corrections(article) -> list:
    """The corrections shown on the article, oldest first (the order they happened).

    Works on a live article and on a preview (modelcluster's in-memory children). Read
    once per article object: the page and its JSON-LD both show them.
    """
    cached = article.__dict__.get("_shown_corrections")
    if cached is None:
        if held_in_memory(article, "corrections"):  # a preview shows the draft's notes
            corrections = article.corrections.all()
        else:
            corrections = _CORRECTIONS_OF.all(page_id=article.pk)
        cached = sorted(corrections, key=lambda c: (c.corrected_at, c.pk or 0))
        article.__dict__["_shown_corrections"] = cached
    return cached


def latest_correction_at(article) -> datetime | None:
    """When the article was last corrected: an update date for feeds and sitemaps."""
    return Correction.objects.filter(page=article).aggregate(latest=Max("corrected_at"))["latest"]


def latest_corrections_by_article(article_ids) -> dict[int, datetime]:
    """`latest_correction_at` for many articles in one query (feeds list dozens)."""
    rows = (
        Correction.objects.filter(page_id__in=list(article_ids))
        .values("page_id")
        .annotate(latest=Max("corrected_at"))
    )
    return {row["page_id"]: row["latest"] for row in rows}


def content_updated_at(article) -> datetime | None:
    """The later of « Mis à jour » and the latest correction (what a feed calls updated)."""
    dates = [d for d in (article.major_update_at, latest_correction_at(article)) if d]
    return max(dates, default=None)


def withdrawal_for_path(path: str) -> Withdrawal | None:
    """The withdrawal recorded at `path`, in French or under the English prefix."""
    candidates = {path, path.removeprefix("/en") or "/"}
    return Withdrawal.objects.filter(path__in=candidates).order_by("-withdrawn_at").first()
