"""Adding the page views of the access logs to HourlyPageViews (docs/audience.md).

A log file is read from where the last reading stopped (LogPosition: its inode and the
offset of the first byte not yet counted), one chunk per transaction: the views of the
chunk are added and the new position saved in the same transaction, so a reading that
dies half-way counts the chunk entirely or not at all, and two ingesters of one file
take turns (the position row is locked; SQLite's transactions are immediate anyway).

Rotation: when the path names another file than the one read so far, what remained of
the old one is read first, if it is still beside it under another name (logrotate's
audience.log.1, not compressed yet), then the new one from its start. A file that is
shorter than the position was truncated in place (copytruncate): read from its start.

Views are added with one INSERT … ON CONFLICT DO UPDATE SET views = views + excluded
(SQLite and PostgreSQL): two edges' ingesters adding to one hour at once both count.
"""

import logging
import os
import socket
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import IntegrityError, connection, transaction
from wagtail.models import Page

from kiosque.audience.lines import MalformedLine, View, parse_line
from kiosque.audience.models import HourlyPageViews, LogPosition

logger = logging.getLogger(__name__)

CHUNK_BYTES = 4 * 1024 * 1024
# A line longer than this is no line of ours (a User-Agent is a few hundred bytes).
LONGEST_LINE = 16 * 1024
# Rows per INSERT: well under SQLite's 32766 variables (3 per row).
ROWS_PER_STATEMENT = 500


@dataclass
class IngestReport:
    lines: int = 0
    counted: int = 0  # views added to the database
    skipped: int = 0  # robots, prefetches, HEAD, errors: not page views
    malformed: int = 0
    unknown_pages: int = 0  # views of pages that no longer exist
    files: list[str] = field(default_factory=list)

    def add(self, other: "IngestReport") -> None:
        self.lines += other.lines
        self.counted += other.counted
        self.skipped += other.skipped
        self.malformed += other.malformed
        self.unknown_pages += other.unknown_pages
        self.files += other.files

    def __str__(self) -> str:
        return (
            f"{self.lines} lines: {self.counted} views counted, {self.skipped} not page "
            f"views (robots, prefetches, HEAD, errors), {self.malformed} malformed, "
            f"{self.unknown_pages} of unknown pages"
        )


# --- counting -------------------------------------------------------------------------


def tally(lines: Iterable[str], report: IngestReport) -> Counter[View]:
    """Views per (page, hour) in `lines`; malformed lines are counted and skipped."""
    views: Counter[View] = Counter()
    for line in lines:
        if not line.strip():
            continue
        report.lines += 1
        try:
            view = parse_line(line)
        except MalformedLine as error:
            report.malformed += 1
            if report.malformed <= 3:  # a few examples, not a flood
                logger.warning("Audience: malformed line skipped (%s)", error)
            continue
        if view is None:
            report.skipped += 1
        else:
            views[view] += 1
    return views


def add_views(views: Counter[View], report: IngestReport) -> None:
    """Add `views` to HourlyPageViews (call inside a transaction)."""
    existing = set(
        Page.objects.filter(pk__in={view.page_id for view in views}).values_list("pk", flat=True)
    )
    rows = []
    for view, count in views.items():
        if view.page_id in existing:
            rows.append((view.page_id, view.hour, count))
            report.counted += count
        else:
            report.unknown_pages += count
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        _upsert(rows[start : start + ROWS_PER_STATEMENT])


