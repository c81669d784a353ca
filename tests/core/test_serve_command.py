"""`kiosque serve`: gunicorn and one task worker, started and stopped together.

Each test runs the real command on a migrated SQLite copy and watches its processes
through /proc: both children start, the site answers, and stopping (or losing a child)
leaves no process behind.
"""

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.processes

STOP_SECONDS = 15  # Ctrl-C must bring everything down within this


@dataclass(frozen=True)
class ProcessInfo:
    pid: int
    ppid: int
    pgrp: int
    state: str
    cmdline: str


def processes() -> dict[int, ProcessInfo]:
    """Every live process, read from /proc (no psutil)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
        except (FileNotFoundError, ProcessLookupError):
            continue  # ended while we looked
        # "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
        state, ppid, pgrp = stat[stat.rindex(")") + 2 :].split()[:3]
        if state == "Z":
            continue  # a zombie has ended; its parent just has not collected it yet
        found[int(entry.name)] = ProcessInfo(int(entry.name), int(ppid), int(pgrp), state, cmdline)
    return found


def children_of(pid: int) -> list[ProcessInfo]:
    return [p for p in processes().values() if p.ppid == pid]


def descendants_of(pid: int) -> list[ProcessInfo]:
    table = processes()
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        for process in table.values():
            if process.ppid == parent:
                found.append(process)
                frontier.append(process.pid)
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def migrated_var_dir(tmp_path_factory) -> Path:
    """One migrated database for the module; each test works on its own copy."""
    var_dir = tmp_path_factory.mktemp("serve-template") / "var"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(KIOSQUE_VAR_DIR=str(var_dir), DJANGO_SETTINGS_MODULE="kiosque.settings.dev")
    for command in (["migrate", "--no-input"], ["createcachetable"]):
        done = subprocess.run(
            [sys.executable, "-m", "kiosque", *command],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    return var_dir


@dataclass
class Serve:
    popen: subprocess.Popen
    port: int
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture
def serve(migrated_var_dir, tmp_path):
    """Start `kiosque serve --workers 1`; whatever happens, nothing of it survives the test."""
    var_dir = tmp_path / "var"
    shutil.copytree(migrated_var_dir, var_dir)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        KIOSQUE_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="kiosque.settings.dev",
        HOST="127.0.0.1",
        PORT=str(port),
        PYTHONUNBUFFERED="1",
    )
    env.pop("BASE_URL", None)
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        popen = subprocess.Popen(
            [sys.executable, "-m", "kiosque", "serve", "--workers", "1"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, like a shell job
        )
    started = Serve(popen, port, log)
    try:
        yield started
    finally:
        if popen.poll() is None:
            os.killpg(popen.pid, signal.SIGKILL)
            popen.wait(timeout=10)
        for leftover in processes().values():
            if leftover.pgrp == popen.pid:
                os.kill(leftover.pid, signal.SIGKILL)


def get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def wait_until_serving(serve: Serve) -> tuple[ProcessInfo, ProcessInfo]:
    """Both children running, /healthz answering 200; returns (gunicorn, worker)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert serve.popen.poll() is None, f"serve stopped:\n{serve.output()}"
        children = children_of(serve.popen.pid)
        web = [c for c in children if "gunicorn" in c.cmdline]
        worker = [c for c in children if c.cmdline.endswith("-m kiosque worker")]
        try:
            status, body = get(serve.port, "/healthz")
        except OSError:
            status, body = None, b""
        # The worker logs this line once Django is loaded and it polls for tasks; a
        # Ctrl-C before that only interrupts its imports (a KeyboardInterrupt trace).
        worker_ready = "Starting worker" in serve.output()
        if status == 200 and web and worker and worker_ready:
            assert len(children) == 2, children
            assert b'"database": "ok"' in body
            return web[0], worker[0]
        time.sleep(0.2)
    raise AssertionError(f"serve never got ready:\n{serve.output()}")


def wait_for_exit(serve: Serve, seconds: float) -> tuple[int, float]:
    started = time.monotonic()
    try:
        code = serve.popen.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        raise AssertionError(
            f"serve still running {seconds} s after the signal:\n{serve.output()[-3000:]}"
        ) from None
    return code, time.monotonic() - started


def assert_nothing_left(serve: Serve, pids: list[int]) -> None:
    # A gunicorn worker may still be finishing its last instant after its master has
    # gone (seen under load on a Ctrl-C to the whole group): allow it a few seconds.
    deadline = time.monotonic() + 5
    while True:
        left = {
            pid: p for pid, p in processes().items() if pid in pids or p.pgrp == serve.popen.pid
        }
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert not left, f"orphan processes: {list(left.values())}"
    with pytest.raises(OSError):
        get(serve.port, "/healthz")


def test_serve_runs_gunicorn_and_a_worker_and_ctrl_c_stops_both(serve):
    web, worker = wait_until_serving(serve)
    gunicorn_workers = children_of(web.pid)
    assert len(gunicorn_workers) == 1  # --workers 1
    assert "--config python:kiosque.core.gunicorn_hooks" in web.cmdline  # loaded: it answers
    everything = [p.pid for p in descendants_of(serve.popen.pid)]
    assert set(everything) == {web.pid, worker.pid, gunicorn_workers[0].pid}

    serve.popen.send_signal(signal.SIGINT)
    code, seconds = wait_for_exit(serve, STOP_SECONDS)

    assert code == 0, serve.output()[-3000:]
    assert seconds < STOP_SECONDS
    assert_nothing_left(serve, everything)
    output = serve.output()
    assert f"Kiosque is serving http://127.0.0.1:{serve.port}" in output
    assert "Traceback" not in output, output[-3000:]


def test_ctrl_c_in_a_terminal_reaches_every_process_and_all_stop(serve):
    # A terminal sends SIGINT to the whole foreground process group, not just `serve`.
    wait_until_serving(serve)
    everything = [p.pid for p in descendants_of(serve.popen.pid)]

    os.killpg(serve.popen.pid, signal.SIGINT)
    code, _ = wait_for_exit(serve, STOP_SECONDS)

    assert code == 0, serve.output()[-3000:]
    assert_nothing_left(serve, everything)
    assert "Traceback" not in serve.output(), serve.output()[-3000:]


def test_when_the_worker_dies_the_web_server_is_stopped_too(serve):
    _, worker = wait_until_serving(serve)
    everything = [p.pid for p in descendants_of(serve.popen.pid)]

    os.kill(worker.pid, signal.SIGKILL)
    code, _ = wait_for_exit(serve, STOP_SECONDS)

    assert code == 1  # not a requested stop: a supervisor must see the failure
    assert_nothing_left(serve, everything)
