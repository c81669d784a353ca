"""`kiosque worker`: background tasks and the publishing schedule, in one process.

Tasks: django-tasks-db's `db_worker` (renditions, purges, indexing, wire polling), under
a stable name so operators, systemd units and the README do not depend on the backend
package's command name.

Schedule: django-tasks has no periodic scheduler, and the newsroom must not depend on a
cron job someone forgot to install. So every worker also runs, in a thread, one tick of
`kiosque.editorial.scheduling.run_schedule()` every `--schedule-interval` seconds
(`KIOSQUE_SCHEDULE_SECONDS`, default 15), and as soon as the next page is due when that
comes earlier: scheduled publications (go-live dates, wire embargoes) and expiries.
Several workers may run; each due page is claimed under a row lock, so none is
published twice (see decision 0046).
"""

from __future__ import annotations

import logging
import os
import threading

from django.db import close_old_connections, connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

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
    """Runs the publishing schedule every `interval` seconds until told to stop."""

    def __init__(self, interval: float):
        super().__init__(name="kiosque-schedule", daemon=True)
        self.interval = interval
        self.stopping = threading.Event()

    def run(self) -> None:
        from kiosque.editorial.scheduling import run_schedule, seconds_until_next_due

        while not self.stopping.is_set():
            close_old_connections()
            wait = self.interval
            try:
                run_schedule()
                # Wake when the next page is due if that comes before the next tick. One
                # still due now has just failed: it waits for the regular tick.
                due_in = seconds_until_next_due()
                if due_in:
                    wait = min(wait, due_in + DUE_MARGIN_SECONDS)
            except Exception:
                # A locked SQLite file or a lost connection: the next tick tries again.
                logger.exception("Publishing schedule: this tick failed")
            finally:
                close_old_connections()
            self.stopping.wait(wait)
        connection.close()

    def stop(self) -> None:
        self.stopping.set()
        self.join(STOP_WAIT_SECONDS)


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

    def handle(self, *args, schedule_interval: float, no_schedule: bool, **options):
        if no_schedule:
            return super().handle(*args, **options)
        if options.get("batch"):
            # A batch run (deployments, tests) does the schedule's work once, then the tasks.
            from kiosque.editorial.scheduling import run_schedule

            run_schedule()
            return super().handle(*args, **options)
        reloading_parent = options.get("reload") and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        schedule = None if reloading_parent else ScheduleThread(schedule_interval)
        if schedule is not None:
            schedule.start()
            logger.info("Publishing schedule: every %s seconds", schedule_interval)
        try:
            return super().handle(*args, **options)
        finally:
            if schedule is not None:
                schedule.stop()
