"""Tasks for tests/core/test_worker_database_outage.py, run in the test's own process.

A run is noted in RUNS; `interrupted` starts a database outage (OUTAGE, which the test
turns into failing queries) and raises what a lost server raises, on its first run or
on every run.
"""

from django.db import OperationalError
from django_tasks import task

RUNS: list[str] = []


class Outage:
    """Queries fail while `failing_queries` is above zero (each failure counts one)."""

    failing_queries = 0
    length = 0  # queries that fail once an outage starts
    starts_at_the_poll = False  # with the worker's next look at the queue

    def start(self) -> None:
        self.failing_queries = self.length


OUTAGE = Outage()


@task()
def noted(label: str) -> str:
    RUNS.append(label)
    return label


@task()
def interrupted(label: str, every_time: bool = False) -> str:
    RUNS.append(label)
    if every_time or RUNS.count(label) == 1:
        OUTAGE.start()
        raise OperationalError("server closed the connection unexpectedly")
    return label
