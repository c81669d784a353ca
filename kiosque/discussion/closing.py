"""When an article's comment form closes by age: a rule of the discussion, not of the page.

Used by the article page's comments part (article_part.py) and by the thread views
(threads.comments_open), so both close at the same instant.
"""

from datetime import datetime, timedelta

from django.utils.translation import gettext, ngettext


def comments_close_at(article, close_after_days: int) -> datetime | None:
    """When the comment form closes by age; None when it does not (or is already off)."""
    if not article.comments_enabled or close_after_days == 0:
        return None
    if article.first_published_at is None:
        return None
    return article.first_published_at + timedelta(days=close_after_days)


def comments_are_open(article, now: datetime, close_after_days: int) -> bool:
    if not article.comments_enabled:
        return False
    closing = comments_close_at(article, close_after_days)
    return closing is None or now < closing


def closed_reason(article, close_after_days: int) -> str:
    """Why a closed thread is closed, for readers: the newsroom's choice for this
    article, or the age rule with its number of days."""
    if not article.comments_enabled:
        return gettext("The newsroom has closed the comments on this article.")
    return ngettext(
        "Comments close %(days)s day after publication.",
        "Comments close %(days)s days after publication.",
        close_after_days,
    ) % {"days": close_after_days}
