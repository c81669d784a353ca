"""Telling the edges what changed: purge by surrogate key, after commit, never blocking.

Wagtail's frontend cache module purges one URL at a time; a news site needs more: the
pages that *show* an article (its sections, topic, authors, the home page, the feeds,
every listing with its card) must go too. The edge (Varnish with xkey) files every
response under surrogate keys (keys.py), and a purge names keys. The backend below is a
Wagtail frontend-cache backend, configured the Wagtail way (WAGTAILFRONTENDCACHE), that
purges those keys on every edge EDGE_URL names (addresses.py: a list, or a file re-read
when it changes).

A purge is sent once the transaction commits (a rolled-back change purges nothing),
from a background thread of the process that made the change (web server, worker or
CLI), so an editor's request never waits for the edges; it goes to all of them at once.
Each edge that cannot be reached gets the purge again later, alone, from a task that
`kiosque worker` retries with a growing delay: the edges that took it are not purged
twice. Without EDGE_URL nothing is sent and nothing fails.
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
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends

from kiosque.edge.addresses import EdgeListUnavailable, edge_source
from kiosque.edge.clock import content_changed
from kiosque.edge.fragments import mark_changed

logger = logging.getLogger("kiosque.edge")

KEY_PURGE_HEADER = "xkey-purge"
# Varnish caps a header line at 8 KB by default; listings tag dozens of keys, and a
# purge names a few, so batches of this many keys stay far below it.
KEYS_PER_REQUEST = 200
# Edges purged at once by one purge; more are purged in turn. A site has a handful.
PARALLEL_EDGES = 8


class EdgeUnreachable(Exception):
    def __init__(self, edge: str, error: object):
        super().__init__(f"{edge}: {error}")
        self.edge = edge


class SurrogateKeyBackend(BaseBackend):
    """Purges every edge that LOCATION names, by surrogate key (and by URL, as Wagtail's
    HTTP backend does, for Wagtail's own purge functions).

    One backend holds every edge, rather than one Wagtail backend per edge, because the
    edges may change while the process runs (a file of edges) and a retry names an edge.
    LOCATION is EDGE_URL's value (or a list of URLs); TIMEOUT bounds each request.
    """

    def __init__(self, params):
        super().__init__(params)
        self.timeout = params.get("TIMEOUT", 2)
        location = params["LOCATION"]
        if not isinstance(location, str):
            location = ",".join(location)
        self.source = edge_source(location)

    def edges(self) -> list[str]:
        """The edges now (raises EdgeListUnavailable when their file cannot be read)."""
        return self.source.urls()

    def purge_keys(
        self, keys: Iterable[str], edges: list[str] | None = None
    ) -> dict[str, EdgeUnreachable]:
        """Purge `keys` on `edges` (default: every edge) at once; the ones that failed."""
        keys = sorted(set(keys))
        edges = self.edges() if edges is None else edges
        if len(edges) <= 1:
            outcomes = [self._purge_on(edge, keys) for edge in edges]
        else:
            with ThreadPoolExecutor(
                max_workers=min(len(edges), PARALLEL_EDGES), thread_name_prefix="edge-fanout"
            ) as pool:
                outcomes = list(pool.map(lambda edge: self._purge_on(edge, keys), edges))
        return {failure.edge: failure for failure in outcomes if failure is not None}

    def _purge_on(self, edge: str, keys: list[str]) -> EdgeUnreachable | None:
        for start in range(0, len(keys), KEYS_PER_REQUEST):
            batch = keys[start : start + KEYS_PER_REQUEST]
            request = PurgeRequest(
                url=edge + "/",
                headers={
                    KEY_PURGE_HEADER: " ".join(batch),
                    "User-Agent": f"Kiosque (Wagtail-frontendcache/{wagtail_version})",
                },
            )
            try:
                with urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (our edge)
                    response.read()
            except (URLError, OSError) as error:
                # An HTTP error status too (HTTPError is a URLError): a 403 says the
                # edge's `purgers` ACL does not list this host, and it is worth retrying
                # once the ACL is fixed.
                return EdgeUnreachable(edge, error)
        return None

    def purge(self, url: str) -> None:
        for edge in self.edges():
            HTTPBackend({"LOCATION": edge}).purge(url)


def edge_backends() -> list[SurrogateKeyBackend]:
    if not settings.EDGE_URL:
        return []
    backends = get_backends(settings.WAGTAILFRONTENDCACHE)
    return [b for b in backends.values() if isinstance(b, SurrogateKeyBackend)]


def send_now(keys: Iterable[str], edge: str | None = None) -> dict[str, EdgeUnreachable]:
    """Purge `keys` on every edge, or on `edge` alone if it is still one of them.

    Returns the edges that did not take it; raises EdgeListUnavailable when the file of
    edges cannot be read.
    """
    keys = sorted(set(keys))
    failures: dict[str, EdgeUnreachable] = {}
    listed = False
    for backend in edge_backends():
        edges = backend.edges()
        if edge is not None:
            if edge not in edges:
                continue
            edges = [edge]
        listed = True
        failures |= backend.purge_keys(keys, edges)
    if edge is not None and not listed:
        # Removed from the list since: it serves nobody, or was restarted empty.
        logger.info("Edge %s is no longer listed: its purge of %s is dropped", edge, keys)
    return failures


def send_or_schedule_retries(keys: list[str], edge: str | None = None, attempt: int = 1) -> None:
    """Purge `keys` (on `edge` alone if given); each edge that failed gets its own retry."""
    from kiosque.edge.tasks import schedule_retry

    try:
        failures = send_now(keys, edge)
    except EdgeListUnavailable as error:
        logger.warning("Edges unknown, the worker will retry the purge: %s", error)
        schedule_retry(keys, attempt=attempt, edge=edge)
        return
    for failed_edge, error in failures.items():
        logger.warning("Edge purge failed, the worker will retry it on that edge: %s", error)
        schedule_retry(keys, attempt=attempt, edge=failed_edge)


def _send_or_schedule_retry(keys: list[str]) -> None:
    try:
        send_or_schedule_retries(keys)
    except Exception:  # a purge must never take a process down
        logger.exception("Edge purge of %s failed", keys)


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
