"""A production-like Kiosque on one machine, made of processes a fault drill may break.

    PostgreSQL   a private server: initdb in a temporary folder, a free 127.0.0.1 port,
                 run as the `postgres` account (it refuses root); never the machine's own
    Redis        a private redis-server on a free port, no snapshot (restarted empty)
    gunicorn     `kiosque serve --no-worker` (two processes, four threads each)
    workers      `kiosque worker` (KIOSQUE_WORKER_LOST_SECONDS 1.5 s)
    Varnish      `kiosque edge` in front of gunicorn; the site purges it (EDGE_URL)
    media        a small tmpfs mounted on the media folder, so that it can be filled up

The settings are production's (tests/faults/settings.py says the one difference). The
database's schema and the migrations' rows are copied with `pg_dump` from a database
already migrated (`migrate` takes over a minute on PostgreSQL), then the newsroom the
load needs is written: by the test's own process (tests/faults/newsroom.py, Django
pointed at the private server for a second), or by a setup script in `kiosque shell`
(bench/faults.py, which has no Django of its own).

The parts start side by side: PostgreSQL, Redis and Varnish (whose VCL compilation
takes seconds) at once; gunicorn and the worker as soon as the newsroom is written.
Varnish is started as `kiosque edge` starts it (the same varnishd command and VCL,
kiosque.edge.varnish), without the Django start of `kiosque edge` before its `exec`.

Everything lives under one temporary folder, removed by `stop()`: the tmpfs unmounted,
every process stopped by its own id (and its process group), never by name, all at
once and SIGKILLed after STOP_SECONDS.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from tests.core.test_concurrent_writes_sqlite import Process, free_port

REPO_ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_USER = "postgres"
DATABASE = "kiosque"
START_SECONDS = 60  # upper bound of every start (a busy machine included)
STOP_SECONDS = 5  # after SIGTERM, SIGKILL (teardown: nothing of the stack is kept)
LOST_SECONDS = 1.5  # KIOSQUE_WORKER_LOST_SECONDS of the drills' workers
MEDIA_MEGABYTES = 8
ANSWER_PREFIX = "FAULTS-JSON "
SETTINGS_MODULE = "tests.faults.settings"
# Variables of the caller's shell that would point the site elsewhere.
NOT_INHERITED = (
    "DATABASE_URL",
    "DATABASE_REPLICA_URLS",
    "REDIS_URL",
    "BASE_URL",
    "EDGE_URL",
    "ALLOWED_HOSTS",
    "ADMIN_PATH",
    "CSRF_TRUSTED_ORIGINS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


class StackError(Exception):
    """A part of the stack could not be started or set up; the message says which."""


def _tail(text: str, characters: int = 3000) -> str:
    return text[-characters:]


def start_process(name: str, argv: list[str], env: dict, logs: Path) -> Process:
    """A long-running command, its output in logs/<name>.log, in its own process group."""
    log = logs / f"{name}.log"
    with log.open("ab") as out:
        popen = subprocess.Popen(
            argv,
            env=env,
            cwd=REPO_ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return Process(name, popen, log)


def signal_group(process: Process | None, sig: int) -> None:
    if process is not None and process.popen.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.popen.pid, sig)


def stop_process(process: Process | None, sig: int = signal.SIGTERM) -> None:
    """Stop one process of ours and its group: `sig`, then SIGKILL after the grace time."""
    if process is None or process.popen.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.popen.pid, sig)
    try:
        process.popen.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.stop_for_good()


def wait_for(check, what: str, seconds: float = START_SECONDS, every: float = 0.1, watch=()):
    """Poll `check` until it returns something true; StackError after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        value = check()
        if value:
            return value
        for process in watch:
            if process.poll() is not None:
                raise StackError(f"{process.name} stopped:\n{_tail(process.output())}")
        if time.monotonic() > deadline:
            logs = "".join(f"\n--- {p.name}\n{_tail(p.output(), 1500)}" for p in watch)
            raise StackError(f"never: {what} (within {seconds:.0f} s){logs}")
        time.sleep(every)


