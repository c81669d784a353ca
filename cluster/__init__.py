"""Kiosque on several hosts, on one machine: each host in its own network namespace.

Not part of the application (the installed `kiosque` package knows nothing of it): the
application hosts run with the environment a real deployment gives them
(deploy/cluster/). `python -m cluster up|down|status` (`make cluster`,
`make cluster-down`); the tests and drills use `Cluster` (control.py).

Modules: topology (the address plan), netns (namespaces, veth pairs, bridge), config
(the cluster's folder and the files written from deploy/cluster/), processes (start,
record, wait, stop by process id), postgres (primary and hot standby), services (what
runs on each kind of host), control (the `Cluster` object).
"""

from cluster.control import Cluster, ClusterError
from cluster.processes import ClusterStartError
from cluster.topology import MAKE_CLUSTER, PLANS, TEST_CLUSTER, Host, Topology

__all__ = [
    "MAKE_CLUSTER",
    "PLANS",
    "TEST_CLUSTER",
    "Cluster",
    "ClusterError",
    "ClusterStartError",
    "Host",
    "Topology",
]
