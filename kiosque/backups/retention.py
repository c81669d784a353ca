"""Archive names, and which archives a folder keeps (`--keep-daily`, `--keep-weekly`).

The newest archive of each of the last N days that have one is kept, and the newest of
each of the last M ISO weeks that have one (one archive may count for both); every
other Kiosque archive in the folder goes. Only names `kiosque-backup-<UTC time>.tar`
are ever considered: nothing else in the folder is touched.
"""

import re
from datetime import UTC, datetime

NAME = re.compile(r"^kiosque-backup-(?P<moment>\d{8}T\d{6}Z)\.tar$")
MOMENT_FORMAT = "%Y%m%dT%H%M%SZ"


def archive_name(moment: datetime) -> str:
    return f"kiosque-backup-{moment.astimezone(UTC).strftime(MOMENT_FORMAT)}.tar"


def archive_moment(name: str) -> datetime | None:
    match = NAME.match(name)
    if not match:
        return None
    return datetime.strptime(match["moment"], MOMENT_FORMAT).replace(tzinfo=UTC)


def archives_to_delete(names: list[str], *, keep_daily: int, keep_weekly: int) -> list[str]:
    """The archives among `names` that neither rule keeps, oldest first."""
    if keep_daily < 0 or keep_weekly < 0:
        raise ValueError("the numbers of archives to keep cannot be negative")
    dated = sorted(
        ((moment, name) for name in names if (moment := archive_moment(name))), reverse=True
    )
    kept = _newest_per_period(dated, keep_daily, lambda m: m.date())
    kept |= _newest_per_period(dated, keep_weekly, lambda m: m.isocalendar()[:2])
    return [name for _moment, name in reversed(dated) if name not in kept]


def _newest_per_period(dated, count: int, period) -> set[str]:
    kept: dict = {}
    for moment, name in dated:  # newest first
        key = period(moment)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = name
    return set(kept.values())
