"""Network namespaces, veth pairs and the bridge that joins them: one "machine" per host.

Each host gets its own network namespace (`ip netns`), whose only interfaces are its
loopback and `eth0`, one end of a veth pair; the other end is attached to a bridge in
the machine's own namespace, which holds the plan's .1 address. The hosts reach each
other through the bridge, and the machine reaches every host; nothing is routed beyond
it, so a host cannot reach any other network (no default route).

Namespaces isolate the network only: every host sees the machine's files, which is how
the media folder is shared (see deploy/cluster/README.md).
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence

from cluster.topology import Host, Topology

IP = "ip"
COMMAND_TIMEOUT_SECONDS = 10


class NetworkError(RuntimeError):
    pass


def ip(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [IP, *args], capture_output=True, text=True, timeout=COMMAND_TIMEOUT_SECONDS
    )
    if check and done.returncode != 0:
        raise NetworkError(f"`ip {' '.join(args)}` failed: {done.stderr.strip()}")
    return done


def existing_namespaces() -> set[str]:
    listed = ip("netns", "list").stdout
    # Lines look like "kq-app1 (id: 3)" or just "kq-app1".
    return {line.split()[0] for line in listed.splitlines() if line.strip()}


def link_exists(name: str) -> bool:
    return ip("link", "show", "dev", name, check=False).returncode == 0


def leftovers(topology: Topology) -> list[str]:
    """What of this plan already exists on the machine: namespaces, the bridge, links."""
    found = sorted(set(topology.namespaces) & existing_namespaces())
    found += [name for name in (topology.bridge,) if link_exists(name)]
    found += [
        host.link for host in topology.hosts if host.link not in found and link_exists(host.link)
    ]
    return found


def create_bridge(topology: Topology) -> None:
    ip("link", "add", topology.bridge, "type", "bridge")
    ip("addr", "add", f"{topology.gateway}/{topology.prefix_length}", "dev", topology.bridge)
    ip("link", "set", topology.bridge, "up")


def create_host(topology: Topology, host: Host) -> None:
    """The host's namespace, its eth0 with its address, joined to the bridge."""
    ip("netns", "add", host.namespace)
    # The peer is created inside the namespace at once: no name clash with the machine's eth0.
    ip("link", "add", host.link, "type", "veth", "peer", "name", "eth0", "netns", host.namespace)
    ip("link", "set", host.link, "master", topology.bridge)
    ip("link", "set", host.link, "up")
    inside = ("-n", host.namespace)
    ip(*inside, "link", "set", "lo", "up")
    ip(*inside, "addr", "add", f"{host.address}/{topology.prefix_length}", "dev", "eth0")
    ip(*inside, "link", "set", "eth0", "up")


def remove(topology: Topology) -> list[str]:
    """Delete the plan's namespaces, links and bridge; what was removed (none is an error).

    Deleting a namespace deletes its end of the veth pair, and with it the other end.
    Processes still running in a namespace keep it alive: kill them first (pids_in).
    """
    removed = []
    present = existing_namespaces()
    for namespace in topology.namespaces:
        if namespace in present:
            done = ip("netns", "delete", namespace, check=False)
            # Gone meanwhile (removed by someone else) is as good as removed.
            if done.returncode != 0 and namespace in existing_namespaces():
                raise NetworkError(f"`ip netns delete {namespace}` failed: {done.stderr.strip()}")
            removed.append(namespace)
    for host in topology.hosts:
        # Usually gone with its namespace (the pair goes together), maybe a moment later.
        if host.link not in removed and link_exists(host.link):
            ip("link", "delete", host.link, check=False)
            removed.append(host.link)
    if link_exists(topology.bridge):
        ip("link", "delete", topology.bridge)
        removed.append(topology.bridge)
    return removed


def pids_in(namespace: str) -> list[int]:
    """Every process whose network is this namespace (empty when it does not exist)."""
    done = ip("netns", "pids", namespace, check=False)
    if done.returncode != 0:
        return []
    return [int(word) for word in done.stdout.split() if word.isdigit()]


def in_namespace(namespace: str, argv: Sequence[str]) -> list[str]:
    """argv run inside the namespace. `ip netns exec` execs the command: same process id."""
    return [IP, "netns", "exec", namespace, *argv]
