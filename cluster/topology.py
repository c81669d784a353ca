"""The address plan: which hosts a cluster has, their names, namespaces and addresses.

Every address comes from 198.18.0.0/15, the range set aside for benchmarking networks
(RFC 2544): it exists nowhere else, so a cluster can never shadow a real machine. Each
plan takes one /24 of it and a namespace prefix of its own, so `make cluster` (kq-*,
198.18.1.0/24) and the test suite's cluster (kqt-*, 198.18.2.0/24) never collide:

    .1        the bridge, in the machine's own namespace (the machine reaches every host)
    .11 .12   edge1, edge2        Varnish, port 80
    .21 .22   app1, app2          gunicorn, port 8000
    .31 .32   worker1, worker2    `kiosque worker` (no port)
    .41       primary             PostgreSQL, port 5432
    .42       standby             PostgreSQL hot standby, port 5432
    .51       redis               Redis, port 6379
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

BENCHMARK_RANGE = ipaddress.ip_network("198.18.0.0/15")
# Linux caps an interface name at 15 characters; a host's link in the machine's namespace
# is named like its namespace ("kqt-worker1"), so prefix and host name must fit in it.
MAX_LINK_NAME = 15
PREFIX = re.compile(r"^[a-z][a-z0-9]{0,5}$")

EDGE, APP, WORKER, PRIMARY, STANDBY, REDIS = "edge", "app", "worker", "primary", "standby", "redis"

# (host name, role, last byte of its address, the port its service listens on)
HOST_PLAN = (
    ("edge1", EDGE, 11, 80),
    ("edge2", EDGE, 12, 80),
    ("app1", APP, 21, 8000),
    ("app2", APP, 22, 8000),
    ("worker1", WORKER, 31, None),
    ("worker2", WORKER, 32, None),
    ("primary", PRIMARY, 41, 5432),
    ("standby", STANDBY, 42, 5432),
    ("redis", REDIS, 51, 6379),
)


class TopologyError(ValueError):
    pass


@dataclass(frozen=True)
class Host:
    name: str
    role: str
    address: str
    namespace: str
    port: int | None

    @property
    def link(self) -> str:
        """The host's end of its veth pair in the machine's namespace (the other is eth0)."""
        return self.namespace

    def url(self, path: str = "/") -> str:
        """http://address[:port]/path, for the hosts that speak HTTP."""
        port = "" if self.port in (None, 80) else f":{self.port}"
        return f"http://{self.address}{port}{path}"


@dataclass(frozen=True)
class Topology:
    """One cluster's names and addresses; `MAKE_CLUSTER` and `TEST_CLUSTER` are the two plans."""

    prefix: str
    network: str

    def __post_init__(self):
        if not PREFIX.match(self.prefix):
            raise TopologyError(f"prefix {self.prefix!r}: 1 to 6 lower-case letters or digits")
        try:
            network = ipaddress.ip_network(self.network)
        except ValueError as error:
            raise TopologyError(f"network {self.network!r}: {error}") from None
        if network.prefixlen != 24 or not network.subnet_of(BENCHMARK_RANGE):
            raise TopologyError(
                f"network {self.network}: a /24 inside {BENCHMARK_RANGE} is required "
                "(addresses that exist nowhere else)"
            )
        longest = max(len(self._namespace(name)) for name, *_ in HOST_PLAN)
        if max(longest, len(self.bridge)) > MAX_LINK_NAME:
            raise TopologyError(f"prefix {self.prefix!r} makes interface names too long")

    def _namespace(self, host_name: str) -> str:
        return f"{self.prefix}-{host_name}"

    def _address(self, last_byte: int) -> str:
        return str(ipaddress.ip_network(self.network).network_address + last_byte)

    @property
    def bridge(self) -> str:
        return f"{self.prefix}-br0"

    @property
    def gateway(self) -> str:
        """The bridge's address: the machine itself, as every host sees it."""
        return self._address(1)

    @property
    def prefix_length(self) -> int:
        return ipaddress.ip_network(self.network).prefixlen

    @property
    def hosts(self) -> tuple[Host, ...]:
        return tuple(
            Host(name, role, self._address(last), self._namespace(name), port)
            for name, role, last, port in HOST_PLAN
        )

    def host(self, name: str) -> Host:
        for host in self.hosts:
            if host.name == name:
                return host
        known = ", ".join(host.name for host in self.hosts)
        raise TopologyError(f"no host {name!r} in this cluster (hosts: {known})")

    def by_role(self, role: str) -> tuple[Host, ...]:
        return tuple(host for host in self.hosts if host.role == role)

    @property
    def namespaces(self) -> tuple[str, ...]:
        return tuple(host.namespace for host in self.hosts)


MAKE_CLUSTER = Topology(prefix="kq", network="198.18.1.0/24")
TEST_CLUSTER = Topology(prefix="kqt", network="198.18.2.0/24")
PLANS = {"make": MAKE_CLUSTER, "test": TEST_CLUSTER}
