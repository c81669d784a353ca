"""The cluster's address plan and configuration files, without starting anything."""

from __future__ import annotations

import pytest

from cluster import MAKE_CLUSTER, TEST_CLUSTER, Topology, config, control
from cluster.config import ConfigError, Layout, read_env_file, render
from cluster.topology import TopologyError


def test_the_two_plans_never_share_a_name_or_an_address():
    make, test = MAKE_CLUSTER, TEST_CLUSTER
    assert not set(make.namespaces) & set(test.namespaces)
    assert not {h.address for h in make.hosts} & {h.address for h in test.hosts}
    assert make.bridge != test.bridge
    assert all(name.startswith("kq-") for name in make.namespaces)
    assert all(name.startswith("kqt-") for name in test.namespaces)
    assert make.host("edge1").url("/") == "http://198.18.1.11/"
    assert test.host("app2").url("/healthz") == "http://198.18.2.22:8000/healthz"
    assert test.gateway == "198.18.2.1"


def test_every_host_has_its_own_address_in_the_plan_and_a_short_link_name():
    addresses = [host.address for host in MAKE_CLUSTER.hosts]
    assert len(set(addresses)) == len(addresses)
    assert MAKE_CLUSTER.gateway not in addresses
    assert all(len(host.link) <= 15 for host in MAKE_CLUSTER.hosts)
    roles = [host.role for host in MAKE_CLUSTER.hosts]
    assert roles.count("edge") == roles.count("app") == roles.count("worker") == 2
    assert {"primary", "standby", "redis"} <= set(roles)


@pytest.mark.parametrize(
    "network",
    ["10.0.0.0/24", "192.168.1.0/24", "198.20.0.0/24", "198.18.1.0/16", "198.18.1.0/25", "nope"],
)
def test_a_network_outside_the_benchmark_range_or_not_a_24_is_refused(network):
    with pytest.raises(TopologyError):
        Topology(prefix="kqx", network=network)


@pytest.mark.parametrize("prefix", ["", "KQ", "kq-", "toolongprefix", "1kq"])
def test_a_prefix_that_would_make_bad_interface_names_is_refused(prefix):
    with pytest.raises(TopologyError):
        Topology(prefix=prefix, network="198.18.3.0/24")


def test_an_unknown_host_is_named_in_the_error():
    with pytest.raises(TopologyError, match=r"app3.*edge1"):
        MAKE_CLUSTER.host("app3")


def test_the_application_environment_names_every_edge_and_both_databases(tmp_path):
    layout = Layout(tmp_path)
    secrets = config.new_secrets()
    values = config.application_values(TEST_CLUSTER, layout, secrets, web_concurrency=1)
    config.write_application_env(layout, values)
    env = read_env_file(layout.env_file)
    assert (layout.env_file.stat().st_mode & 0o777) == 0o600  # it holds the secrets
    assert env["DJANGO_SETTINGS_MODULE"] == "kiosque.settings.production"
    assert env["EDGE_URL"] == "http://198.18.2.11,http://198.18.2.12"
    assert env["DATABASE_URL"].endswith("@198.18.2.41:5432/kiosque")
    assert env["DATABASE_REPLICA_URLS"].endswith("@198.18.2.42:5432/kiosque")
    assert env["REDIS_URL"] == "redis://198.18.2.51:6379/0"
    assert env["ALLOWED_HOSTS"] == "198.18.2.11,198.18.2.12"
    assert env["KIOSQUE_VAR_DIR"] == str(layout.shared)
    assert len(env["SECRET_KEY"]) >= 50
    assert "$" not in layout.env_file.read_text()


def test_after_a_promotion_the_standby_is_the_primary_and_there_is_no_replica(tmp_path):
    layout = Layout(tmp_path)
    values = config.application_values(
        TEST_CLUSTER, layout, config.new_secrets(), web_concurrency=1,
        primary="standby", replicas=(),
    )  # fmt: skip
    config.write_application_env(layout, values)
    env = read_env_file(layout.env_file)
    assert env["DATABASE_URL"].endswith("@198.18.2.42:5432/kiosque")
    assert env["DATABASE_REPLICA_URLS"] == ""


def test_a_template_value_left_out_is_an_error_not_a_blank():
    with pytest.raises(ConfigError, match="NETWORK"):
        render("host all all ${NETWORK} scram-sha-256", {}, "pg_hba.conf")
    with pytest.raises(ConfigError):
        render("price: $5", {}, "somewhere")


def test_a_malformed_environment_line_is_refused_with_its_place(tmp_path):
    env_file = tmp_path / "kiosque.env"
    env_file.write_text("# comment\nGOOD=1\n\nnot a setting\n")
    with pytest.raises(ConfigError, match=r"kiosque\.env:4"):
        read_env_file(env_file)
    env_file.write_text("A=1\nB = two words \n")
    assert read_env_file(env_file) == {"A": "1", "B": "two words"}


def test_without_root_the_cluster_refuses_clearly(monkeypatch, tmp_path):
    monkeypatch.setattr(control.os, "geteuid", lambda: 1000)
    cluster = control.Cluster(tmp_path / "c", TEST_CLUSTER)
    with pytest.raises(control.ClusterError, match="needs root"):
        cluster.up(progress=lambda line: None)
    with pytest.raises(control.ClusterError, match="needs root"):
        cluster.down()
    assert not (tmp_path / "c").exists()


def test_down_never_removes_a_folder_it_did_not_make(tmp_path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me")
    cluster = control.Cluster(precious, Topology(prefix="kqz", network="198.18.9.0/24"))
    with pytest.raises(control.ClusterError, match=r"no cluster\.json"):
        cluster._remove_folder(keep_logs=False)
    assert (precious / "notes.txt").exists()


def test_a_plan_being_started_refuses_another_start_or_a_removal(monkeypatch, tmp_path):
    monkeypatch.setattr(control, "LOCK_DIR", tmp_path)
    plan = Topology(prefix="kqz", network="198.18.9.0/24")
    with control.plan_lock(plan, "up"):
        refused = pytest.raises(control.ClusterError, match=r"`up` \(process \d+\).*`down` refused")
        with refused, control.plan_lock(plan, "down"):
            pass
        with control.plan_lock(Topology(prefix="kqy", network="198.18.8.0/24"), "up"):
            pass  # another plan is not held up
    with control.plan_lock(plan, "down"):
        pass  # free again once the first has finished
