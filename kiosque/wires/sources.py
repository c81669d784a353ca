"""Polling the configured wire sources: folder drops and HTTP feeds."""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from kiosque.core.worker_liveness import current_worker_id
from kiosque.wires.batch import (
    SKIPPED_FOLDERS,
    SUFFIXES,
    error_summary,
    file_rejected,
    ingest_entries,
    ingest_file,
)
from kiosque.wires.models import WireSource
from kiosque.wires.parsing import WireRejected, parse_file
from kiosque.wires.services import IngestResult

logger = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"


def sources_poll() -> Iterator[tuple[WireSource, list[IngestResult], Exception | None]]:
    """Each enabled source polled in turn: its results, or the error that stopped it.

    One source's fault (its folder, its feed, the database for a moment) is logged and
    never stops the polling of the others."""
    for source in WireSource.objects.filter(enabled=True).select_related("agency"):
        try:
            results, error = source_poll(source=source), None
        except Exception as caught:
            logger.exception("wire source %s: poll failed", source.name)
            results, error = [], caught
        yield source, results, error


def source_poll(*, source: WireSource) -> list[IngestResult]:
    if source.kind == WireSource.Kind.FOLDER:
        results = folder_poll(source=source)
    else:
        results = feed_poll(source=source)
    WireSource.objects.filter(pk=source.pk).update(last_polled_at=timezone.now())
    return results


def _waiting_files(folder: Path) -> list[Path]:
    settle = settings.WIRES_FOLDER_SETTLE_SECONDS
    now = time.time()
    return [
        p
        for p in sorted(folder.iterdir())
        if p.is_file()
        and p.suffix.lower() in SUFFIXES
        and p.name not in SKIPPED_FOLDERS
        # A file the agency is still writing is left for the next poll.
        and now - p.stat().st_mtime >= settle
    ]


def folder_poll(*, source: WireSource) -> list[IngestResult]:
    """Each file: ingested, then moved to done/, or to failed/ beside a .reason.txt."""
    folder = Path(source.folder)
    if not folder.is_dir():
        logger.warning("wire source %s: folder %s does not exist", source.name, folder)
        return []
    results: list[IngestResult] = []
    for path in _waiting_files(folder):
        lock = path.with_name(f".{path.name}{LOCK_SUFFIX}")
        try:
            # Several workers poll the same folder: the first to create the lock owns it.
            descriptor = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            continue
        try:
            # Signed with the worker's id: if the worker is killed before it unlinks the
            # lock, the worker that requeues its poll releases the file too (below).
            os.write(descriptor, (current_worker_id() or "").encode())
        finally:
            os.close(descriptor)
        try:
            if not path.exists():
                continue
            found = _file_ingested(path, source)
            results.extend(found)
            _file_away(path, [r for r in found if r.outcome == "rejected"])
        except OSError as error:  # failed/ or done/ not writable: the file waits
            logger.error("wire source %s: %s could not be filed away: %s", source.name, path, error)
        finally:
            lock.unlink(missing_ok=True)
    return results


def _file_ingested(path: Path, source: WireSource) -> list[IngestResult]:
    """ingest_file's results; any fault of this one file rejects it (it goes to failed/
    with the reason), so that the folder's other files and the other sources are polled.

    Only the database being unreachable is not the file's fault: it stays where it is,
    for the next poll, and the error stops this source's poll (the task goes on)."""
    try:
        return ingest_file(path, source=source, publish=False)
    except (OperationalError, InterfaceError):
        raise
    except Exception as error:
        logger.exception("wire source %s: file %s failed", source.name, path)
        return [file_rejected(path, f"internal error: {error_summary(error)}")]


def locks_of_lost_worker_released(worker_id: str) -> int:
    """Unlink the folder locks a lost worker left: its files are polled again.

    Called by core's reaper once the worker is known lost (kiosque.wires.apps); only
    that reaper handles that worker, and a lock holds the id of the worker that made it,
    so no live worker's lock is ever taken. Ingesting a file again is harmless: items are
    unique by identity and version.
    """
    released = 0
    if not worker_id:
        return released  # a lock written outside a worker (`kiosque wires_poll`) has none
    folders = WireSource.objects.filter(kind=WireSource.Kind.FOLDER).values_list(
        "folder", flat=True
    )
    for folder in folders:
        try:
            locks = [p for p in Path(folder).glob(f".*{LOCK_SUFFIX}") if p.is_file()]
        except OSError:
            continue
        for lock in locks:
            try:
                if lock.read_text(errors="replace") == worker_id:
                    lock.unlink(missing_ok=True)
                    released += 1
                    logger.warning(
                        "wire folder lock %s of lost worker %s released", lock, worker_id
                    )
            except OSError:
                continue
    return released


def _file_away(path: Path, rejected: list[IngestResult]) -> None:
    target = path.parent / ("failed" if rejected else "done")
    target.mkdir(exist_ok=True)
    destination = target / path.name
    shutil.move(str(path), destination)
    if rejected:
        reasons = "".join(f"{r.identity} v{r.version}: {r.reason}\n" for r in rejected)
        destination.with_name(destination.name + ".reason.txt").write_text(
            reasons, encoding="utf-8"
        )


def feed_poll(*, source: WireSource) -> list[IngestResult]:
    """One conditional GET (ETag / If-Modified-Since); the feed is a ninjs list or a
    NewsML-G2 newsMessage."""
    headers = {}
    if source.etag:
        headers["If-None-Match"] = source.etag
    if source.last_modified:
        headers["If-Modified-Since"] = source.last_modified
    try:
        data, response = _get(source.feed_url, headers)
    except (requests.RequestException, WireRejected) as error:
        logger.warning("wire source %s: %s", source.name, error)
        return []
    if response.status_code == 304:
        return []
    try:
        entries = parse_file(data, expected_format=source.format)
    except WireRejected as rejected:
        return [file_rejected(source.feed_url, rejected.reason)]
    except Exception as error:  # a fault of the reader: this feed, not the other sources
        logger.exception("wire source %s: feed %s unreadable", source.name, source.feed_url)
        reason = f"internal error while reading: {error_summary(error)}"
        return [file_rejected(source.feed_url, reason)]
    # A relative picture reference in a feed item is resolved against the feed's address
    # (then fetched under the same rules as any picture URL: allowed hosts only).
    results = ingest_entries(
        entries, source=source, publish=False, origin=source.feed_url, base_url=source.feed_url
    )
    WireSource.objects.filter(pk=source.pk).update(
        etag=response.headers.get("ETag", "")[:300],
        last_modified=response.headers.get("Last-Modified", "")[:100],
    )
    return results


def _get(url: str, headers: dict) -> tuple[bytes, requests.Response]:
    limit = settings.WIRES_MAX_FILE_BYTES
    host = urlsplit(url).hostname
    response = requests.get(
        url,
        headers=headers,
        stream=True,
        allow_redirects=False,
        timeout=settings.WIRES_FETCH_TIMEOUT,
    )
    with response:
        if response.is_redirect:
            raise WireRejected(f"feed {url} redirects (to {response.headers.get('Location')})")
        if response.status_code == 304:
            return b"", response
        if response.status_code != 200:
            raise WireRejected(f"feed {url} ({host}): HTTP {response.status_code}")
        buffer = bytearray()
        for chunk in response.iter_content(65536):
            buffer.extend(chunk)
            if len(buffer) > limit:
                raise WireRejected(f"feed {url}: larger than {limit} bytes")
        return bytes(buffer), response
