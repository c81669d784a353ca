"""`python -m cluster up|down|status|exec|psql`: the cluster from the command line.

    make cluster        → python -m cluster up     (folder var/cluster, 198.18.1.0/24, kq-*)
    make cluster-down   → python -m cluster down

`--plan test` takes the test suite's plan (198.18.2.0/24, kqt-*), to clean up after a
test run that was killed before its own clean-up.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cluster.config import DEFAULT_DIR, ConfigError
from cluster.control import Cluster, ClusterError
from cluster.processes import ClusterStartError
from cluster.topology import APP, EDGE, PLANS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cluster", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--dir", type=Path, default=DEFAULT_DIR, help="the cluster's folder (default: %(default)s)"
    )
    parser.add_argument(
        "--plan", choices=sorted(PLANS), default="make", help="address plan (default: make)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    up = commands.add_parser("up", help="start every host (needs root)")
    up.add_argument(
        "--web-concurrency", type=int, default=2, help="gunicorn processes per application host"
    )
    commands.add_parser("down", help="stop and remove everything the cluster created")
    commands.add_parser("status", help="each host, its address and whether it runs")
    run = commands.add_parser("exec", help="run a command inside a host's namespace")
    run.add_argument("host")
    run.add_argument("argv", nargs=argparse.REMAINDER)
    psql = commands.add_parser("psql", help="SQL on a database host, as postgres")
    psql.add_argument("host")
    psql.add_argument("sql")
    args = parser.parse_args(argv)

    try:
        if args.command == "up":
            cluster = Cluster(args.dir, PLANS[args.plan], web_concurrency=args.web_concurrency)
            cluster.up()
            print_summary(cluster)
        elif args.command == "down":
            down(args.dir, args.plan)
        else:
            cluster = Cluster.load(args.dir)
            if args.command == "status":
                print_status(cluster)
            elif args.command == "exec":
                argv = args.argv[1:] if args.argv[:1] == ["--"] else args.argv
                done = cluster.exec(args.host, argv, check=False, timeout=3600)
                sys.stdout.write(done.stdout)
                sys.stderr.write(done.stderr)
                return done.returncode
            elif args.command == "psql":
                print(cluster.psql(args.host, args.sql))
    except (ClusterError, ClusterStartError, ConfigError) as error:
        print(f"cluster: {error}", file=sys.stderr)
        return 1
    return 0


def down(folder: Path, plan: str) -> None:
    try:
        cluster = Cluster.load(folder)
    except ClusterError:
        # No record (never started, or the folder is gone): still remove the plan's
        # namespaces, links and bridge, and kill what runs in those namespaces.
        cluster = Cluster(folder, PLANS[plan])
    existed = cluster.layout.root.exists()
    removed = cluster.down()
    if not removed and not existed:
        print(
            f"Nothing to remove: no {cluster.topology.prefix}-* namespace, no {cluster.layout.root}"
        )
        return
    print(f"Removed {', '.join(removed) or 'no namespace (none left)'} and {cluster.layout.root}")


def print_status(cluster: Cluster) -> None:
    for name, state in cluster.status().items():
        host = cluster.host(name)
        port = f":{host.port}" if host.port else ""
        print(f"  {name:<9} {host.role:<8} {host.address + port:<20} {state}")


def print_summary(cluster: Cluster) -> None:
    topology = cluster.topology
    print(f"\nKiosque cluster up in {cluster.timings['total']:.0f} s ({cluster.layout.root}).")
    print(f"The machine is {topology.gateway} on bridge {topology.bridge}; each host:")
    print_status(cluster)
    print("\nReaders go through the edges, from this machine:")
    for edge in cluster.topology.by_role(EDGE):
        print(f"  curl -sI {edge.url('/')}")
    app = topology.by_role(APP)[0]
    print(f"  (an application host: curl -H 'Host: {cluster.site_host}' {app.url('/healthz')})")
    print(
        f"\nLogs: {cluster.layout.root}/hosts/<host>/log; setup (migrations, demo accounts "
        f"and their passwords): {cluster.layout.setup_log}"
    )
    print(f"The application's environment: {cluster.layout.env_file}")
    print(
        f"A command on a host: python -m cluster --dir {cluster.layout.root} exec app1 -- "
        ".venv/bin/kiosque shell"
    )
    print("Stop and remove everything: make cluster-down")


if __name__ == "__main__":
    sys.exit(main())
