"""A task for tests/core/test_worker_liveness.py that a test can hold in the middle.

Imported by the real `kiosque worker` processes of that test (the checkout is their
working folder). Each run writes its side effects to files the test counts: a line when
it starts, a line when it ends.
"""

import os
import time
from pathlib import Path

from django_tasks import task

# A run waits at most this long for the test's go-ahead (a bound for every loop).
HOLD_SECONDS = 60


@task()
def hold_until_released(folder: str) -> int:
    """Starts, waits for `folder`/release, then ends; returns the pid that ran it."""
    folder_path = Path(folder)
    with (folder_path / "runs.log").open("a") as runs:
        runs.write(f"start {os.getpid()}\n")
    deadline = time.monotonic() + HOLD_SECONDS
    while not (folder_path / "release").exists():
        if time.monotonic() > deadline:
            raise TimeoutError("never released")
        time.sleep(0.05)
    with (folder_path / "runs.log").open("a") as runs:
        runs.write(f"done {os.getpid()}\n")
    return os.getpid()
