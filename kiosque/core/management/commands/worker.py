"""`kiosque worker`: background tasks and the publishing schedule, in one process.

Tasks: django-tasks-db's `db_worker` (renditions, purges, indexing, wire polling), under
a stable name so operators, systemd units and the README do not depend on the backend
package's command name.

Schedule: django-tasks has no periodic scheduler, and the newsroom must not depend on a
cron job someone forgot to install. So every worker also runs, in a thread, one tick of
each periodic job every `--schedule-interval` seconds (`KIOSQUE_SCHEDULE_SECONDS`,
default 15), and as soon as a job's next work is due when that comes earlier. The jobs
come from kiosque.core.periodic_jobs, filled by the apps that own them (core knows no
app above it). Today there is one, the publishing schedule (kiosque.editorial.scheduling):
scheduled publications (go-live dates, wire embargoes) and expiries. Several workers may
run; each due page is claimed under a row lock, so none is published twice (decision 0046).

Liveness: every worker keeps a heartbeat row, and puts back in the queue the tasks of a
worker unseen for `--lost-after` seconds (`KIOSQUE_WORKER_LOST_SECONDS`, default 30): a
worker killed in the middle of a task has it finished by another, once (decision 0074,
kiosque.core.worker_liveness). This runs in its own thread, with `--no-schedule` too.

Database outages: django-tasks-db's worker ends when the database goes away (a
PostgreSQL restart, a failover): the task running then fails, the worker cannot record
the failure on the closed connection either, and that error leaves its loop. Here the
worker waits for the database instead, with a bounded backoff and one warning per
outage, and puts the interrupted task back in the queue: it runs again from the start,
like a killed worker's (every task is safe to run again, decision 0074), at most
MAX_INTERRUPTIONS times per task in this process before it is recorded as failed
(decision 0081).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import math
import os
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable

from django.core.management.base import CommandError
from django.db import (
    DatabaseError,
    InterfaceError,
    OperationalError,
    close_old_connections,
    connection,
    connections,
)
from django.utils import timezone
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.utils import is_locked_database_exception

from kiosque.core import periodic_jobs, worker_liveness

logger = logging.getLogger("kiosque.worker")

DEFAULT_SCHEDULE_SECONDS = 15
STOP_WAIT_SECONDS = 10
# Woken just after a page's time, not at it: the clocks of database and worker may differ.
DUE_MARGIN_SECONDS = 0.5

# What a lost database raises: the server gone, restarting, refusing connections, or a
# connection it closed. (A locked SQLite file is an OperationalError too, but the
# backend's own loop already waits for it.)
DATABASE_GONE = (OperationalError, InterfaceError)
# Between two tries to reach the database again: doubling from the first, up to the last.
OUTAGE_FIRST_WAIT_SECONDS = 0.2
OUTAGE_LONGEST_WAIT_SECONDS = 4.0
# An error within this time of the database's return continues the same outage.
OUTAGE_SAME_SECONDS = 60.0
# A task interrupted this many times by outages in one worker is recorded as failed: a
# task that itself breaks the connection must not run for ever.
MAX_INTERRUPTIONS = 3


def database_gone(error: BaseException) -> bool:
    return isinstance(error, DATABASE_GONE) and not is_locked_database_exception(error)


class InterruptedByDatabaseOutage(Exception):
    """Recorded as a task's failure when outages interrupted it MAX_INTERRUPTIONS times."""


