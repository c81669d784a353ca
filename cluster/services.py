"""What runs on each kind of host: its command, how to tell it is ready, how to stop it.

    edge      varnishd (Debian's, with varnish-modules' xkey) and the shipped VCL
    app       gunicorn serving kiosque.wsgi, as deploy/systemd/kiosque-web.service does
    worker    `kiosque worker` (tasks and the publishing schedule)
    primary   PostgreSQL (postgres.py)
    standby   PostgreSQL hot standby (postgres.py)
    redis     redis-server with deploy/cluster/redis.conf

Application hosts and workers get the environment of config/kiosque.env and nothing
else from the caller (a test run's DJANGO_SETTINGS_MODULE or DATABASE_URL must not leak
into a host).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from cluster import netns, postgres
from cluster.config import DEPLOY_DIR, REPO_ROOT, Layout, read_env_file
from cluster.processes import ClusterStartError
from cluster.topology import APP, EDGE, PRIMARY, REDIS, STANDBY, WORKER, Host, Topology

PYTHON = sys.executable
HTTP_TIMEOUT_SECONDS = 3
GRACEFUL_SECONDS = 10
# What a host needs from the machine's environment, whatever the caller's shell exports.
INHERITED = ("PATH", "HOME", "TZ")


def base_environment() -> dict[str, str]:
    env = {name: os.environ[name] for name in INHERITED if name in os.environ}
    env.setdefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
    env["LANG"] = "C.UTF-8"
    return env


def application_environment(layout: Layout) -> dict[str, str]:
    """What an application host or worker runs with: the machine's basics + kiosque.env."""
    return base_environment() | read_env_file(layout.env_file)


# An HTTP client that never goes through a proxy the machine's environment names: the
# cluster's addresses are reached directly, through the bridge.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def http_status(url: str, host_header: str | None = None) -> int | None:
    """The status of GET url, or None when nothing answered."""
    request = urllib.request.Request(url, headers={"Host": host_header} if host_header else {})  # noqa: S310
    try:
        with _opener.open(request, timeout=HTTP_TIMEOUT_SECONDS) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return None


def redis_answers(address: str, port: int) -> bool:
    try:
        with socket.create_connection((address, port), timeout=HTTP_TIMEOUT_SECONDS) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def edge_settings() -> dict[str, str]:
    return read_env_file(DEPLOY_DIR / "edge.env")


def varnishd() -> str:
    return shutil.which("varnishd") or "/usr/sbin/varnishd"


def require_edge_binaries() -> None:
    if not Path(varnishd()).exists() or not list(
        Path("/usr/lib").glob("*/varnish/vmods/libvmod_xkey.so")
    ):
        raise ClusterStartError(
            "varnishd or its xkey module is missing: install Debian's varnish and "
            "varnish-modules (`make cluster` does it)"
        )
    if not shutil.which("redis-server"):
        raise ClusterStartError("redis-server is missing: install Debian's redis-server")


VCL_SCRIPT = """
import json, sys
from django.conf import settings
from kiosque.edge.varnish import vcl_for
spec = json.loads(sys.argv[1])
sys.stdout.write(vcl_for(spec["backends"], settings.ADMIN_PATH, purgers=spec["purgers"],
                         host_header=spec["host_header"]))
"""


