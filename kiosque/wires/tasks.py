"""Background polling of the wire sources by `kiosque worker` (django-tasks).

The poll task schedules its own next run; saving a source (or `kiosque wires_poll
--schedule`) starts the chain when none is waiting. Several workers may run: folder
files are claimed with a lock file, items are unique by identity.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from kiosque.wires.models import WireSource


@task()
def wires_poll_sources() -> dict:
    """Poll every enabled source once, then schedule the next poll, whatever happened:
    a source that fails is logged and the others are still polled (a task that raised
    would never schedule its successor, and polling would stop for every agency)."""
    from kiosque.wires.sources import sources_poll

    counts: dict[str, int] = {}
    try:
        for _source, results, _error in sources_poll():
            for result in results:
                counts[result.outcome] = counts.get(result.outcome, 0) + 1
    finally:
        schedule_next_poll()
    return counts


def schedule_next_poll() -> bool:
    """Enqueue the next poll unless one is already waiting (deferred backends only)."""
    backend = wires_poll_sources.get_backend()
    if not backend.supports_defer or not WireSource.objects.filter(enabled=True).exists():
        return False
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # another backend: no queue to inspect
        DBTaskResult = None
    if DBTaskResult is not None:
        waiting = DBTaskResult.objects.ready() | DBTaskResult.objects.filter(
            status="READY", run_after__gt=timezone.now()
        )
        if waiting.filter(task_path=wires_poll_sources.module_path).exists():
            return False
    when = timezone.now() + timedelta(seconds=settings.WIRES_POLL_SECONDS)
    wires_poll_sources.using(run_after=when).enqueue()
    return True
