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
"""

from __future__ import annotations

import argparse
import logging
import os
import threading

from django.db import close_old_connections, connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from kiosque.core import periodic_jobs, worker_liveness

logger = logging.getLogger("kiosque.worker")

DEFAULT_SCHEDULE_SECONDS = 15
STOP_WAIT_SECONDS = 10
# Woken just after a page's time, not at it: the clocks of database and worker may differ.
DUE_MARGIN_SECONDS = 0.5


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
                except Exception:
                    # A locked SQLite file or a lost connection: the next tick tries again.
                    logger.exception("%s: this tick failed", job.name)
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
            return super().handle(*args, **options)
        heartbeat = worker_liveness.Heartbeat(options["worker_id"], lost_after)
        heartbeat.register()
        heartbeat.start()
        try:
            return self._run(
                *args, schedule_interval=schedule_interval, no_schedule=no_schedule, **options
            )
        finally:
            heartbeat.stop()

    def _run(self, *args, schedule_interval: float, no_schedule: bool, **options):
        if no_schedule:
            return super().handle(*args, **options)
        jobs = periodic_jobs.registered()
        if options.get("batch"):
            # A batch run (deployments, tests) does the jobs' work once, then the tasks.
            for job in jobs:
                job.run()
            return super().handle(*args, **options)
        schedule = ScheduleThread(schedule_interval, jobs) if jobs else None
        if schedule is not None:
            schedule.start()
            names = ", ".join(job.name for job in jobs)
            logger.info("%s: every %s seconds", names, schedule_interval)
        try:
            return super().handle(*args, **options)
        finally:
            if schedule is not None:
                schedule.stop()