class ResilientWorker(Worker):
    """django-tasks-db's worker, which waits for a lost database instead of exiting."""

    def __init__(self, *, on_task_interrupted: Callable[[], object] = lambda: None, **kwargs):
        super().__init__(**kwargs)
        # Tells the heartbeat this worker no longer holds the task it was running.
        self.on_task_interrupted = on_task_interrupted
        self.interruptions: Counter[str] = Counter()
        self.wait = OUTAGE_FIRST_WAIT_SECONDS  # before the next try to reach the database
        self.last_recovery = self.last_warning = -math.inf  # time.monotonic()

    def run(self) -> None:
        recovering = False
        while True:
            try:
                if recovering:
                    self.requeue_interrupted_tasks()
                    recovering = False
                return super().run()
            except Exception as error:
                if not database_gone(error):
                    raise
                if not self.wait_for_database(error):
                    return None  # told to stop meanwhile
                recovering = True
                self.startup_delay = False  # back at once: this is no start

    def run_task(self, db_task_result) -> None:
        try:
            super().run_task(db_task_result)
        except Exception as error:
            # The task's end (success or failure) could not be written: the connection
            # went away under it. It is still RUNNING in the database, and requeued once
            # the database is back (run()).
            if database_gone(error):
                self.on_task_interrupted()
                logger.warning(
                    "Worker %s: task %s (%s) interrupted by a database error; it goes back "
                    "to the queue once the database answers",
                    self.worker_id,
                    db_task_result.id,
                    db_task_result.task_path,
                )
            raise

    def wait_for_database(self, error: BaseException) -> bool:
        """Until the database answers again (True) or the worker is told to stop.

        An error soon after the database came back is the same outage going on (a
        server answering, then failing again): the wait keeps growing from where it was,
        and the warning is not repeated within OUTAGE_SAME_SECONDS."""
        now = time.monotonic()
        going_on = now - self.last_recovery < OUTAGE_SAME_SECONDS
        if not going_on:
            self.wait = OUTAGE_FIRST_WAIT_SECONDS
        warned = now - self.last_warning >= OUTAGE_SAME_SECONDS
        if warned:
            self.last_warning = now
            reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
            logger.warning(
                "Worker %s: the database is unreachable (%s); waiting for it",
                self.worker_id,
                reason or type(error).__name__,
            )
        while self.running:
            self.drop_connections()
            time.sleep(self.wait)
            self.wait = min(self.wait * 2, OUTAGE_LONGEST_WAIT_SECONDS)
            if not self.database_answers():
                continue
            self.last_recovery = time.monotonic()
            if warned:
                logger.warning(
                    "Worker %s: the database answers again after %.1f s; going on",
                    self.worker_id,
                    self.last_recovery - now,
                )
            return True
        return False

    @staticmethod
    def drop_connections() -> None:
        """This thread's connections closed: the next query opens a new one."""
        for each in connections.all(initialized_only=True):
            with contextlib.suppress(DatabaseError):
                each.close()

    @staticmethod
    def database_answers() -> bool:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except DATABASE_GONE:
            return False
        return True

    def requeue_interrupted_tasks(self) -> list[str]:
        """Tasks still RUNNING under this worker's id, now that it runs none: back to
        READY, or FAILED past MAX_INTERRUPTIONS. Each only while it is still this
        worker's claim (same start), never one that another worker has since requeued or
        claimed (kiosque.core.worker_liveness)."""
        from django_tasks_db.models import DBTaskResult

        requeued = []
        running = DBTaskResult.objects.running().filter(backend_name=self.backend_name)
        for task in running.only("id", "task_path", "worker_ids", "started_at"):
            if not task.worker_ids or task.worker_ids[-1] != self.worker_id:
                continue
            claim = DBTaskResult.objects.filter(
                pk=task.pk, status=task.status, started_at=task.started_at
            )
            self.interruptions[str(task.pk)] += 1
            if self.interruptions[str(task.pk)] < MAX_INTERRUPTIONS:
                if claim.update(status="READY", started_at=None):
                    requeued.append(str(task.pk))
                    logger.warning(
                        "Worker %s: task %s (%s) back in the queue after the outage",
                        self.worker_id,
                        task.pk,
                        task.task_path,
                    )
                continue
            failure = InterruptedByDatabaseOutage(
                f"interrupted by {MAX_INTERRUPTIONS} database outages in worker {self.worker_id}"
            )
            claim.update(
                status="FAILED",
                finished_at=timezone.now(),
                exception_class_path=f"{__name__}.{InterruptedByDatabaseOutage.__qualname__}",
                traceback="".join(traceback.format_exception_only(failure)),
                return_value=None,
            )
            logger.error("Worker %s: task %s (%s) failed: %s", self.worker_id, task.pk,
                         task.task_path, failure)  # fmt: skip
        return requeued


def positive_seconds(value: str) -> float:
    seconds = float(value)
    if not 0 < seconds <= 3600:
        raise ValueError("between 0 and 3600 seconds")
    return seconds


