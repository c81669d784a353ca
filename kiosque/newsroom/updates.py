"""The « Mis à jour » rule, as a pure function over an article's publications."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Publication:
    published_at: datetime
    minor: bool


def visible_update_time(
    first_published_at: datetime | None,
    publications: Iterable[Publication],
    grace: timedelta,
) -> datetime | None:
    """When readers are told the article was updated, or None.

    A publication counts as an update when it came strictly more than `grace` after
    the first publication and the editor did not mark it as a minor change (a typo
    fix); the time shown is that of the latest such publication.
    """
    if first_published_at is None:
        return None
    threshold = first_published_at + grace
    updates = [
        publication.published_at
        for publication in publications
        if not publication.minor and publication.published_at > threshold
    ]
    return max(updates, default=None)
