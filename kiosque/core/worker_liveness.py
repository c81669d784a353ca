"""Tasks of a killed worker go back to the queue, and run to the end once (decision 0074).

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it
again: a worker killed in the middle (SIGKILL, the out-of-memory killer, a host that
dies) leaves its task RUNNING for ever. So each `kiosque worker` keeps a row in
`WorkerHeartbeat`, refreshed every third of the bound (`KIOSQUE_WORKER_LOST_SECONDS`,
default 30 s), and deleted when it stops normally. At each beat, every worker also looks
for rows older than the bound: those workers are lost, and their RUNNING tasks go back
to READY, to be claimed again like any other task.

Why it runs once:
- One reaper per lost worker: its heartbeat row is locked (`FOR UPDATE SKIP LOCKED` on
  PostgreSQL; the whole database on SQLite, whose write transactions are exclusive) and
  deleted in the same transaction as the tasks are requeued.
- A task is requeued only if it is still the claim that the lost worker made (status
  RUNNING and the same `started_at`): a task that finished, or that another worker has
  claimed since, is left alone.
- A worker that was only frozen (SIGSTOP, a paused virtual machine) and finds on waking
  that its row was reaped while it ran a task exits at once (the task is someone else's
  now), after writing its row back so that whatever it held goes back to the queue.
- Times are the database's clock, never a host's.

What "once" means: the task runs to the end once and is recorded SUCCESSFUL (or FAILED)
once; the killed run may have done part of its work, and every task of Kiosque must be
safe to run again from the start (the decision lists why each one is).

Tasks left RUNNING by a worker with no heartbeat row (a version before this one) are not
touched: nothing says whether that worker is dead or busy.
"""

from __future__ import annotations

import logging
import math
import os
import socket
import threading
from collections.abc import Callable
from datetime import timedelta

from django.db import DatabaseError, close_old_connections, connection
from django.db.models.functions import Now

logger = logging.getLogger("kiosque.worker")

ENVIRONMENT_VARIABLE = "KIOSQUE_WORKER_LOST_SECONDS"
DEFAULT_LOST_SECONDS = 30.0
# A worker beats this many times within the bound: a beat or two may be late (a slow
# database, a long pause of the collector) without the worker being taken for dead.
BEATS_PER_BOUND = 3
MIN_LOST_SECONDS = 0.5  # tests only: in production, a few seconds at least
MAX_LOST_SECONDS = 3600.0
# Exit status of a worker whose task was given to another while it was frozen.
FENCED_EXIT_STATUS = 75


def lost_seconds(value: str) -> float:
    """The bound, from its text (environment or command line); ValueError when unusable."""
    seconds = float(value)
    if not math.isfinite(seconds) or not MIN_LOST_SECONDS <= seconds <= MAX_LOST_SECONDS:
        raise ValueError(f"between {MIN_LOST_SECONDS} and {MAX_LOST_SECONDS:.0f} seconds")
    return seconds


def lost_seconds_from_environment() -> float:
    raw = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if not raw:
        return DEFAULT_LOST_SECONDS
    try:
        return lost_seconds(raw)
    except ValueError as error:
        raise ValueError(f"{ENVIRONMENT_VARIABLE}={raw!r}: {error}") from None


# --- what the apps above do when a worker is lost ----------------------------------------
#
# A lost worker may hold more than tasks: the wire desk's folder locks, say. core knows
# no app above it, so they register here what to release (kiosque.wires.apps).

_lost_worker_hooks: dict[str, Callable[[str], object]] = {}


def on_worker_lost(name: str, release: Callable[[str], object]) -> None:
    """`release(worker_id)` runs once a worker is known lost, after its tasks are requeued."""
    _lost_worker_hooks[name] = release  # by name: ready() may run more than once


_current_worker_id: str | None = None


def current_worker_id() -> str | None:
    """This process's worker id inside `kiosque worker`, else None (web, CLI)."""
    return _current_worker_id


# --- the reaper ------------------------------------------------------------------------


def _last_owner(task) -> str | None:
    return task.worker_ids[-1] if task.worker_ids else None


