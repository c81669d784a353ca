"""The cluster's folder, and the configuration written into it from deploy/cluster/.

A cluster lives in one folder (var/cluster for `make cluster`, a temporary one for the
tests), never in the repository:

    cluster.json          the plan (prefix, network) and the application's settings
    config/               deploy/cluster/ with the cluster's values filled in:
                          kiosque.env (0600), edge.vcl, pg_hba.conf, postgresql.conf,
                          redis.conf, secrets.json (0600)
    shared/               KIOSQUE_VAR_DIR of every application host and worker
                          (media, static files): the folder they share
    setup.log             initdb, migrations, the demo, collectstatic
    hosts/<host>/log      the host's service output; pid: its process id
    hosts/<host>/...      its data (PostgreSQL's data folder, Varnish's work folder...)
"""

from __future__ import annotations

import json
import os
import secrets
import string
from dataclasses import dataclass
from pathlib import Path

from cluster.topology import Host, Topology

REPO_ROOT = Path(__file__).resolve().parents[1]
DEPLOY_DIR = REPO_ROOT / "deploy" / "cluster"
DEFAULT_DIR = REPO_ROOT / "var" / "cluster"


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def state_file(self) -> Path:
        return self.root / "cluster.json"

    @property
    def config(self) -> Path:
        return self.root / "config"

    @property
    def shared(self) -> Path:
        return self.root / "shared"

    @property
    def setup_log(self) -> Path:
        return self.root / "setup.log"

    @property
    def env_file(self) -> Path:
        return self.config / "kiosque.env"

    @property
    def vcl_file(self) -> Path:
        return self.config / "edge.vcl"

    @property
    def secrets_file(self) -> Path:
        return self.config / "secrets.json"

    def host_dir(self, host: Host) -> Path:
        return self.root / "hosts" / host.name

    def log(self, host: Host) -> Path:
        return self.host_dir(host) / "log"

    def pid_file(self, host: Host) -> Path:
        return self.host_dir(host) / "pid"


def render(template: str, values: dict[str, str], source: str) -> str:
    """${NAME} replaced by its value; a name without a value is an error, not a blank."""
    try:
        return string.Template(template).substitute(values)
    except KeyError as error:
        raise ConfigError(f"{source}: no value for ${{{error.args[0]}}}") from None
    except ValueError as error:
        raise ConfigError(f"{source}: {error}") from None


def read_env_file(path: Path) -> dict[str, str]:
    """NAME=value lines (systemd's EnvironmentFile without quoting); # comments, blanks."""
    values = {}
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, equals, value = line.partition("=")
        if not equals or not name.strip().isidentifier():
            raise ConfigError(f"{path}:{number}: expected NAME=value, got {line!r}")
        values[name.strip()] = value.strip()
    return values


def new_secrets() -> dict[str, str]:
    return {
        "SECRET_KEY": secrets.token_urlsafe(48),  # 64 characters
        "DATABASE_PASSWORD": secrets.token_urlsafe(18),
        "REPLICATION_PASSWORD": secrets.token_urlsafe(18),
    }


def write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(text)


def database_url(address: str, password: str) -> str:
    return f"postgres://kiosque:{password}@{address}:5432/kiosque"


def application_values(
    topology: Topology,
    layout: Layout,
    secret_values: dict[str, str],
    *,
    web_concurrency: int,
    primary: str = "primary",
    replicas: tuple[str, ...] = ("standby",),
) -> dict[str, str]:
    """The values of deploy/cluster/kiosque.env for this cluster.

    `primary` and `replicas` name the database hosts the application uses: after a
    promotion, the standby is the primary and there is no replica (the runbook).
    """
    edges = topology.by_role("edge")
    password = secret_values["DATABASE_PASSWORD"]
    return {
        "SECRET_KEY": secret_values["SECRET_KEY"],
        "EDGE_ADDRESSES": ",".join(edge.address for edge in edges),
        "SITE_ADDRESS": edges[0].address,
        "DATABASE_PASSWORD": password,
        "PRIMARY_ADDRESS": topology.host(primary).address,
        "REPLICA_URLS": ",".join(
            database_url(topology.host(name).address, password) for name in replicas
        ),
        "REDIS_ADDRESS": topology.host("redis").address,
        "EDGE_URLS": ",".join(f"http://{edge.address}" for edge in edges),
        "SHARED_DIR": str(layout.shared),
        "WEB_CONCURRENCY": str(web_concurrency),
    }


def write_application_env(layout: Layout, values: dict[str, str]) -> None:
    template = (DEPLOY_DIR / "kiosque.env").read_text()
    write_private(layout.env_file, render(template, values, "deploy/cluster/kiosque.env"))


def save_state(layout: Layout, state: dict) -> None:
    layout.state_file.write_text(json.dumps(state, indent=2) + "\n")


def load_state(layout: Layout) -> dict | None:
    try:
        return json.loads(layout.state_file.read_text())
    except (OSError, ValueError):
        return None
