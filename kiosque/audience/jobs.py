"""What `kiosque worker` repeats for the audience (registered in apps.py)."""

import logging
import time

from django.conf import settings

from kiosque.audience.ingest import ingest_files
from kiosque.audience.retention import delete_expired_views

logger = logging.getLogger(__name__)

RETENTION_EVERY_SECONDS = 3600

_next_run = {"ingest": 0.0, "retention": 0.0}


def _due(name: str, every: float) -> bool:
    now = time.monotonic()
    if now < _next_run[name]:
        return False
    _next_run[name] = now + every
    return True


def ingest_local_logs() -> None:
    """Read AUDIENCE_LOG_FILES, at most every AUDIENCE_INGEST_SECONDS."""
    if not settings.AUDIENCE_LOG_FILES or not _due("ingest", settings.AUDIENCE_INGEST_SECONDS):
        return
    report = ingest_files(settings.AUDIENCE_LOG_FILES)
    if report.lines:
        logger.info("Audience: %s", report)


def delete_expired() -> None:
    if _due("retention", RETENTION_EVERY_SECONDS):
        delete_expired_views()
