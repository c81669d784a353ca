"""Tasks for tests/core/test_worker_database_outage.py, run in the test's own process.

A run is noted in RUNS; `interrupted` starts a database outage (OUTAGE, which the test
turns into failing database calls) and raises what a lost server raises, on its first
run or on every run.
"""

from django.db import OperationalError
from django_tasks import task

RUNS: list[str] = []


class Outage:
    """The next `length` database calls fail once an outage starts."""

    length = 0
    failing_calls = 0

    def start(self) -> None:
        self.failing_calls = self.length

    def fails(self) -> bool:
        """Whether this call fails (and counts it)."""
        if self.failing_calls <= 0:
            return False
        self.failing_calls -= 1
        return True


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
