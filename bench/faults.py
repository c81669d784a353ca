"""Faults on one machine under a bounded load, and a table (issue 19).

    .venv/bin/python bench/faults.py --schema-from postgres://postgres@127.0.0.1:5432/test_h6

Starts the stack of tests/faults/stack.py (a private PostgreSQL, Redis, gunicorn, a
worker, Varnish, a tmpfs media disk; never the machine's own services), runs readers
and commenters, and, in turn: a baseline with nothing broken, PostgreSQL restarted,
Redis restarted empty, Varnish restarted, workers SIGKILLed in the middle of a wire poll
and of a rendition task, the media disk full. The scenarios are the test's
(tests/faults/scenarios.py), held broken longer (--down). Prints, per fault: reader
requests, errors by status, how long it was broken, the recovery time after the repair,
comments submitted / confirmed / lost / duplicated, and the checks that failed.

--schema-from: an already migrated PostgreSQL database whose schema and rows are copied
(pg_dump); without it the private database is migrated (over a minute). Needs root (the
tmpfs, PostgreSQL run as `postgres`). Exit status 1 when a check failed or a comment was
lost or duplicated.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.faults import newsroom, scenarios
from tests.faults.stack import new_stack, newsroom_by_shell, start_stack

HEADER = (
    "fault", "requests", "errors by status", "broken s", "recovery s",
    "comments sub/conf", "lost", "dup", "checks",
)  # fmt: skip


def render(rows: list[scenarios.Row]) -> str:
    lines = [
        [
            row.fault,
            str(row.requests),
            ", ".join(f"{k}: {n}" for k, n in row.errors.items()) or "none",
            f"{row.outage:.1f}",
            f"{row.recovery:.1f}",
            f"{row.submitted}/{row.confirmed}",
            str(row.lost),
            str(row.duplicated),
            "ok" if not row.checks_failed else f"{len(row.checks_failed)} failed",
        ]
        for row in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(HEADER)]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(HEADER, widths, strict=True)) + " |"]
    out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    out += ["| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |"
            for line in lines]  # fmt: skip
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--schema-from", help="a migrated PostgreSQL database URL to copy")
    parser.add_argument("--down", type=float, default=8.0, help="seconds each fault lasts")
    parser.add_argument("--baseline", type=float, default=10.0, help="seconds of baseline")
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--commenters", type=int, default=3)
    parser.add_argument("--dispatches", type=int, default=8, help="for the worker kill")
    options = parser.parse_args(argv)
    if os.geteuid() != 0:
        print("bench/faults.py needs root (a tmpfs mount, PostgreSQL as postgres)")
        return 2
    began = time.monotonic()
    stack = new_stack()
    run = None
    rows: list[scenarios.Row] = []
    try:
        spec = scenarios.setup_spec(stack, accounts=options.commenters + 2)
        start_stack(
            stack,
            schema_from=options.schema_from,
            write_newsroom=newsroom_by_shell(newsroom.SETUP_SCRIPT, spec),
        )
        print(f"Stack started: { {k: round(v, 1) for k, v in stack.timings.items()} } (s)")
        run = scenarios.Run(
            stack, readers=options.readers, commenters=options.commenters, progress=print
        )
        run.start()
        faults = [
            ("baseline (no fault)", scenarios.baseline, options.baseline),
            ("PostgreSQL restarted", scenarios.postgres_restart, options.down),
            ("Redis restarted empty", scenarios.redis_restart, options.down),
            ("Varnish restarted", scenarios.varnish_restart, options.down),
            ("workers SIGKILLed mid-task", scenarios.worker_killed, options.dispatches),
            ("media disk full", scenarios.disk_full, options.down),
        ]
        for title, scenario, amount in faults:
            window = run.window(title)
            try:
                scenario(run, window, amount)
            except Exception as error:  # a scenario that could not finish: in the table
                window.check("the scenario ran to its end", False, repr(error)[:500])
            run.end(window)
        problems = run.stop()
        stored = run.stored_markers()
        rows = [run.row(window, stored) for window in run.windows]
    finally:
        if run is not None:
            run.stop()
        stack.stop()
    print()
    print(render(rows))
    print()
    for row in rows:
        for failure in row.checks_failed:
            print(f"{row.fault}: FAILED {failure}")
    for window in run.windows:
        for note in window.notes:
            print(f"{window.fault}: {note}")
    for problem in problems:
        print(f"load: {problem}")
    print(f"Total time: {time.monotonic() - began:.0f} s.")
    bad = any(r.checks_failed or r.lost or r.duplicated for r in rows) or problems
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
