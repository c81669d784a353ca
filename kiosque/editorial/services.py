"""Write operations of the editorial app (services: keyword-only, typed, atomic)."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from kiosque.editorial.models import Withdrawal
from kiosque.newsroom.models import ArticlePage


def reader_path(article: ArticlePage) -> str:
    """The site-relative path readers knew the article by ('' when it has none).

    Always the French path (no /en prefix), whatever language the admin user who
    unpublishes works in: the 410 lookup adds the English prefix itself.
    """
    with translation.override(settings.LANGUAGE_CODE):
        parts = article.get_url_parts()
    if parts is None:
        return ""
    return parts[2] or ""


@transaction.atomic
def withdrawal_record(
    *, article: ArticlePage, origin: str = Withdrawal.Origin.EDITOR, reason: str = ""
) -> Withdrawal | None:
    """Remember that readers saw `article` and no longer may (its address answers 410).

    An article never published has nothing to remember: its address stays a 404.
    A withdrawal already recorded keeps its origin: the agency kill that unpublished
    the article is the explanation, not the unpublication that followed.
    """
    if article.first_published_at is None:
        return None
    path = reader_path(article)
    if not path.startswith("/"):
        return None
    withdrawal, created = Withdrawal.objects.get_or_create(
        path=path,
        defaults={"article": article, "origin": origin, "reason": reason},
    )
    if not created and withdrawal.article_id != article.pk:
        # Another article used to live at this address: this one is the news now.
        withdrawal.article = article
        withdrawal.origin = origin
        withdrawal.reason = reason
        withdrawal.withdrawn_at = timezone.now()
        withdrawal.save()
    return withdrawal


@transaction.atomic
def article_withdraw(*, article: ArticlePage, origin: str, reason: str = "", user=None) -> bool:
    """Take a published article down for readers, with the explanation its address gives.

    Returns False when the article was not live (nothing to do). The withdrawal is
    recorded before unpublishing, so the `page_unpublished` receiver keeps its origin.
    """
    if not article.live:
        return False
    withdrawal_record(article=article, origin=origin, reason=reason)
    article.unpublish(user=user)
    return True


def withdrawals_forget(*, article: ArticlePage) -> int:
    """The article is live again: its address shows it, no more 410."""
    deleted, _ = Withdrawal.objects.filter(article=article).delete()
    path = reader_path(article)
    if path:
        deleted += Withdrawal.objects.filter(path=path).delete()[0]
    return deleted
