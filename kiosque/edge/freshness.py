"""When an article page changes by itself, with no edit: the edge must not outlive that.

Two things on an article page depend on the clock alone: the age banner (it appears, then
changes wording, at each anniversary of the first publication in the newsroom's time
zone) and the comment form (it closes a set number of days after publication). Both are
step functions of the time, so the instant of the last step and of the next one are
found by bisection on the same pure functions the page uses: whatever rule those
functions follow (29 February, daylight-saving changes), this follows it too.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosque.newsroom.text.age_banner import completed_years

ONE_SECOND = timedelta(seconds=1)


@dataclass(frozen=True)
class Steps:
    """The last instant the page changed by the clock, and the next (None: never)."""

    last: datetime | None
    next: datetime | None


def first_instant_where(predicate: Callable[[datetime], bool], low: datetime, high: datetime):
    """The earliest instant in (low, high] where a monotone predicate turns true, to the second."""
    if not predicate(high):
        return None
    while high - low > ONE_SECOND:
        middle = low + (high - low) / 2
        if predicate(middle):
            high = middle
        else:
            low = middle
    return high


def _banner_years(published: datetime, moment: datetime, zone, min_years: int) -> int:
    years = completed_years(published, moment, zone)
    return years if years >= max(min_years, 1) else 0


def article_steps(
    published: datetime | None,
    now: datetime,
    zone,
    *,
    banner_min_years: int,
    comments_close_at: datetime | None,
    horizon: timedelta,
) -> Steps:
    """The clock-driven changes of one article around `now`, looking `horizon` ahead."""
    if published is None:
        return Steps(last=None, next=None)
    last: list[datetime] = []
    upcoming: list[datetime] = []

    years_now = _banner_years(published, now, zone, banner_min_years)
    if years_now:
        last.append(
            first_instant_where(
                lambda t: _banner_years(published, t, zone, banner_min_years) >= years_now,
                published,
                now,
            )
        )
    step = first_instant_where(
        lambda t: _banner_years(published, t, zone, banner_min_years) > years_now,
        now,
        now + horizon,
    )
    if step is not None:
        upcoming.append(step)

    if comments_close_at is not None:
        (last if comments_close_at <= now else upcoming).append(comments_close_at)

    return Steps(
        last=max(last) if last else None,
        next=min((t for t in upcoming if t <= now + horizon), default=None),
    )
