"""The sending of an edition in the workers (django-tasks), run by `kiosque worker`.

Each run of `send_edition` sends one batch (kiosque.newsletters.sending.send_batch) and
queues the next run: at once while messages are waiting, later when only deferred ones
are left, none when the edition is sent. A batch per task keeps a worker free for the
site's other tasks between batches, and a worker killed in the middle has its run
requeued by the others (decision 0074), which resumes after what was recorded.
"""

import logging

from django.utils import timezone
from django_tasks import task

from kiosque.newsletters.sending import send_batch

logger = logging.getLogger("kiosque.newsletters")


@task()
def send_edition(edition_id: int, after_id: int = 0) -> dict:
    from datetime import timedelta

    result = send_batch(edition_id, after_id=after_id)
    if result.next_in is not None:
        follow = {"edition_id": edition_id, "after_id": result.after_id}
        if result.next_in <= 0:
            send_edition.enqueue(**follow)
        elif send_edition.get_backend().supports_defer:
            later = timezone.now() + timedelta(seconds=result.next_in)
            send_edition.using(run_after=later).enqueue(**follow)
        else:
            # The immediate backend (tests, a site without workers) runs tasks at once
            # and cannot wait: the deferred messages stay until a run is queued again.
            logger.warning(
                "Newsletter edition %s: %.0f s to wait, and this task backend cannot wait",
                edition_id,
                result.next_in,
            )
    return dict(result.counts)
