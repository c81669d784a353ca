"""Telling the edge what changed: purge by surrogate key, after commit, never blocking.

Wagtail's frontend cache module purges one URL at a time; a news site needs more: the
pages that *show* an article (its sections, topic, authors, the home page, the feeds,
every listing with its card) must go too. The edge (Varnish with xkey) files every
response under surrogate keys (keys.py), and a purge names keys. The backend below
extends Wagtail's HTTP backend, configured the Wagtail way (WAGTAILFRONTENDCACHE), with
that key purge.

A purge is sent once the transaction commits (a rolled-back change purges nothing),
from a background thread of the process that made the change (web server, worker or
CLI), so an editor's request never waits for the edge. When the edge cannot be reached,
the purge becomes a task that `kiosque worker` retries with a growing delay. Without
EDGE_URL nothing is sent and nothing fails.
"""

import logging
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from urllib.error import URLError
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends

from kiosque.edge.clock import content_changed
from kiosque.edge.fragments import mark_changed

logger = logging.getLogger("kiosque.edge")

KEY_PURGE_HEADER = "xkey-purge"
# Varnish caps a header line at 8 KB by default; listings tag dozens of keys, and a
# purge names a few, so batches of this many keys stay far below it.
KEYS_PER_REQUEST = 200


class EdgeUnreachable(Exception):
    pass


class SurrogateKeyBackend(HTTPBackend):
    """Wagtail's HTTP purge backend, plus purging every response tagged with given keys."""

    def __init__(self, params):
        self.timeout = params.pop("TIMEOUT", 2)
        self.location = params["LOCATION"].rstrip("/")
        super().__init__(params)

    def purge_keys(self, keys: Iterable[str]) -> None:
        keys = sorted(set(keys))
        for start in range(0, len(keys), KEYS_PER_REQUEST):
            batch = keys[start : start + KEYS_PER_REQUEST]
            request = PurgeRequest(
                url=self.location + "/",
                headers={
                    KEY_PURGE_HEADER: " ".join(batch),
                    "User-Agent": f"Kiosque (Wagtail-frontendcache/{wagtail_version})",
                },
            )
            try:
                with urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (our edge)
                    response.read()
            except (URLError, OSError) as error:
                raise EdgeUnreachable(f"{self.location}: {error}") from error


def edge_backends() -> list[SurrogateKeyBackend]:
    if not settings.EDGE_URL:
        return []
    backends = get_backends(settings.WAGTAILFRONTENDCACHE)
    return [b for b in backends.values() if isinstance(b, SurrogateKeyBackend)]


_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()


def _background() -> ThreadPoolExecutor:
    # Created on first use, so each process (gunicorn forks its workers) has its own.
    # Its threads are joined at interpreter exit: a CLI's last purges still go out.
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="edge-purge")
        return _executor


def send_now(keys: Iterable[str]) -> None:
    """Purge `keys` on every configured edge; raises EdgeUnreachable when one fails."""
    for backend in edge_backends():
        backend.purge_keys(keys)


def _send_or_schedule_retry(keys: list[str]) -> None:
    try:
        send_now(keys)
    except EdgeUnreachable as error:
        logger.warning("Edge purge failed, the worker will retry: %s", error)
        from kiosque.edge.tasks import schedule_retry

        schedule_retry(keys, attempt=1)
    except Exception:  # a purge must never take a process down
        logger.exception("Edge purge of %s failed", keys)


def purge_keys_on_commit(keys: Iterable[str]) -> None:
    """Purge `keys` once the current transaction commits (at once outside one)."""
    keys = sorted(set(keys))
    if not keys:
        return

    def after_commit():
        # The application's fragments first: the edge's next fetch must find them stale.
        mark_changed(keys)
        content_changed()
        if settings.EDGE_URL:
            _background().submit(_send_or_schedule_retry, keys)

    transaction.on_commit(after_commit)


def wait_for_pending_purges(timeout: float = 5.0) -> None:
    """Block until purges already submitted have been sent (tests and CLI shutdown)."""
    global _executor
    with _executor_lock:
        executor, _executor = _executor, None
    if executor is not None:
        executor.shutdown(wait=True, cancel_futures=False)
