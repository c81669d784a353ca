"""Long-running processes of the cluster: started, recorded, waited for, stopped by id.

Every service is started in its own session (so its process group is its id, and its
children are in that group), its output appended to the host's log, and its id written
to the host's pid file with the process's start time: `down`, run later from another
process, kills only a process that is still the one it started, never one that reused
the id. Nothing here looks processes up by name.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

POLL_SECONDS = 0.2


class ClusterStartError(RuntimeError):
    """A host did not start: the message names it, says why and where its log is."""


def _start_time(pid: int) -> str | None:
    """The kernel's start time of the process (clock ticks since boot), None if gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (2nd field) may hold spaces and brackets: split after its ")".
    fields = stat[stat.rindex(")") + 2 :].split()
    if fields[0] == "Z":  # exited, not yet reaped by its parent
        return None
    return fields[19]


@dataclass(frozen=True)
class Record:
    """A started process: its id and start time, as written in the host's pid file."""

    pid: int
    started: str

    def alive(self) -> bool:
        return _start_time(self.pid) == self.started

    @classmethod
    def read(cls, pid_file: Path) -> Record | None:
        try:
            pid, started = pid_file.read_text().split()
            return cls(int(pid), started)
        except (OSError, ValueError):
            return None

    def write(self, pid_file: Path) -> None:
        pid_file.write_text(f"{self.pid} {self.started}\n")


# The Popen objects of the processes this Python process started, so that they are
# reaped when they exit (a zombie would still look alive to a `kill -0`).
_children: dict[int, subprocess.Popen] = {}


@contextlib.contextmanager
def _command_log(log_file: Path, argv: Sequence[str]):
    """The host's log file, opened for appending, with the command about to run in it."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with log_file.open("ab") as log:
        log.write(f"\n--- {time.strftime('%H:%M:%S')} $ {' '.join(argv)}\n".encode())
        log.flush()
        yield log


def launch(argv: Sequence[str], *, log_file: Path, pid_file: Path, env: dict, cwd: Path) -> Record:
    with _command_log(log_file, argv) as log:
        process = subprocess.Popen(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=cwd,
            start_new_session=True,  # its own process group, and it outlives `cluster up`
        )
    _children[process.pid] = process
    started = None
    for _ in range(50):  # /proc is there at once; the loop only guards a slow fork
        started = _start_time(process.pid)
        if started or process.poll() is not None:
            break
        time.sleep(0.01)
    record = Record(process.pid, started or "exited")
    record.write(pid_file)
    return record


def reap() -> None:
    for pid, process in list(_children.items()):
        if process.poll() is not None:
            del _children[pid]


def exit_code(record: Record) -> int | None:
    """The exit status of a process this Python process started, if it has exited."""
    process = _children.get(record.pid)
    return process.poll() if process is not None else None


def signal_group(record: Record, signum: int) -> None:
    """Send `signum` to the process and its group, if it is still the recorded process."""
    if record.alive():
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(record.pid, signum)


def signal_one(record: Record, signum: int) -> None:
    if record.alive():
        with contextlib.suppress(ProcessLookupError):
            os.kill(record.pid, signum)


def kill_pids(pids: Sequence[int]) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def wait_for_exit(record: Record, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        reap()
        if not record.alive():
            return True
        time.sleep(POLL_SECONDS / 2)
    reap()
    return not record.alive()


def tail(log_file: Path, characters: int = 3000) -> str:
    try:
        text = log_file.read_text(errors="replace")
    except OSError:
        return "(no log yet)"
    return text[-characters:]


def wait_until(
    check: Callable[[], bool],
    *,
    what: str,
    seconds: float,
    log_file: Path,
    record: Record | None = None,
) -> float:
    """Poll `check` until it holds; seconds it took. ClusterStartError past the deadline
    or as soon as the process exits, naming `what` and its log, with the log's end."""
    start = time.monotonic()
    while True:
        if check():
            return time.monotonic() - start
        reap()
        if record is not None and not record.alive():
            code = exit_code(record)
            status = f"exited with status {code}" if code is not None else "is not running"
            raise ClusterStartError(f"{what} {status}: see {log_file}\n{tail(log_file)}")
        if time.monotonic() - start > seconds:
            raise ClusterStartError(
                f"{what} was not ready within {seconds:.0f} s: see {log_file}\n{tail(log_file)}"
            )
        time.sleep(POLL_SECONDS)


def run(
    argv: Sequence[str],
    *,
    log_file: Path,
    env: dict,
    cwd: Path,
    what: str,
    seconds: float,
) -> None:
    """A one-off command (initdb, migrate...), output appended to the log, bounded in time."""
    with _command_log(log_file, argv) as log:
        try:
            done = subprocess.run(
                list(argv),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=cwd,
                timeout=seconds,
            )
        except subprocess.TimeoutExpired:
            raise ClusterStartError(
                f"{what} did not finish within {seconds:.0f} s: see {log_file}\n{tail(log_file)}"
            ) from None
    if done.returncode != 0:
        raise ClusterStartError(
            f"{what} failed (status {done.returncode}): see {log_file}\n{tail(log_file)}"
        )
