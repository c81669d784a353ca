"""The `Cluster` object: start, inspect, break and remove a cluster on this machine.

    from cluster import Cluster, TEST_CLUSTER
    cluster = Cluster(Path("/tmp/c"), TEST_CLUSTER)
    cluster.up()                       # every host started and answering, demo loaded
    cluster.host("edge1").url("/")     # http://198.18.2.11/
    cluster.kill("app1")               # the host dies: every process in its namespace
    cluster.start("app1")              # started again, waited for
    cluster.kiosque("app1", "shell", "-c", "...")   # a command on an application host
    cluster.psql("standby", "SELECT pg_is_in_recovery()")
    cluster.down()                     # processes, namespaces, links, bridge, folder

`Cluster.load(folder)` finds a running cluster again from another process (what
`python -m cluster down` does). Every wait is bounded and fails with ClusterStartError
naming the host and its log file.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from cluster import config, netns, postgres, processes, services
from cluster.config import REPO_ROOT, Layout
from cluster.processes import Record
from cluster.topology import (
    APP,
    EDGE,
    MAKE_CLUSTER,
    PLANS,
    PRIMARY,
    STANDBY,
    WORKER,
    Host,
    Topology,
)

MIGRATE_SECONDS = 300
DEMO_SECONDS = 600
COLLECTSTATIC_SECONDS = 180
CATCH_UP_SECONDS = 60
# Two good probes a second apart make a restarted host healthy again (deploy/varnish):
# a margin for a loaded machine.
EDGE_PROBE_SECONDS = 20
STOP_SECONDS = services.GRACEFUL_SECONDS + 5
# `down` deletes the data anyway: a short grace (PostgreSQL's fast shutdown takes less
# than a second, and leaves no shared memory behind), then SIGKILL.
DOWN_SECONDS = 3


class ClusterError(RuntimeError):
    """The cluster cannot be started or found as asked (not root, already there...)."""


# Held while a plan's cluster is being started or removed: a `down` in another shell
# must not pull the namespaces from under an `up` half done (nor two `up`s race).
LOCK_DIR = Path("/run/lock") if Path("/run/lock").is_dir() else Path("/tmp")  # noqa: S108


@contextlib.contextmanager
def plan_lock(topology: Topology, action: str):
    path = LOCK_DIR / f"kiosque-cluster-{topology.prefix}.lock"
    handle = path.open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise ClusterError(
            f"{holder} is starting or removing a cluster of this plan ({topology.prefix}-*) "
            f"right now: `{action}` refused; try again when it has finished"
        ) from None
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(f"`{action}` (process {os.getpid()})")
        handle.flush()
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def require_root() -> None:
    if os.geteuid() != 0:
        raise ClusterError(
            "the cluster needs root: it creates network namespaces, veth pairs and a "
            "bridge (run `sudo make cluster`, or the tests as root as CI does)"
        )


class Cluster:
    """One cluster: its plan (`topology`), its folder (`layout`) and its processes."""

    def __init__(
        self,
        root: Path | str = config.DEFAULT_DIR,
        topology: Topology = MAKE_CLUSTER,
        *,
        web_concurrency: int = 2,
    ):
        self.layout = Layout(Path(root).resolve())
        self.topology = topology
        self.web_concurrency = web_concurrency
        self.timings: dict[str, float] = {}

    @classmethod
    def load(cls, root: Path | str) -> Cluster:
        """The cluster recorded in `root` (its plan from cluster.json)."""
        layout = Layout(Path(root).resolve())
        state = config.load_state(layout)
        if state is None:
            raise ClusterError(f"no cluster recorded in {layout.root} (no cluster.json)")
        topology = Topology(prefix=state["prefix"], network=state["network"])
        return cls(layout.root, topology, web_concurrency=state.get("web_concurrency", 2))

    # --- names and addresses -------------------------------------------------------

    @property
    def hosts(self) -> tuple[Host, ...]:
        return self.topology.hosts

    def host(self, name: str) -> Host:
        return self.topology.host(name)

    @property
    def edges(self) -> tuple[Host, ...]:
        return self.topology.by_role(EDGE)

    @property
    def site_host(self) -> str:
        """The Host header readers send: the first edge's address (BASE_URL's host)."""
        return self.edges[0].address

    def log(self, name: str) -> Path:
        return self.layout.log(self.host(name))

    def service(self, name: str) -> services.Service:
        return services.Service(self.layout, self.topology, self.host(name))

    def record(self, name: str) -> Record | None:
        return Record.read(self.layout.pid_file(self.host(name)))

    def running(self, name: str) -> bool:
        processes.reap()
        record = self.record(name)
        return record is not None and record.alive()

    def status(self) -> dict[str, str]:
        """Each host: "running" (its recorded process is alive) or "stopped"."""
        return {
            host.name: "running" if self.running(host.name) else "stopped" for host in self.hosts
        }

    # --- one host ------------------------------------------------------------------

    def start(self, name: str, *, wait: bool = True) -> Record:
        """Start the host's service (refused if it runs); wait until it is ready."""
        if self.running(name):
            raise ClusterError(f"{name} is already running")
        service = self.service(name)
        record = processes.launch(
            service.command(),
            log_file=self.log(name),
            pid_file=self.layout.pid_file(service.host),
            env=service.environment(),
            cwd=REPO_ROOT,
        )
        if wait:
            self.wait_ready(name, record=record)
        return record

    def wait_ready(
        self, name: str, *, seconds: float | None = None, record: Record | None = None
    ) -> float:
        service = self.service(name)
        host = service.host
        return processes.wait_until(
            service.ready,
            what=f"{host.name} ({host.role}, {host.address})",
            seconds=seconds or service.start_seconds,
            log_file=self.log(name),
            record=record or self.record(name),
        )

    def stop(self, name: str, *, seconds: float = STOP_SECONDS) -> None:
        """Stop the host's service the way its operator would (PostgreSQL: fast shutdown),
        then kill whatever is left in its namespace after `seconds`."""
        record = self.record(name)
        if record is not None and record.alive():
            processes.signal_one(record, self.service(name).stop_signal)
            processes.wait_for_exit(record, seconds)
        self._kill_namespace(name)

    def kill(self, name: str) -> None:
        """The host dies at once: SIGKILL to every process in its namespace."""
        self._kill_namespace(name)

    def _kill_namespace(self, name: str) -> None:
        host = self.host(name)
        record = self.record(name)
        if record is not None:
            processes.signal_group(record, 9)
        for _ in range(20):
            pids = netns.pids_in(host.namespace)
            if not pids:
                break
            processes.kill_pids(pids)
            time.sleep(0.05)
        if record is not None:
            processes.wait_for_exit(record, 5)

    # --- commands on a host --------------------------------------------------------

    def exec(
        self,
        name: str,
        argv: Sequence[str],
        *,
        env: dict | None = None,
        timeout: float = 120,
        check: bool = True,
        input: str | None = None,
    ) -> subprocess.CompletedProcess:
        """Run argv inside the host's namespace; output captured as text.

        On an application host or a worker, the environment is the application's
        (config/kiosque.env), unless `env` is given.
        """
        host = self.host(name)
        if env is None:
            env = self.service(name).environment()
        done = subprocess.run(
            netns.in_namespace(host.namespace, list(argv)),
            env=env,
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            input=input,
        )
        if check and done.returncode != 0:
            raise ClusterError(
                f"on {name}: `{' '.join(argv)}` exited with {done.returncode}:\n"
                f"{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
            )
        return done

    def kiosque(self, name: str, *args: str, timeout: float = 120, check: bool = True) -> str:
        """`kiosque ARGS` on an application host or worker; its standard output."""
        if self.host(name).role not in (APP, WORKER):
            raise ClusterError(f"{name} is not an application host or a worker")
        return self.exec(
            name, [services.PYTHON, "-m", "kiosque", *args], timeout=timeout, check=check
        ).stdout

    def psql(
        self,
        name: str,
        sql: str,
        variables: dict[str, object] | None = None,
        *,
        database: str = "kiosque",
        timeout: float = 30,
    ) -> str:
        """Run SQL as postgres on a database host (its Unix socket); the rows, one a line,
        columns `|`-separated. Values go in `variables`, written :'name' in the SQL (a
        quoted literal) or :name (as is): `psql("primary", "... WHERE id = :'id'", {"id": 3})`.
        """
        host = self.host(name)
        if host.role not in (PRIMARY, STANDBY):
            raise ClusterError(f"{name} is not a database host")
        done = subprocess.run(
            postgres.psql_command(self.layout, host, database, variables),
            input=sql,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=services.base_environment(),
        )
        if done.returncode != 0:
            raise ClusterError(f"psql on {name} failed: {done.stderr.strip()}")
        return done.stdout.strip()

    def edge_backends(self, edge: str) -> dict[str, str]:
        """What an edge thinks of each application host: "healthy" or "sick" (its probes),
        from `varnishadm backend.list` run inside the edge's namespace."""
        work = self.layout.host_dir(self.host(edge)) / "varnish"
        listing = self.exec(
            edge, ["varnishadm", "-n", str(work), "backend.list"], timeout=15
        ).stdout
        health = {}
        for app in self.topology.by_role(APP):
            name = f"app_{app.address.replace('.', '_')}_{app.port}"
            for line in listing.splitlines():
                words = line.split()
                if words and words[0].endswith("." + name):
                    health[app.name] = "healthy" if "healthy" in words else "sick"
        return health

    # --- replication ---------------------------------------------------------------

    def standby_caught_up(self) -> bool:
        primary_lsn = self.psql("primary", "SELECT pg_current_wal_lsn()")
        caught_up = self.psql(
            "standby", "SELECT pg_last_wal_replay_lsn() >= :'lsn'::pg_lsn", {"lsn": primary_lsn}
        )
        return caught_up == "t"

    def wait_for_standby(self, seconds: float = CATCH_UP_SECONDS) -> float:
        """Until the standby has replayed everything the primary had written."""
        return processes.wait_until(
            self.standby_caught_up,
            what="standby (replay of the primary's WAL)",
            seconds=seconds,
            log_file=self.log("standby"),
        )

    def promote(self, name: str = "standby") -> None:
        """Make the standby a primary (pg_promote() waits until it accepts writes)."""
        promoted = self.psql(name, "SELECT pg_promote(wait => true, wait_seconds => 30)")
        if promoted != "t":
            raise ClusterError(f"{name} was not promoted within 30 s: see {self.log(name)}")

    def point_applications_at(self, primary: str, replicas: Sequence[str] = ()) -> None:
        """The runbook's step after a promotion: rewrite config/kiosque.env with this
        primary (and these replicas), then restart the application hosts and workers
        one at a time, each waited for, so the edges always have a host to ask."""
        self._write_application_env(primary=primary, replicas=tuple(replicas))
        for host in self.hosts:
            if host.role in (APP, WORKER):
                self.stop(host.name)
                self.start(host.name)
                if host.role == APP:
                    # Answering its own /healthz is not enough: the edges send it readers
                    # only after two good probes. Stopping the next host before that left
                    # no healthy backend for ~4 s (seen in a drill: 503s on the live).
                    self.wait_until_edges_see_healthy(host.name)

    def wait_until_edges_see_healthy(self, app: str, seconds: float = EDGE_PROBE_SECONDS) -> None:
        """Until every running edge's probes call application host `app` healthy."""
        deadline = time.monotonic() + seconds
        edges = [edge.name for edge in self.topology.by_role(EDGE) if self.running(edge.name)]
        while True:
            waiting = [edge for edge in edges if self.edge_backends(edge).get(app) != "healthy"]
            if not waiting:
                return
            if time.monotonic() > deadline:
                raise ClusterError(
                    f"{app}: still sick for {', '.join(waiting)} after {seconds:.0f} s "
                    f"(its log: {self.log(app)})"
                )
            time.sleep(0.25)

    def _write_application_env(self, *, primary: str, replicas: tuple[str, ...]) -> None:
        values = config.application_values(
            self.topology,
            self.layout,
            self._secrets(),
            web_concurrency=self.web_concurrency,
            primary=primary,
            replicas=replicas,
        )
        config.write_application_env(self.layout, values)

    def _secrets(self) -> dict[str, str]:
        import json

        return json.loads(self.layout.secrets_file.read_text())

    # --- the whole cluster ---------------------------------------------------------

    def up(self, progress: Callable[[str], None] = print) -> dict[str, float]:
        """Start every host, load the demo, wait until all answer; seconds per step.

        Refuses without root, or when the plan's namespaces, links or bridge already
        exist. On failure everything started is removed (the logs are kept) and the
        error names the host and its log.
        """
        require_root()
        with plan_lock(self.topology, "up"):
            return self._checked_up(progress)

    def _checked_up(self, progress: Callable[[str], None]) -> dict[str, float]:
        found = netns.leftovers(self.topology)
        if found:
            plan = next((name for name, plan in PLANS.items() if plan == self.topology), "?")
            raise ClusterError(
                f"already there: {', '.join(found)}. Another cluster of this plan runs, or a "
                f"crashed one was left: `python -m cluster --plan {plan} --dir FOLDER down`, "
                "with the folder it was started in (`make cluster-down` for make's), "
                "removes it."
            )
        postgres.require_binaries()
        postgres.require_reachable(self.layout.root)
        services.require_edge_binaries()
        self._fresh_folder()
        started = time.monotonic()
        try:
            self._up(progress)
        except BaseException:
            progress("Start failed: removing what was started (logs kept).")
            self._down(keep_logs=True)
            raise
        self.timings["total"] = time.monotonic() - started
        return self.timings

    def _fresh_folder(self) -> None:
        root = self.layout.root
        if root.exists():
            if any(
                self.running(host.name)
                for host in self.hosts
                if self.layout.pid_file(host).exists()
            ):
                raise ClusterError(f"{root}: processes of a cluster still run there")
            self._remove_folder(keep_logs=False)
        for folder in (root, self.layout.config, self.layout.shared, root / "hosts"):
            folder.mkdir(parents=True, exist_ok=True)
            folder.chmod(0o755)
        config.save_state(
            self.layout,
            {
                "prefix": self.topology.prefix,
                "network": self.topology.network,
                "web_concurrency": self.web_concurrency,
                "started_at": time.strftime("%Y-%m-%d %H:%M:%S"),
            },
        )
        import json

        config.write_private(self.layout.secrets_file, json.dumps(config.new_secrets()) + "\n")
        self._write_application_env(primary="primary", replicas=("standby",))

    def _step(self, name: str, work: Callable[[], object], progress: Callable[[str], None]):
        begun = time.monotonic()
        result = work()
        self.timings[name] = time.monotonic() - begun
        progress(f"  {name}: {self.timings[name]:.1f} s")
        return result

    def _up(self, progress: Callable[[str], None]) -> None:
        topology = self.topology
        progress(f"{topology.network}: bridge {topology.bridge}, namespaces {topology.prefix}-*")
        self._step("network", self._create_network, progress)
        with ThreadPoolExecutor(max_workers=8) as pool:
            redis = pool.submit(self._step, "redis", lambda: self.start("redis"), progress)
            primary = pool.submit(self._step, "primary", self._start_primary, progress)
            static = pool.submit(self._step, "collectstatic", self._collect_static, progress)
            edges = pool.submit(self._step, "edges", self._start_edges, progress)
            primary.result()
            standby = pool.submit(self._step, "standby", self._start_standby, progress)
            redis.result()
            self._step(
                "migrate",
                lambda: self._setup_command("migrate", "--no-input", seconds=MIGRATE_SECONDS),
                progress,
            )
            static.result()
            # The application hosts start while the demo loads: nothing asks them for a
            # page before `up` returns. The workers start after it: the demo makes its
            # pictures' renditions itself, and workers started earlier made them again.
            apps = [
                pool.submit(
                    self._step, host.name, lambda name=host.name: self.start(name), progress
                )
                for host in self.topology.by_role(APP)
            ]
            self._step("demo", lambda: self._setup_command("demo", seconds=DEMO_SECONDS), progress)
            workers = [
                pool.submit(
                    self._step, host.name, lambda name=host.name: self.start(name), progress
                )
                for host in self.topology.by_role(WORKER)
            ]
            # What `kiosque serve` does at its start: Wagtail's site follows BASE_URL.
            self._setup_command(
                "shell",
                "-c",
                "from kiosque.core.sites import sync_default_site_with_base_url as sync; sync()",
                seconds=60,
            )
            for future in (edges, standby, *apps, *workers):
                future.result()
        self._step("edges answer", self._wait_edges_serve, progress)
        self._step("standby caught up", self.wait_for_standby, progress)

    def _create_network(self) -> None:
        netns.create_bridge(self.topology)
        for host in self.hosts:
            netns.create_host(self.topology, host)

    def _start_primary(self) -> None:
        primary = self.host("primary")
        postgres.initdb(self.layout, self.topology, primary, services.base_environment())
        self.start("primary")
        postgres.create_roles(
            lambda sql, variables: self.psql("primary", sql, variables, database="postgres"),
            self._secrets(),
        )

    def _start_standby(self) -> None:
        postgres.base_backup(
            self.layout, self.host("primary"), self.host("standby"), self._secrets(),
            services.base_environment(),
        )  # fmt: skip
        self.start("standby")

    def _collect_static(self) -> None:
        self._setup_command(
            "collectstatic", "--no-input", "--verbosity", "0", seconds=COLLECTSTATIC_SECONDS
        )

    def _start_edges(self) -> None:
        services.write_vcl(self.layout, self.topology)
        for edge in self.edges:
            self.start(edge.name)

    def _setup_command(self, *args: str, seconds: float) -> None:
        """`kiosque ARGS` on the first application host, output in setup.log."""
        app = self.topology.by_role(APP)[0]
        processes.run(
            netns.in_namespace(app.namespace, [services.PYTHON, "-m", "kiosque", *args]),
            log_file=self.layout.setup_log,
            env=services.application_environment(self.layout),
            cwd=REPO_ROOT,
            what=f"`kiosque {args[0]}` on {app.name}",
            seconds=seconds,
        )

    def _wait_edges_serve(self) -> None:
        """Each edge serves the home page (through a healthy application host)."""
        for edge in self.edges:
            processes.wait_until(
                lambda edge=edge: services.http_status(edge.url("/"), self.site_host) == 200,
                what=f"{edge.name} ({edge.address}) serving the home page",
                seconds=60,
                log_file=self.log(edge.name),
            )

    def down(self, *, keep_logs: bool = False) -> list[str]:
        """Stop every process, remove namespaces, links, bridge and the folder.

        Safe to run twice, and after a failed `up`: each part is removed if present.
        With keep_logs, the log files stay (and the folder with them).
        """
        require_root()
        with plan_lock(self.topology, "down"):
            return self._down(keep_logs=keep_logs)

    def _down(self, *, keep_logs: bool) -> list[str]:
        for host in self.hosts:
            record = self.record(host.name)
            if record is not None and record.alive():
                processes.signal_one(record, self.service(host.name).stop_signal)
        deadline = time.monotonic() + DOWN_SECONDS
        for host in self.hosts:
            record = self.record(host.name)
            if record is not None:
                processes.wait_for_exit(record, max(0.1, deadline - time.monotonic()))
            self._kill_namespace(host.name)
        removed = netns.remove(self.topology)
        self._remove_folder(keep_logs=keep_logs)
        return removed

    def _remove_folder(self, *, keep_logs: bool) -> None:
        root = self.layout.root
        if not root.exists():
            return
        if not any(root.iterdir()):
            root.rmdir()
            return
        # Only a folder this package made: it holds cluster.json (written first by `up`).
        if not self.layout.state_file.exists():
            raise ClusterError(f"{root} holds no cluster.json: not removed")
        if root in (REPO_ROOT, *REPO_ROOT.parents) or root == Path.home():
            raise ClusterError(f"{root}: refusing to remove it")
        if not keep_logs:
            shutil.rmtree(root)
            return
        for path in sorted(root.iterdir()):
            if path.name == "setup.log":
                continue
            if path.name == "hosts":
                for host_dir in path.iterdir():
                    for item in host_dir.iterdir():
                        if item.name != "log":
                            _remove(item)
                continue
            if path.name != "cluster.json":
                _remove(path)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()
