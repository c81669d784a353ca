"""A throwaway PostgreSQL primary and hot standby on 127.0.0.1, for the replica tests.

initdb, pg_basebackup -R and pg_ctl from the machine's PostgreSQL binaries, in a
temporary folder owned by the postgres user (the server refuses to run as root), on
free ports, with sockets in that folder (never the machine's own server's). Every wait
is bounded; `stop()` stops both servers (by pg_ctl, then by their process ids) and
removes the folder, whatever state they are in.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg

COMMAND_SECONDS = 30
WAIT_SECONDS = 10
DATABASE = "kiosque"


def postgresql_bin() -> Path:
    """The newest PostgreSQL's binaries (Debian: /usr/lib/postgresql/<version>/bin)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda path: int(path.parts[-3])
    )
    if not found:
        raise RuntimeError("No PostgreSQL server binaries under /usr/lib/postgresql/*/bin")
    return found[-1].parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_postgres(args: list[str]) -> list[str]:
    # The server refuses to run as root; as anyone else, it runs as that user.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@dataclass
class Server:
    name: str
    folder: Path
    port: int
    bin: Path

    @property
    def data(self) -> Path:
        return self.folder / self.name

    def run(self, *args: str) -> None:
        subprocess.run(
            _as_postgres([str(self.bin / args[0]), *args[1:]]),
            check=True,
            capture_output=True,
            timeout=COMMAND_SECONDS,
        )

    def start(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / f"{self.name}.log"),
                 "-w", "-t", str(WAIT_SECONDS), "start")  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", str(WAIT_SECONDS),
                 "stop")  # fmt: skip

    def kill(self) -> None:
        """The postmaster, by its process id, when pg_ctl could not stop it."""
        pid_file = self.data / "postmaster.pid"
        with contextlib.suppress(OSError, ValueError, IndexError):
            os.kill(int(pid_file.read_text().split()[0]), signal.SIGKILL)

    def connect(self, dbname: str = DATABASE) -> psycopg.Connection:
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname=dbname,
            autocommit=True, connect_timeout=2,
        )  # fmt: skip

    def query(self, sql: str, params=()) -> list[tuple]:
        with self.connect() as connection:
            cursor = connection.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{DATABASE}"

    def log(self) -> str:
        path = self.folder / f"{self.name}.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""


PRIMARY_CONF = """
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{folder}'
max_connections = 40
shared_buffers = 32MB
fsync = off
full_page_writes = off
wal_level = replica
max_wal_senders = 4
wal_keep_size = 64MB
hot_standby = on
log_min_messages = warning
"""
# The standby asks again quickly for the stream after a primary restart (default 5 s).
STANDBY_CONF = """
port = {port}
wal_retrieve_retry_interval = 200ms
"""


class StreamingPair:
    """`start_primary()`, load it, then `start_standby()`; `stop()` in a finally."""

    def __init__(self):
        self.bin = postgresql_bin()
        self.folder = Path(tempfile.mkdtemp(prefix="kiosque-replica-"))
        if os.geteuid() == 0:
            postgres = pwd.getpwnam("postgres")
            os.chown(self.folder, postgres.pw_uid, postgres.pw_gid)
        self.primary = Server("primary", self.folder, free_port(), self.bin)
        self.standby = Server("standby", self.folder, free_port(), self.bin)

    def start_primary(self) -> None:
        primary = self.primary
        primary.run("initdb", "-D", str(primary.data), "-U", "postgres", "--auth=trust",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")  # fmt: skip
        with open(primary.data / "postgresql.conf", "a") as conf:
            conf.write(PRIMARY_CONF.format(port=primary.port, folder=self.folder))
        primary.start()
        with primary.connect("postgres") as connection:
            connection.execute(f"CREATE DATABASE {DATABASE}")

    def start_standby(self) -> None:
        standby = self.standby
        standby.run("pg_basebackup", "-h", "127.0.0.1", "-p", str(self.primary.port),
                    "-U", "postgres", "-D", str(standby.data), "-R", "-X", "stream",
                    "-c", "fast", "--no-sync")  # fmt: skip
        with open(standby.data / "postgresql.conf", "a") as conf:
            conf.write(STANDBY_CONF.format(port=standby.port))
        standby.start()
        # A first transaction replayed: until then the standby cannot date what it has.
        self.primary.query("SELECT txid_current()")
        self.wait_replayed()

    def wait_replayed(self) -> None:
        """Until the standby has replayed everything the primary has written so far.

        The insert position, not the write one: an asynchronous commit (Django's, in the
        test settings) is only inserted when it returns.
        """
        (target,) = self.primary.query("SELECT pg_current_wal_insert_lsn()")[0]
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            with contextlib.suppress(psycopg.OperationalError):
                rows = self.standby.query(
                    "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (str(target),)
                )
                if rows and rows[0][0]:
                    return
            time.sleep(0.02)
        raise TimeoutError(f"the standby did not replay up to {target}:\n{self.standby.log()}")

    def wait_streaming(self) -> None:
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            with contextlib.suppress(psycopg.OperationalError):
                if self.standby.query("SELECT status FROM pg_stat_wal_receiver") == [
                    ("streaming",)
                ]:
                    return
            time.sleep(0.02)
        raise TimeoutError(f"the standby does not stream:\n{self.standby.log()}")

    def pause_replay(self) -> None:
        self.standby.query("SELECT pg_wal_replay_pause()")
        deadline = time.monotonic() + WAIT_SECONDS
        while self.standby.query("SELECT pg_get_wal_replay_pause_state()") != [("paused",)]:
            if time.monotonic() > deadline:
                raise TimeoutError("replay did not pause")
            time.sleep(0.01)

    def resume_replay(self) -> None:
        self.standby.query("SELECT pg_wal_replay_resume()")
        self.wait_replayed()

    def stop(self) -> None:
        for server in (self.standby, self.primary):
            if (server.data / "postmaster.pid").exists():
                try:
                    server.stop("immediate")
                except (subprocess.SubprocessError, OSError):
                    server.kill()
        shutil.rmtree(self.folder, ignore_errors=True)
