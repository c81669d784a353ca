"""`python -m tests.faults.held_worker HOLD_FOLDER [worker options]`: a `kiosque worker`
that stops in the middle of its first wire poll or rendition task, for a drill to kill.

The real task runs, and part of its work is done (one dispatch of the folder ingested,
the arrival renditions of the image made) before it holds; it then writes
HOLD_FOLDER/held-<kind>-<pid> and waits, at most HOLD_SECONDS, for the SIGKILL. The
next worker must requeue the task and finish it, each piece of work once.
"""

import os
import sys
import time
from pathlib import Path

HOLD_SECONDS = 60


def hold(folder: Path, kind: str) -> None:
    (folder / f"held-{kind}-{os.getpid()}").write_text("")
    deadline = time.monotonic() + HOLD_SECONDS
    while time.monotonic() < deadline:
        time.sleep(0.1)


def main() -> None:
    folder = Path(sys.argv[1])
    import django

    django.setup()
    from kiosque.newsroom import tasks as newsroom_tasks
    from kiosque.wires import sources

    held = False

    def ingest_then_hold(*args, **kwargs):
        nonlocal held
        result = original_ingest(*args, **kwargs)
        if not held:
            held = True
            hold(folder, "wires")
        return result

    def renditions_then_hold(*args, **kwargs):
        nonlocal held
        result = original_renditions(*args, **kwargs)
        if not held:
            held = True
            hold(folder, "renditions")
        return result

    original_ingest = sources.ingest_file
    original_renditions = newsroom_tasks.pregenerate_renditions
    sources.ingest_file = ingest_then_hold
    newsroom_tasks.pregenerate_renditions = renditions_then_hold

    from django.core.management import execute_from_command_line

    execute_from_command_line(["kiosque", "worker", *sys.argv[2:]])


if __name__ == "__main__":
    main()