def write_vcl(layout: Layout, topology: Topology) -> None:
    """The shipped VCL for this cluster, written by the application's own vcl_for().

    Run in a process with the application's environment (its settings give the admin
    path): the cluster does not import the application.
    """
    spec = {
        "backends": [f"{host.address}:{host.port}" for host in topology.by_role(APP)],
        # The application hosts and workers purge; nobody else.
        "purgers": [host.address for host in topology.hosts if host.role in (APP, WORKER)],
        # The probes ask for /healthz under the site's name: ALLOWED_HOSTS lists the
        # edges' addresses, not the application hosts' own.
        "host_header": topology.by_role(EDGE)[0].address,
    }
    done = subprocess.run(
        [PYTHON, "-c", VCL_SCRIPT, json.dumps(spec)],
        env=application_environment(layout),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if done.returncode != 0:
        raise ClusterStartError(f"writing the edges' VCL failed:\n{done.stderr[-3000:]}")
    layout.vcl_file.write_text(done.stdout)


@dataclass(frozen=True)
class Service:
    """How one host's service is started, checked and stopped."""

    layout: Layout
    topology: Topology
    host: Host

    def command(self) -> list[str]:
        role, host, layout = self.host.role, self.host, self.layout
        if role == EDGE:
            settings = edge_settings()
            work = layout.host_dir(host) / "varnish"
            argv = [
                varnishd(),
                "-j", "none",  # as root, keep root: its own user could not read the folder
                "-F",
                "-a", f"{host.address}:{settings['EDGE_PORT']}",
                "-f", str(layout.vcl_file),
                "-n", str(work),
                "-s", f"malloc,{settings['EDGE_MEMORY']}",
                "-T", settings["EDGE_ADMIN"],
            ]  # fmt: skip
        elif role == APP:
            env = read_env_file(layout.env_file)
            argv = [
                PYTHON, "-m", "gunicorn", "kiosque.wsgi:application",
                "--bind", f"{host.address}:{host.port}",
                "--workers", env.get("WEB_CONCURRENCY", "2"),
                "--threads", env.get("WEB_THREADS", "4"),
                "--access-logfile", "-",
                "--graceful-timeout", str(GRACEFUL_SECONDS),
                "--config", "python:kiosque.core.gunicorn_hooks",
            ]  # fmt: skip
        elif role == WORKER:
            argv = [PYTHON, "-m", "kiosque", "worker"]
        elif role in (PRIMARY, STANDBY):
            return postgres.server_command(layout, host)
        elif role == REDIS:
            data = layout.host_dir(host) / "data"
            data.mkdir(parents=True, exist_ok=True)
            argv = [
                "redis-server", str(DEPLOY_DIR / "redis.conf"),
                "--bind", host.address, "--dir", str(data), "--logfile", "",
            ]  # fmt: skip
        else:
            raise ValueError(f"unknown role {role!r}")
        if role in (APP, WORKER):
            # Restarted on failure, as their systemd units do (cluster/supervise.py).
            argv = [PYTHON, "-m", "cluster.supervise", "--", *argv]
        return netns.in_namespace(host.namespace, argv)

    def environment(self) -> dict[str, str]:
        if self.host.role in (APP, WORKER):
            return application_environment(self.layout)
        return base_environment()

    @property
    def stop_signal(self) -> int:
        # PostgreSQL: SIGINT is its "fast" shutdown; SIGTERM ("smart") would wait for
        # the application's persistent connections to close by themselves.
        return signal.SIGINT if self.host.role in (PRIMARY, STANDBY) else signal.SIGTERM

    @property
    def start_seconds(self) -> float:
        """How long the service may take to be ready on a busy machine."""
        return {APP: 90, WORKER: 90, EDGE: 30, PRIMARY: 60, STANDBY: 120, REDIS: 15}[self.host.role]

    def ready(self) -> bool:
        host = self.host
        if host.role == EDGE:
            # varnishd answers (the application behind it may not yet).
            return http_status(host.url("/healthz")) is not None
        if host.role == APP:
            return http_status(host.url("/healthz"), self.site_host) == 200
        if host.role == WORKER:
            return "Starting worker" in _log_text(self.layout.log(host))
        if host.role in (PRIMARY, STANDBY):
            return postgres.is_ready(self.layout, host)
        if host.role == REDIS:
            return redis_answers(host.address, host.port)
        return False

    @property
    def site_host(self) -> str:
        return self.topology.by_role(EDGE)[0].address


def _log_text(path: Path) -> str:
    try:
        # Only the last start counts: the log is appended to across restarts.
        return path.read_text(errors="replace").rsplit("\n--- ", 1)[-1]
    except OSError:
        return ""
