"""Files and folders → ingest results, one per item; a bad item never stops the batch."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

from kiosque.wires.models import WireSource
from kiosque.wires.parsing import WireRejected, parse_file
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
    try:
        results = parse_file(read_limited(path), expected_format=source.format if source else "")
    except WireRejected as rejected:
        return [IngestResult("rejected", str(path), "-", reason=rejected.reason)]
    except OSError as error:
        return [IngestResult("rejected", str(path), "-", reason=f"unreadable: {error.strerror}")]
    known = already_stored([e for e in results if not isinstance(e, WireRejected)])
    return [
        known.get(f"{entry.identity} {version_key(entry)}") or _one(entry, path, source, publish)
        if not isinstance(entry, WireRejected)
        else _rejected(entry, path)
        for entry in results
    ]


def _one(entry, path: Path, source, publish) -> IngestResult:
    if isinstance(entry, WireRejected):
        return _rejected(entry, path)
    try:
        return wire_item_ingest(
            parsed=entry, source=source, base_dir=path.parent, publish=publish, file_name=str(path)
        )
    except WireRejected as rejected:
        return _rejected(rejected, path, entry.identity, entry.version_label)
    except Exception as error:  # one broken item must not stop the batch
        logger.exception("wire item %s from %s failed", entry.identity, path)
        return IngestResult(
            "rejected", entry.identity, entry.version_label, reason=f"internal error: {error}"
        )


def _rejected(rejected: WireRejected, path: Path, identity="", version="") -> IngestResult:
    return IngestResult(
        "rejected",
        rejected.identity or identity or str(path),
        rejected.version or version or "-",
        reason=rejected.reason,
    )


def ingest_paths(
    paths: list[Path], *, source: WireSource | None = None, publish: bool = False
) -> Iterator[tuple[Path, list[IngestResult]]]:
    for path in expand_paths(paths):
        yield path, ingest_file(path, source=source, publish=publish)
