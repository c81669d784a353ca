"""Purges that failed when sent: `kiosque worker` retries them with a growing delay."""

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


def schedule_retry(keys: list[str], attempt: int) -> None:
    if attempt > MAX_ATTEMPTS:
        logger.error("Edge purge of %s given up after %s attempts", keys, MAX_ATTEMPTS)
        return
    backend_supports_delay = retry_purge.get_backend().supports_defer
    if not backend_supports_delay:
        # The immediate backend (tests, `kiosque` without a worker) cannot wait: one
        # attempt is all it gets, logged above.
        logger.error("Edge purge of %s failed and cannot be retried later", keys)
        return
    retry_purge.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
        keys=keys, attempt=attempt
    )


@task()
def retry_purge(keys: list[str], attempt: int) -> None:
    from kiosque.edge.purge import EdgeUnreachable, send_now

    try:
        send_now(keys)
    except EdgeUnreachable as error:
        logger.warning("Edge purge retry %s failed: %s", attempt, error)
        schedule_retry(keys, attempt + 1)