def requeue_tasks_of_lost_workers(*, lost_after: float, sparing: str = "") -> list[str]:
    """Put back to READY the RUNNING tasks of workers unseen for `lost_after` seconds.

    `sparing`: the calling worker, never its own reaper (its row may look old while its
    own heartbeat is the write being delayed). Returns the ids of the tasks requeued.
    """
    from django_tasks_db.models import DBTaskResult
    from django_tasks_db.utils import exclusive_transaction

    from kiosque.core.models import WorkerHeartbeat

    stale = WorkerHeartbeat.objects.filter(
        last_seen__lt=Now() - timedelta(seconds=lost_after)
    ).exclude(worker_id=sparing)
    # A plain read first: the write lock below is only taken when someone is lost.
    if not stale.exists():
        return []
    requeued: list[str] = []
    with exclusive_transaction(WorkerHeartbeat.objects.db):
        lost = {w.worker_id: w for w in stale.select_for_update(skip_locked=True)}
        if not lost:
            return []  # another worker is reaping them
        running = DBTaskResult.objects.running().only("id", "task_path", "worker_ids", "started_at")
        for task in running:
            owner = _last_owner(task)
            if owner not in lost:
                continue
            # Compare and set: still the lost worker's claim, not a later one.
            claimed = DBTaskResult.objects.filter(
                pk=task.pk, status=task.status, started_at=task.started_at
            )
            if claimed.update(status="READY", started_at=None):
                requeued.append(str(task.pk))
                worker = lost[owner]
                logger.warning(
                    "Task %s (%s) back in the queue: worker %s (%s, pid %s) not seen since %s",
                    task.pk,
                    task.task_path,
                    owner,
                    worker.host,
                    worker.pid,
                    worker.last_seen.isoformat(),
                )
        WorkerHeartbeat.objects.filter(worker_id__in=list(lost)).delete()
    for worker_id in lost:
        for name, release in _lost_worker_hooks.items():
            try:
                release(worker_id)
            except Exception:
                logger.exception("%s: releasing what lost worker %s held failed", name, worker_id)
    return requeued


# --- the heartbeat ---------------------------------------------------------------------


class Heartbeat(threading.Thread):
    """Keeps this worker's row fresh, and reaps lost workers, until told to stop."""

    def __init__(self, worker_id: str, lost_after: float):
        super().__init__(name="kiosque-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.lost_after = lost_after
        self.interval = lost_after / BEATS_PER_BOUND
        self.host = socket.gethostname()[:255]
        self.pid = os.getpid()
        self.stopping = threading.Event()
        self.task_in_progress: str | None = None
        self._failing = False

    # The worker runs tasks in the main thread and says so through django-tasks' signals.
    def _task_started(self, sender, task_result, **kwargs) -> None:
        self.task_in_progress = str(task_result.id)

    def _task_finished(self, sender, task_result, **kwargs) -> None:
        self.task_in_progress = None

    def register(self) -> None:
        """The first beat, before the worker claims anything: a task is never claimed by
        a worker without a row (it could not be requeued if that worker died)."""
        from django_tasks_db.compat import task_finished, task_started

        from kiosque.core.models import WorkerHeartbeat

        global _current_worker_id
        _current_worker_id = self.worker_id
        task_started.connect(self._task_started, dispatch_uid="kiosque-heartbeat-started")
        task_finished.connect(self._task_finished, dispatch_uid="kiosque-heartbeat-finished")
        WorkerHeartbeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={"host": self.host, "pid": self.pid, "last_seen": Now()},
            create_defaults={
                "host": self.host,
                "pid": self.pid,
                "started_at": Now(),
                "last_seen": Now(),
            },
        )

    def beat(self) -> None:
        from kiosque.core.models import WorkerHeartbeat

        refreshed = WorkerHeartbeat.objects.filter(worker_id=self.worker_id).update(last_seen=Now())
        if refreshed:
            return
        # Reaped: this worker was taken for dead (frozen, or cut off from the database
        # for longer than the bound), and every task it ran then went back to the queue.
        task = self.task_in_progress
        row = {"host": self.host, "pid": self.pid, "started_at": Now()}
        if task is not None:
            # Its row comes back already old, so that a task claimed since the reaping,
            # still marked as this worker's, is requeued at the next reaper's pass.
            WorkerHeartbeat.objects.create(
                worker_id=self.worker_id,
                last_seen=Now() - timedelta(seconds=self.lost_after),
                **row,
            )
            self.fence(task)
        WorkerHeartbeat.objects.create(worker_id=self.worker_id, last_seen=Now(), **row)
        logger.warning("Worker %s was taken for lost while idle; it goes on", self.worker_id)

    def fence(self, task_id: str) -> None:
        """The task in hand was given back to the queue: another worker runs it from the
        start, so this one stops now, before it writes anything more."""
        logger.critical(
            "Worker %s was taken for lost while it ran task %s, now another worker's: exiting",
            self.worker_id,
            task_id,
        )
        logging.shutdown()
        os._exit(FENCED_EXIT_STATUS)

    def run(self) -> None:
        while not self.stopping.wait(self.interval):
            close_old_connections()
            try:
                self.beat()
                requeue_tasks_of_lost_workers(lost_after=self.lost_after, sparing=self.worker_id)
                if self._failing:
                    logger.warning("Worker %s: heartbeat written again", self.worker_id)
                self._failing = False
            except DatabaseError as error:
                # Logged once per outage, not at every beat; the next beat tries again.
                if not self._failing:
                    logger.warning("Worker %s: heartbeat not written: %s", self.worker_id, error)
                self._failing = True
            except Exception:
                logger.exception("Worker %s: heartbeat failed", self.worker_id)
            finally:
                close_old_connections()
        connection.close()

    def stop(self) -> None:
        """A normal stop: the row goes, so nobody waits for the bound to reap this worker."""
        from kiosque.core.models import WorkerHeartbeat

        self.stopping.set()
        self.join(self.interval + 5)
        try:
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
        except DatabaseError as error:
            logger.warning("Worker %s: heartbeat row left behind: %s", self.worker_id, error)
