"""Running writers at the same moment against PostgreSQL, for the concurrency tests."""

import os
import threading

import pytest
from django.db import close_old_connections, connection


def on_postgresql() -> None:
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://…")
    assert connection.vendor == "postgresql"


def run_together(jobs) -> list:
    """Each job in its own thread (its own database connection), started at once; what
    each returned, or the exception it raised, in the jobs' order."""
    barrier = threading.Barrier(len(jobs))
    outcomes = [None] * len(jobs)

    def worker(index, job):
        try:
            barrier.wait(timeout=30)
            outcomes[index] = job()
        except Exception as error:
            outcomes[index] = error
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes
