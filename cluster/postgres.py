"""PostgreSQL 15: a primary and a hot standby fed by streaming replication.

The primary is made by initdb, with deploy/cluster/postgresql.conf included and
deploy/cluster/pg_hba.conf in place; it gets two roles, `kiosque` (owner of the
`kiosque` database, what the application logs in as) and `replicator` (replication
only). The standby is a base backup of the primary taken over the network from the
standby's own namespace (`pg_basebackup -R` writes primary_conninfo and standby.signal;
`-C -S standby` creates its replication slot), then started: it replays what the
primary streams, and answers read queries meanwhile.

PostgreSQL refuses to run as root: one-off commands run as `postgres` through runuser;
the server itself through setpriv, which (unlike runuser, which forks and waits) execs
the server, so the recorded process id is the postmaster's own.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from pathlib import Path

from cluster import netns
from cluster.config import DEPLOY_DIR, Layout, render
from cluster.processes import ClusterStartError, run
from cluster.topology import Host, Topology

BIN = Path("/usr/lib/postgresql/15/bin")
USER = "postgres"
PORT = 5432
INITDB_SECONDS = 60
BASEBACKUP_SECONDS = 120
# initdb's own postgresql.conf ends with this line: the cluster's settings come after it.
INCLUDE_LINE = "include 'cluster.conf'\n"
SLOT = "standby"


def as_postgres(argv: list[str]) -> list[str]:
    return ["runuser", "-u", USER, "--", *argv]


def data_dir(layout: Layout, host: Host) -> Path:
    return layout.host_dir(host) / "data"


def socket_dir(layout: Layout, host: Host) -> Path:
    return layout.host_dir(host) / "socket"


def _owned_by_postgres(path: Path, mode: int) -> None:
    account = pwd.getpwnam(USER)
    path.mkdir(parents=True, exist_ok=True)
    os.chown(path, account.pw_uid, account.pw_gid)
    path.chmod(mode)


def require_reachable(folder: Path) -> None:
    """PostgreSQL runs as postgres: every folder above the cluster's must let it through."""
    for above in folder.resolve().parents:
        if above.exists() and not above.stat().st_mode & 0o001:
            raise ClusterStartError(
                f"{above} is closed to other users (mode {above.stat().st_mode & 0o777:o}): "
                f"postgres could not reach its data under {folder}. Choose a cluster folder "
                "under an open one, or open it (chmod o+x)."
            )


def prepare_folders(layout: Layout, host: Host) -> None:
    require_reachable(layout.root)
    # The way down to the data folder must be open to postgres (a temporary folder is
    # made 0700 for root); the data folder itself is postgres's alone, as it requires.
    for folder in (layout.root, layout.root / "hosts", layout.host_dir(host)):
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o755)
    _owned_by_postgres(socket_dir(layout, host), 0o755)
    data = data_dir(layout, host)
    if data.exists():
        shutil.rmtree(data)
    _owned_by_postgres(data, 0o700)


def server_command(layout: Layout, host: Host) -> list[str]:
    return netns.in_namespace(
        host.namespace,
        [
            "setpriv", f"--reuid={USER}", f"--regid={USER}", "--init-groups", "--",
            str(BIN / "postgres"),
            "-D", str(data_dir(layout, host)),
            "-c", f"listen_addresses={host.address}",
            "-c", f"port={PORT}",
            "-c", f"unix_socket_directories={socket_dir(layout, host)}",
            # Names the standby's connection in the primary's pg_stat_replication.
            "-c", f"cluster_name={host.name}",
        ],
    )  # fmt: skip


def is_ready(layout: Layout, host: Host) -> bool:
    """Accepting connections (pg_isready); a hot standby is once it reached consistency."""
    done = subprocess.run(
        [str(BIN / "pg_isready"), "-q", "-h", str(socket_dir(layout, host)), "-p", str(PORT)],
        capture_output=True,
        timeout=10,
    )
    return done.returncode == 0


