"""Reading the page-view lines (counting.py says how they are written)."""

from dataclasses import dataclass
from datetime import UTC, datetime

from kiosque.audience.counting import ABSENT
from kiosque.audience.robots import is_robot

FIELDS = 6
COUNTED_METHODS = ("GET",)
COUNTED_STATUSES = (200, 304)
# Earlier than any page (2000-01-01) or later than 2200: a broken clock or a broken line.
EARLIEST = 946_684_800
LATEST = 7_258_118_400


class MalformedLine(ValueError):
    pass


@dataclass(frozen=True)
class View:
    page_id: int
    hour: datetime  # the start of the hour, UTC


def parse_line(line: str) -> View | None:
    """The view a line records, None when it is one not to count (a robot, a prefetch,
    a HEAD, an error); MalformedLine when it is not such a line at all."""
    fields = line.rstrip("\r\n").split("\t", FIELDS - 1)
    if len(fields) != FIELDS:
        raise MalformedLine(f"expected {FIELDS} tab-separated fields, got {len(fields)}")
    seconds, method, status, page, purpose, user_agent = fields
    if not (seconds.isascii() and seconds.isdigit() and EARLIEST <= int(seconds) < LATEST):
        raise MalformedLine(f"time {seconds[:20]!r}: not seconds since the epoch")
    if not (status.isascii() and status.isdigit() and len(status) == 3):
        raise MalformedLine(f"status {status[:20]!r}")
    if not (page.isascii() and page.isdigit() and 0 < len(page) <= 18):
        raise MalformedLine(f"page id {page[:20]!r}")
    if method not in COUNTED_METHODS or int(status) not in COUNTED_STATUSES:
        return None
    if purpose.strip() not in ("", ABSENT):  # Sec-Purpose: prefetch, prerender
        return None
    if is_robot(user_agent):
        return None
    hour = int(seconds) // 3600 * 3600
    return View(page_id=int(page), hour=datetime.fromtimestamp(hour, tz=UTC))