def http_status(port: int, path: str = "/healthz", timeout: float = 2.0) -> int | None:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Connection": "close"})
        return connection.getresponse().status
    except OSError:
        return None
    finally:
        connection.close()


# --- PostgreSQL ------------------------------------------------------------------------


class PrivatePostgres:
    """A PostgreSQL 15 server of our own, on a free 127.0.0.1 port, trust authentication."""

    def __init__(self, root: Path, logs: Path):
        self.root = root / "postgresql"
        self.data = self.root / "data"
        self.sockets = self.root / "sockets"
        self.port = free_port()
        self.logs = logs
        self.process: Process | None = None

    @property
    def url(self) -> str:
        return f"postgres://{PG_USER}@127.0.0.1:{self.port}/{DATABASE}"

    def init(self) -> None:
        missing = [
            n for n in ("initdb", "postgres", "pg_dump", "psql") if not (PG_BIN / n).exists()
        ]
        if missing:
            raise StackError(f"PostgreSQL 15 programs missing from {PG_BIN}: {', '.join(missing)}")
        account = pwd.getpwnam(PG_USER)
        for folder, mode in ((self.root, 0o755), (self.data, 0o700), (self.sockets, 0o755)):
            folder.mkdir(parents=True, exist_ok=True)
            os.chown(folder, account.pw_uid, account.pw_gid)
            folder.chmod(mode)
        done = subprocess.run(
            ["runuser", "-u", PG_USER, "--", str(PG_BIN / "initdb"), "-D", str(self.data),
             "-U", PG_USER, "--auth=trust", "--no-sync", "--encoding=UTF8",
             "--locale=C.UTF-8", "--no-instructions"],
            capture_output=True, text=True, timeout=START_SECONDS, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise StackError(f"initdb failed:\n{done.stdout}{done.stderr}")

    def start(self) -> None:
        self.process = start_process(
            "postgresql",
            ["setpriv", f"--reuid={PG_USER}", f"--regid={PG_USER}", "--init-groups", "--",
             str(PG_BIN / "postgres"), "-D", str(self.data),
             "-c", "listen_addresses=127.0.0.1", "-c", f"port={self.port}",
             "-c", f"unix_socket_directories={self.sockets}",
             # No fsync: only a crash of the machine could lose what it skips, and no
             # drill crashes the machine. Every committed transaction survives a
             # restart of the server (a fast shutdown writes everything out).
             "-c", "fsync=off", "-c", "max_connections=200"],
            os.environ.copy(),
            self.logs,
        )  # fmt: skip
        wait_for(self.accepts_connections, "PostgreSQL accepts connections", watch=[self.process])

    def accepts_connections(self) -> bool:
        try:
            with psycopg.connect(self.admin_url("postgres"), connect_timeout=2):
                return True
        except psycopg.OperationalError:
            return False

    def admin_url(self, database: str = DATABASE) -> str:
        return f"postgres://{PG_USER}@127.0.0.1:{self.port}/{database}"

    def stop(self, mode: int = signal.SIGINT) -> None:
        """SIGINT: a fast shutdown (what `pg_ctl restart` and systemd do); SIGQUIT: an
        immediate one, like a crash."""
        if self.process is None or self.process.popen.poll() is not None:
            return
        os.kill(self.process.popen.pid, mode)
        try:
            self.process.popen.wait(timeout=START_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.stop_for_good()

    def load_from(self, source_url: str) -> float:
        """The schema and rows of an already migrated database; the seconds it took."""
        began = time.monotonic()
        with psycopg.connect(self.admin_url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{DATABASE}"')
        dump = subprocess.Popen(
            [str(PG_BIN / "pg_dump"), "--no-owner", "--no-privileges", "-d", source_url],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        restore = subprocess.run(
            [str(PG_BIN / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", self.url],
            stdin=dump.stdout, capture_output=True, text=True, timeout=START_SECONDS,
            check=False,
        )  # fmt: skip
        dump.stdout.close()
        dump_error = dump.stderr.read().decode(errors="replace")
        dump.wait(timeout=STOP_SECONDS)
        if dump.returncode != 0 or restore.returncode != 0:
            raise StackError(f"copying {source_url} failed:\n{dump_error}\n{restore.stderr}")
        return time.monotonic() - began

    def migrate(self, env: dict) -> float:
        """`kiosque migrate` into an empty database (over a minute): when no source."""
        began = time.monotonic()
        with psycopg.connect(self.admin_url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{DATABASE}"')
        run_kiosque(env, "migrate", "--no-input", "-v0", timeout=900)
        return time.monotonic() - began

    def query(self, sql: str, params=()) -> list[tuple]:
        with psycopg.connect(self.url, connect_timeout=5, autocommit=True) as connection:
            return connection.execute(sql, params).fetchall()


# --- Redis -------------------------------------------------------------------------------


class PrivateRedis:
    def __init__(self, root: Path, logs: Path):
        self.folder = root / "redis"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.logs = logs
        self.process: Process | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        # No snapshot, no append-only file: a restart comes back empty, the worst case.
        self.process = start_process(
            "redis",
            [binary, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "",
             "--appendonly", "no", "--dir", str(self.folder)],
            os.environ.copy(),
            self.logs,
        )  # fmt: skip
        wait_for(self.answers, "Redis answers", watch=[self.process])

    def answers(self) -> bool:
        import redis

        try:
            return bool(redis.Redis(port=self.port, socket_timeout=1).ping())
        except redis.exceptions.RedisError:
            return False

    def stop(self) -> None:
        stop_process(self.process, signal.SIGKILL)


# --- the media folder on a small disk --------------------------------------------------


class MediaDisk:
    """A tmpfs of MEDIA_MEGABYTES on the media folder; `fill()` leaves almost no room."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.mounted = False
        self.filler = folder / ".faults-filler"

    def mount(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={MEDIA_MEGABYTES}m,mode=0755", "tmpfs",
             str(self.folder)],
            capture_output=True, text=True, timeout=30, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise StackError(
                f"mounting a tmpfs on {self.folder} was refused ({done.stderr.strip()}): the "
                "full-disk drill needs root and permission to mount"
            )
        self.mounted = True

    def fill(self, leave_bytes: int = 4096) -> None:
        """Write a file that takes all but `leave_bytes` of the disk."""
        free = shutil.disk_usage(self.folder).free
        with self.filler.open("wb") as out:
            chunk = b"\0" * (1 << 20)
            left = max(0, free - leave_bytes)
            with contextlib.suppress(OSError):  # ENOSPC: it is full, as wanted
                while left > 0:
                    left -= out.write(chunk[: min(len(chunk), left)])

    def free_bytes(self) -> int:
        return shutil.disk_usage(self.folder).free

    def empty(self) -> None:
        self.filler.unlink(missing_ok=True)

    def unmount(self) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.folder)], timeout=30, check=False)
            self.mounted = False


# --- kiosque commands --------------------------------------------------------------------


def run_kiosque(env: dict, *args: str, timeout: float = START_SECONDS) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "kiosque", *args],
        env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise StackError(f"kiosque {args[0]} failed:\n{_tail(done.stdout)}\n{_tail(done.stderr)}")
    return done.stdout


def run_script(env: dict, body: str, spec: dict) -> dict:
    """`body` in `kiosque shell`, with SPEC (a dict) defined; what it passed to answer()."""
    head = (
        "import base64, json\n"
        f"SPEC = json.loads(base64.b64decode({base64.b64encode(json.dumps(spec).encode())!r}))\n"
        f"def answer(data):\n    print({ANSWER_PREFIX!r} + json.dumps(data))\n"
    )
    output = run_kiosque(env, "shell", "-c", head + body)
    for line in reversed(output.splitlines()):
        if line.startswith(ANSWER_PREFIX):
            return json.loads(line[len(ANSWER_PREFIX) :])
    raise StackError(f"the script answered nothing:\n{_tail(output)}")


# Made by the site's own settings, as `kiosque edge` makes them before its exec.
EDGE_COMMAND_SCRIPT = """
import json, sys
from pathlib import Path
import django
django.setup()
from django.conf import settings
from kiosque.edge.varnish import varnishd_command, vcl_for
port, backend_port, folder = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
folder.mkdir(exist_ok=True)
(folder / "kiosque.vcl").write_text(vcl_for(backend_port, settings.ADMIN_PATH))
print(json.dumps(varnishd_command(
    host="127.0.0.1", port=port, vcl_file=folder / "kiosque.vcl",
    work_dir=folder / "varnish", memory="32m", quiet_log=True,
)))
"""


def edge_command(stack: Stack) -> list[str]:
    """varnishd's command line and VCL file for the stack (a Python start, once)."""
    done = subprocess.run(
        [sys.executable, "-c", EDGE_COMMAND_SCRIPT, str(stack.edge_port), str(stack.app_port),
         str(stack.root / "edge")],
        env=stack.env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=START_SECONDS,
        check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise StackError(f"the edge's command could not be made:\n{_tail(done.stderr)}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the whole stack ---------------------------------------------------------------------


@dataclass
class Stack:
    root: Path
    postgres: PrivatePostgres
    redis: PrivateRedis
    media: MediaDisk
    app_port: int
    edge_port: int
    env: dict = field(default_factory=dict)
    web: Process | None = None
    edge: Process | None = None
    workers: dict[str, Process] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    setup: dict = field(default_factory=dict)
    edge_command: list[str] = field(default_factory=list)

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def var_dir(self) -> Path:
        return self.root / "var"

    @property
    def wire_folder(self) -> Path:
        return self.root / "wires"

    # --- processes ---

    def start_web(self) -> None:
        self.web = start_process(
            "web", [sys.executable, "-m", "kiosque", "serve", "--no-worker", "--workers", "2"],
            self.env, self.logs,
        )  # fmt: skip
        wait_for(lambda: http_status(self.app_port) == 200, "gunicorn answers", watch=[self.web])

    def start_worker(self, name: str = "worker", *extra: str, argv: list[str] | None = None):
        command = argv or [sys.executable, "-m", "kiosque", "worker"]
        options = ["--no-reload", "--no-startup-delay", "--interval", "0.2", "--worker-id", name]
        worker = start_process(name, [*command, *options, *extra], self.env, self.logs)
        self.workers[name] = worker
        return worker

    def launch_web(self) -> None:
        self.web = start_process(
            "web", [sys.executable, "-m", "kiosque", "serve", "--no-worker", "--workers", "2"],
            self.env, self.logs,
        )  # fmt: skip

    def wait_for_web(self) -> None:
        wait_for(lambda: http_status(self.app_port) == 200, "gunicorn answers", watch=[self.web])

    def launch_edge(self) -> None:
        """varnishd as `kiosque edge` runs it; it compiles its VCL before it listens."""
        if not self.edge_command:
            self.edge_command = edge_command(self)
        self.edge = start_process("varnish", self.edge_command, self.env, self.logs)

    def wait_for_edge(self) -> None:
        wait_for(lambda: http_status(self.edge_port) == 200, "Varnish answers", watch=[self.edge])

    def start_edge(self) -> None:
        self.launch_edge()
        self.wait_for_edge()

    def stop_edge(self) -> None:
        stop_process(self.edge, signal.SIGKILL)

    def processes(self) -> list[Process]:
        return [p for p in (self.web, self.edge, *self.workers.values()) if p is not None]

    def stop(self) -> None:
        """Everything at once: the site's processes SIGTERMed, Redis and PostgreSQL
        stopped at once (SIGKILL, an immediate shutdown: nothing is kept), the
        stragglers SIGKILLed after STOP_SECONDS; the tmpfs unmounted, the folder removed."""
        ours = [*self.processes(), self.redis.process]
        for process in ours:
            signal_group(process, signal.SIGTERM)
        signal_group(self.redis.process, signal.SIGKILL)
        if self.postgres.process is not None and self.postgres.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.postgres.process.popen.pid, signal.SIGQUIT)
        deadline = time.monotonic() + STOP_SECONDS
        for process in [*ours, self.postgres.process]:
            if process is None:
                continue
            try:
                process.popen.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.stop_for_good()
        self.media.unmount()
        if os.environ.get("KIOSQUE_FAULTS_KEEP", "") == "":
            shutil.rmtree(self.root, ignore_errors=True)


def new_stack() -> Stack:
    # Under /tmp and open to others: PostgreSQL runs as `postgres` and must reach its data.
    root = Path(tempfile.mkdtemp(prefix="kiosque-faults-"))
    root.chmod(0o755)
    (root / "logs").mkdir()
    (root / "var").mkdir()
    (root / "wires").mkdir()
    return Stack(
        root=root,
        postgres=PrivatePostgres(root, root / "logs"),
        redis=PrivateRedis(root, root / "logs"),
        media=MediaDisk(root / "var" / "media"),
        app_port=free_port(),
        edge_port=free_port(),
    )


def site_environment(stack: Stack) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    edge_url = f"http://127.0.0.1:{stack.edge_port}"
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1",
        BASE_URL=edge_url,
        EDGE_URL=edge_url,
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        DATABASE_URL=stack.postgres.url,
        REDIS_URL=stack.redis.url,
        KIOSQUE_VAR_DIR=str(stack.var_dir),
        SERVE_MEDIA="true",
        KIOSQUE_WORKER_LOST_SECONDS=str(LOST_SECONDS),
        HOST="127.0.0.1",
        PORT=str(stack.app_port),
        WEB_THREADS="4",
        WIRES_FOLDER_SETTLE_SECONDS="0",
        WIRES_POLL_SECONDS="1",  # the drills drop dispatches and wait for them
        PYTHONUNBUFFERED="1",
    )
    return env


def start_stack(
    stack: Stack, *, schema_from: str | None, write_newsroom: Callable[[Stack], dict]
) -> None:
    """Everything started and set up; `stop()` it in a `finally` whatever happens.

    write_newsroom(stack): writes the newsroom in the stack's database once its schema
    is there, and returns what the load needs (tests/faults/scenarios.py's SETUP)."""
    began = time.monotonic()
    stack.media.mount()
    stack.env = site_environment(stack)

    def database() -> float:
        stack.postgres.init()
        stack.postgres.start()
        if schema_from:
            return stack.postgres.load_from(schema_from)
        return stack.postgres.migrate(stack.env)

    with ThreadPoolExecutor(max_workers=3, thread_name_prefix="faults-start") as pool:
        loaded = pool.submit(database)
        redis = pool.submit(stack.redis.start)
        edge = pool.submit(stack.launch_edge)  # compiles while the rest starts
        stack.timings["database"] = loaded.result()
        redis.result()
        edge.result()
    # The worker takes the tasks the newsroom queues as they come. The web server starts
    # after it: each of its processes remembers the site it first serves (site_memo).
    stack.start_worker("worker")
    stack.setup = write_newsroom(stack)
    stack.timings["setup"] = time.monotonic() - began
    stack.launch_web()
    stack.wait_for_web()
    stack.wait_for_edge()
    stack.timings["start"] = time.monotonic() - began


def newsroom_by_shell(setup_script: str, spec: dict) -> Callable[[Stack], dict]:
    """write_newsroom for a caller without Django: `setup_script` in `kiosque shell`."""
    return lambda stack: run_script(stack.env, setup_script, spec)