class ScheduleThread(threading.Thread):
    """Runs the periodic jobs every `interval` seconds until told to stop."""

    def __init__(self, interval: float, jobs: list[periodic_jobs.PeriodicJob]):
        super().__init__(name="kiosque-schedule", daemon=True)
        self.interval = interval
        self.jobs = jobs
        self.stopping = threading.Event()
        self.failing: set[str] = set()  # jobs whose last tick lost the database

    def run(self) -> None:
        while not self.stopping.is_set():
            close_old_connections()
            wait = self.interval
            for job in self.jobs:
                try:
                    job.run()
                    # Wake when the next work is due if that comes before the next tick.
                    # Work still due now has just failed: it waits for the regular tick.
                    due_in = job.seconds_until_due()
                    if due_in:
                        wait = min(wait, due_in + DUE_MARGIN_SECONDS)
                except Exception as error:
                    # A locked SQLite file or a lost connection: the next tick tries again.
                    if not database_gone(error):
                        logger.exception("%s: this tick failed", job.name)
                    elif job.name not in self.failing:  # once per outage, no traceback
                        logger.warning("%s: database unreachable (%s)", job.name, error)
                    self.failing.add(job.name)
                else:
                    self.failing.discard(job.name)
                finally:
                    close_old_connections()
            self.stopping.wait(wait)
        connection.close()

    def stop(self) -> None:
        self.stopping.set()
        self.join(STOP_WAIT_SECONDS)


def lost_after_seconds(value: str) -> float:
    try:
        return worker_liveness.lost_seconds(value)
    except ValueError as error:
        detail = str(error) if "between" in str(error) else "not a number of seconds"
        raise argparse.ArgumentTypeError(
            f"{value!r}: {detail} (--lost-after or {worker_liveness.ENVIRONMENT_VARIABLE})"
        ) from None


class Command(DatabaseWorkerCommand):
    help = (
        "Run the background task worker and the publishing schedule (scheduled "
        "publications, expiries, embargoes)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--schedule-interval",
            type=positive_seconds,
            default=positive_seconds(
                os.environ.get("KIOSQUE_SCHEDULE_SECONDS", str(DEFAULT_SCHEDULE_SECONDS))
            ),
            help="Seconds between two runs of the publishing schedule (default: %(default)s).",
        )
        parser.add_argument(
            "--no-schedule",
            action="store_true",
            help="Only run tasks; leave scheduled publishing to the other workers.",
        )
        parser.add_argument(
            "--lost-after",
            type=lost_after_seconds,
            # A string default goes through `type` too: a bad value in the environment
            # stops the worker with the same clear message as a bad option.
            default=os.environ.get(worker_liveness.ENVIRONMENT_VARIABLE, "").strip()
            or str(worker_liveness.DEFAULT_LOST_SECONDS),
            help="Seconds without a heartbeat after which a worker's tasks go back to the "
            "queue (default: %(default)s).",
        )

    def handle(
        self, *args, schedule_interval: float, no_schedule: bool, lost_after: float, **options
    ):
        reloading_parent = options.get("reload") and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        if reloading_parent:
            # The autoreloader's parent only restarts the child, which does the work.
            return self.work(**options)
        heartbeat = worker_liveness.Heartbeat(options["worker_id"], lost_after)
        heartbeat.register()
        heartbeat.start()

        def task_interrupted() -> None:
            # Not fenced if reaped meanwhile: the task is no longer in this worker's hands.
            heartbeat.task_in_progress = None

        try:
            return self._run(
                schedule_interval=schedule_interval,
                no_schedule=no_schedule,
                on_task_interrupted=task_interrupted,
                **options,
            )
        finally:
            heartbeat.stop()

    def _run(self, *, schedule_interval: float, no_schedule: bool, **options):
        if no_schedule:
            return self.work(**options)
        jobs = periodic_jobs.registered()
        if options.get("batch"):
            # A batch run (deployments, tests) does the jobs' work once, then the tasks.
            for job in jobs:
                job.run()
            return self.work(**options)
        schedule = ScheduleThread(schedule_interval, jobs) if jobs else None
        if schedule is not None:
            schedule.start()
            names = ", ".join(job.name for job in jobs)
            logger.info("%s: every %s seconds", names, schedule_interval)
        try:
            return self.work(**options)
        finally:
            if schedule is not None:
                schedule.stop()

    def work(
        self,
        *,
        verbosity: int,
        queue_name: str,
        exclude_queues: str,
        reload: bool,
        batch: bool,
        on_task_interrupted: Callable[[], object] = lambda: None,
        **options,
    ) -> None:
        """django-tasks-db's `db_worker` (its Command.handle, version 0.13), with the
        ResilientWorker in place of its Worker."""
        self.configure_logging(verbosity)
        if reload and batch:
            logger.warning("--reload does nothing with --batch: no autoreload")
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            queue_names=queue_names,
            excluded_queue_names=excluded_queue_names,
            batch=batch,
            interval=options["interval"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            on_task_interrupted=on_task_interrupted,
        )
        if not reload:
            worker.configure_signals()
            return worker.run()
        if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            worker.configure_signals()  # in the child only, which runs the tasks
        return run_with_reloader(worker.run)
