"""Purges that an edge did not take: `kiosque worker` retries them there, with a growing delay.

Each retry names the edge it is for, so a purge that failed on one edge is sent again
to that edge only; the others took it already. A retry without an edge (queued when
the file of edges could not be read, or by an older release) goes to every edge.
"""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger("kiosque.edge")

# 2, 4, 8... seconds, about 17 minutes in all: an edge down for longer is restarted
# empty or warned about by its own monitoring; the purge is logged as lost.
MAX_ATTEMPTS = 10


def retry_delay(attempt: int) -> timedelta:
    return timedelta(seconds=2**attempt)


def schedule_retry(keys: list[str], attempt: int, edge: str | None = None) -> None:
    where = edge or "every edge"
    if attempt > MAX_ATTEMPTS:
        logger.error("Edge purge of %s on %s given up after %s attempts", keys, where, MAX_ATTEMPTS)
        return
    backend_supports_delay = retry_purge.get_backend().supports_defer
    if not backend_supports_delay:
        # The immediate backend (tests, `kiosque` without a worker) cannot wait: one
        # attempt is all it gets, logged above.
        logger.error("Edge purge of %s on %s failed and cannot be retried later", keys, where)
        return
    retry_purge.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
        keys=keys, attempt=attempt, edge=edge
    )


@task()
def retry_purge(keys: list[str], attempt: int, edge: str | None = None) -> None:
    from kiosque.edge.purge import send_or_schedule_retries

    send_or_schedule_retries(keys, edge=edge, attempt=attempt + 1)