def _upsert(rows: list[tuple[int, datetime, int]]) -> None:
    quote = connection.ops.quote_name
    table = quote(HourlyPageViews._meta.db_table)
    page, hour, views = (
        quote(HourlyPageViews._meta.get_field(name).column) for name in ("page", "hour", "views")
    )
    values = ", ".join(["(%s, %s, %s)"] * len(rows))
    params = []
    for page_id, start, count in rows:
        params += [page_id, connection.ops.adapt_datetimefield_value(start), count]
    # Adds to the row another ingester may have written a moment ago: never overwrites.
    sql = (
        f"INSERT INTO {table} ({page}, {hour}, {views}) VALUES {values} "  # noqa: S608 (names from the model)
        f"ON CONFLICT ({page}, {hour}) DO UPDATE SET {views} = {table}.{views} + excluded.{views}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def ingest_lines(lines: Iterable[str]) -> IngestReport:
    """Count lines read from elsewhere (standard input): no position is kept."""
    report = IngestReport()
    views = tally(lines, report)
    with transaction.atomic():
        add_views(views, report)
    return report


# --- files and positions --------------------------------------------------------------


def ingest_files(paths: Iterable[str]) -> IngestReport:
    """Read each file from its last position; a missing or unreadable file is skipped."""
    report = IngestReport()
    for path in paths:
        try:
            report.add(ingest_file(path))
        except OSError as error:
            logger.warning("Audience: %s not read (%s)", path, error)
    return report


def position_key(path: str) -> str:
    """The LogPosition of `path` on this machine: each edge has its own
    /var/log/kiosque/audience.log, and each must keep its own position."""
    return f"{socket.gethostname()}:{os.path.abspath(path)}"


def ingest_file(path: str) -> IngestReport:
    report = IngestReport(files=[path])
    key = position_key(path)
    _position_row(key)
    while True:
        with transaction.atomic():
            position = LogPosition.objects.select_for_update().get(path=key)
            done = _read_one_chunk(os.path.abspath(path), position, report)
        if done:
            return report


def _position_row(key: str) -> None:
    if LogPosition.objects.filter(path=key).exists():
        return
    try:
        with transaction.atomic():
            LogPosition.objects.create(path=key, inode=0, offset=0)
    except IntegrityError:
        pass  # another ingester made it a moment ago


def _read_one_chunk(path: str, position: LogPosition, report: IngestReport) -> bool:
    """Count the next chunk from `position` and move it; True when nothing is left."""
    try:
        current = open(path, "rb")  # noqa: SIM115 (closed below, on every path)
    except FileNotFoundError:
        return True  # rotated away and not created again yet: next time
    with current:
        stat = os.fstat(current.fileno())
        if position.inode and position.inode != stat.st_ino:
            # Rotated: finish the old file if it is still beside, then start the new one.
            old = _rotated_file(path, position.inode)
            if old is not None:
                with old:
                    if _count_chunk(old, position, report):
                        position.save()
                        return False
            if old is None:
                logger.info("Audience: %s was rotated; reading the new file", path)
            position.inode, position.offset = stat.st_ino, 0
        elif stat.st_size < position.offset:
            logger.info("Audience: %s was truncated; reading it from its start", path)
            position.offset = 0
        position.inode = stat.st_ino
        more = _count_chunk(current, position, report)
        position.save()
        return not more


def _rotated_file(path: str, inode: int):
    """The file that was `path` before a rotation (same folder, same inode), open."""
    folder, name = os.path.split(path)
    try:
        candidates = [entry for entry in os.scandir(folder) if entry.name.startswith(name)]
    except OSError:
        return None
    for entry in candidates:
        try:
            if entry.inode() == inode and entry.is_file() and entry.path != path:
                return open(entry.path, "rb")
        except OSError:
            continue
    return None


def _count_chunk(file, position: LogPosition, report: IngestReport) -> bool:
    """Count whole lines from position.offset, up to CHUNK_BYTES; move the offset past
    them. True when the file holds more after them."""
    file.seek(position.offset)
    data = file.read(CHUNK_BYTES)
    end = data.rfind(b"\n") + 1
    if end == 0:
        if len(data) >= LONGEST_LINE:
            # No line break in a long stretch: not our log. Step over it (a bounded
            # loss) rather than stop every later reading here.
            report.malformed += 1
            position.offset += len(data)
            return len(data) == CHUNK_BYTES
        return False  # a line still being written: next time
    text = data[:end].decode("utf-8", errors="replace")
    views = tally(text.split("\n"), report)
    add_views(views, report)
    position.offset += end
    return len(data) == CHUNK_BYTES
