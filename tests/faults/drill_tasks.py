"""A task for the PostgreSQL drill (tests/faults/scenarios.py), run by the stack's real
`kiosque worker` (the checkout is its working folder): it is running when the server
stops, and its end cannot be recorded on the connection the restart closed."""

import time

from django_tasks import task


@task()
def outlast(seconds: float) -> float:
    time.sleep(seconds)
    return seconds
