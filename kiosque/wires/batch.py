"""Files and folders → ingest results, one per item; a bad item never stops the batch."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.db import InterfaceError, OperationalError

from kiosque.wires import routing
from kiosque.wires.models import WireSource
from kiosque.wires.parsing import ParsedItem, WireRejected, parse_file
from kiosque.wires.services import (
    IngestResult,
    already_stored,
    version_key,
    wire_item_ingest,
)

logger = logging.getLogger(__name__)
SUFFIXES = {".json", ".xml", ".ninjs"}
SKIPPED_FOLDERS = {"done", "failed"}


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given; folders walked (item files only, not done/ or failed/)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if any(p in SKIPPED_FOLDERS or p.startswith(".") for p in relative):
                    continue
                if child.is_file() and child.suffix.lower() in SUFFIXES:
                    files.append(child)
        else:
            files.append(path)
    return files


def read_limited(path: Path) -> bytes:
    limit = settings.WIRES_MAX_FILE_BYTES
    size = path.stat().st_size
    if size > limit:
        raise WireRejected(f"file too large: {size} bytes, the limit is {limit}")
    return path.read_bytes()


def ingest_file(
    path: Path, *, source: WireSource | None = None, publish: bool = False
) -> list[IngestResult]:
    """The file's results; a file that cannot be read is one `rejected` result, whatever
    went wrong, so that the files after it in a batch or a poll are still ingested."""
    try:
        entries = parse_file(read_limited(path), expected_format=source.format if source else "")
    except WireRejected as rejected:
        return [file_rejected(path, rejected.reason)]
    except OSError as error:
        return [file_rejected(path, f"unreadable: {error.strerror}")]
    except Exception as error:  # a fault of the reader itself: the file, not the batch
        logger.exception("wire file %s could not be read", path)
        reason = f"internal error while reading the file: {error_summary(error)}"
        return [file_rejected(path, reason)]
    return ingest_entries(
        entries, source=source, publish=publish, base_dir=path.parent, origin=str(path)
    )


def file_rejected(path: Path | str, reason: str) -> IngestResult:
    return IngestResult("rejected", str(path), "-", reason=reason)


def error_summary(error: Exception) -> str:
    """The error's type and first line, short: a reason printed on one line."""
    message = str(error).splitlines()[0][:200] if str(error) else ""
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


# Pictures first, then packages, then texts: a text of a newsMessage package is stored
# when its pictures already are, so its article gets them from the start.
PROCESSING_ORDER = {"picture": 0, "graphic": 0, "composite": 1}


def ingest_entries(
    entries: list[ParsedItem | WireRejected],
    *,
    source: WireSource | None,
    publish: bool,
    origin: str,
    base_dir: Path | None = None,
    base_url: str = "",
) -> list[IngestResult]:
    """The items of one file or feed, each stored on its own; results in document order.

    Relative picture references are resolved against `base_dir` (a file's folder) or
    `base_url` (a feed's address)."""
    known, existing = already_stored([e for e in entries if not isinstance(e, WireRejected)])
    results: list[IngestResult | None] = [None] * len(entries)
    order = sorted(
        range(len(entries)),
        key=lambda i: PROCESSING_ORDER.get(getattr(entries[i], "item_type", ""), 2),
    )
    with routing.batch_scope():
        for index in order:
            entry = entries[index]
            if isinstance(entry, WireRejected):
                results[index] = _rejected(entry, origin)
                continue
            results[index] = known.get(f"{entry.identity} {version_key(entry)}") or _one(
                entry, origin, source, publish, base_dir, base_url, entry.identity not in existing
            )
    return results


def _one(
    entry: ParsedItem, origin: str, source, publish, base_dir, base_url, known_new: bool
) -> IngestResult:
    try:
        return wire_item_ingest(
            parsed=entry,
            source=source,
            base_dir=base_dir,
            base_url=base_url,
            publish=publish,
            file_name=origin,
            known_new=known_new,
        )
    except WireRejected as rejected:
        return _rejected(rejected, origin, entry.identity, entry.version_label)
    except (OperationalError, InterfaceError):
        # The database gone (or SQLite busy past its timeout) is no fault of the item:
        # not a rejection, which would file it away in failed/. The poll keeps the file
        # for the next one; `kiosque ingest` stops with the error.
        raise
    except Exception as error:  # one broken item must not stop the batch
        logger.exception("wire item %s from %s failed", entry.identity, origin)
        return IngestResult(
            "rejected", entry.identity, entry.version_label, reason=f"internal error: {error}"
        )


def _rejected(rejected: WireRejected, origin: str, identity="", version="") -> IngestResult:
    return IngestResult(
        "rejected",
        rejected.identity or identity or origin,
        rejected.version or version or "-",
        reason=rejected.reason,
    )


def ingest_paths(
    paths: list[Path], *, source: WireSource | None = None, publish: bool = False
) -> Iterator[tuple[Path, list[IngestResult]]]:
    for path in expand_paths(paths):
        yield path, ingest_file(path, source=source, publish=publish)
