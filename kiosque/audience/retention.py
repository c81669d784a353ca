"""Page views are kept 13 months at most (the CNIL's limit for an audience measure that
needs no consent): older hours are deleted by the worker (apps.py)."""

import logging
from datetime import UTC, datetime

from kiosque.audience.models import HourlyPageViews

logger = logging.getLogger(__name__)

KEPT_MONTHS = 13


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the month's last day when
    that month is shorter: 31 March minus one month is 28 or 29 February)."""
    total = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")


def oldest_kept_hour(now: datetime | None = None) -> datetime:
    now = now or datetime.now(UTC)
    return months_before(now, KEPT_MONTHS).replace(minute=0, second=0, microsecond=0)


def delete_expired_views(now: datetime | None = None) -> int:
    """Delete the hours older than KEPT_MONTHS; returns how many rows went."""
    deleted, _ = HourlyPageViews.objects.filter(hour__lt=oldest_kept_hour(now)).delete()
    if deleted:
        logger.info("Audience: %s hourly counts older than %s months deleted", deleted, KEPT_MONTHS)
    return deleted