def psql_command(
    layout: Layout, host: Host, database: str, variables: dict[str, object] | None = None
) -> list[str]:
    """psql as postgres on the host's socket, reading SQL from its standard input.

    From standard input, not -c, so that psql interpolates `variables` (:'name' is a
    quoted literal, :name the bare value) and runs each statement in its own transaction.
    """
    settings = [f"{name}={value}" for name, value in (variables or {}).items()]
    return netns.in_namespace(
        host.namespace,
        as_postgres(
            [
                str(BIN / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-h", str(socket_dir(layout, host)), "-p", str(PORT), "-d", database,
                *(word for setting in settings for word in ("-v", setting)),
                "-f", "-",
            ]
        ),
    )  # fmt: skip


def initdb(layout: Layout, topology: Topology, host: Host, env: dict) -> None:
    prepare_folders(layout, host)
    data = data_dir(layout, host)
    run(
        as_postgres(
            [
                str(BIN / "initdb"), "-D", str(data), "-U", USER,
                "--auth-local=peer", "--auth-host=scram-sha-256",
                "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions",
            ]
        ),
        log_file=layout.setup_log, env=env, cwd=layout.root,
        what=f"initdb of {host.name}", seconds=INITDB_SECONDS,
    )  # fmt: skip
    hba = render(
        (DEPLOY_DIR / "pg_hba.conf").read_text(),
        {"NETWORK": topology.network},
        "deploy/cluster/pg_hba.conf",
    )
    (data / "pg_hba.conf").write_text(hba)
    shutil.copyfile(DEPLOY_DIR / "postgresql.conf", data / "cluster.conf")
    with (data / "postgresql.conf").open("a") as conf:
        conf.write("\n# The cluster's settings (deploy/cluster/postgresql.conf)\n" + INCLUDE_LINE)
    account = pwd.getpwnam(USER)
    for name in ("pg_hba.conf", "cluster.conf"):
        os.chown(data / name, account.pw_uid, account.pw_gid)


def create_roles(sql_runner, secret_values: dict[str, str]) -> None:
    """The application's role and database, and the standby's replication role."""
    sql_runner(
        "CREATE ROLE kiosque LOGIN PASSWORD :'database_password';\n"
        "CREATE ROLE replicator REPLICATION LOGIN PASSWORD :'replication_password';\n"
        "CREATE DATABASE kiosque OWNER kiosque;\n",
        {
            "database_password": secret_values["DATABASE_PASSWORD"],
            "replication_password": secret_values["REPLICATION_PASSWORD"],
        },
    )


def base_backup(
    layout: Layout, primary: Host, standby: Host, secret_values: dict[str, str], env: dict
) -> None:
    """The standby's data folder, copied from the primary over the cluster's network."""
    prepare_folders(layout, standby)
    conninfo = (
        f"host={primary.address} port={PORT} user=replicator "
        f"password={secret_values['REPLICATION_PASSWORD']}"
    )
    run(
        netns.in_namespace(
            standby.namespace,
            as_postgres(
                [
                    str(BIN / "pg_basebackup"), "-d", conninfo,
                    "-D", str(data_dir(layout, standby)),
                    "-R", "-X", "stream", "-C", "-S", SLOT, "--checkpoint=fast",
                ]
            ),
        ),
        log_file=layout.setup_log, env=env, cwd=layout.root,
        what=f"pg_basebackup of {standby.name} from {primary.name}", seconds=BASEBACKUP_SECONDS,
    )  # fmt: skip


def require_binaries() -> None:
    missing = [name for name in ("initdb", "postgres", "pg_basebackup", "psql", "pg_isready")
               if not (BIN / name).exists()]  # fmt: skip
    if missing:
        raise ClusterStartError(
            f"PostgreSQL 15 server binaries missing from {BIN} ({', '.join(missing)}): "
            "install Debian's postgresql-15 (`make cluster` does it)"
        )
