"""vcl_for() and `kiosque edge`: the shipped VCL for one application host or several."""

import io
import os
import subprocess
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kiosque.edge.varnish import EdgeSetupError, varnishd_command, vcl_for

CLUSTER_HOSTS = ["198.18.2.21:8000", "198.18.2.22:8000"]


def backends_of(vcl: str) -> list[str]:
    """The director's backends, in order."""
    return [
        line.strip().removeprefix("application.add_backend(").removesuffix(");")
        for line in vcl.splitlines()
        if "application.add_backend(" in line
    ]


def purgers_of(vcl: str) -> list[str]:
    acl = vcl.split("acl purgers {", 1)[1].split("}", 1)[0]
    return [line.strip() for line in acl.splitlines() if line.strip().startswith('"')]


def test_a_port_alone_is_make_edges_one_local_backend():
    vcl = vcl_for(8000, "admin/")
    assert backends_of(vcl) == ["app_127_0_0_1_8000"]
    assert '.host = "127.0.0.1";' in vcl and '.port = "8000";' in vcl
    assert purgers_of(vcl) == ['"127.0.0.1";', '"::1";']
    assert 'req.url ~ "^/admin/"' in vcl


def test_several_backends_share_the_probe_and_the_director():
    vcl = vcl_for(CLUSTER_HOSTS, "redaction/", purgers=["198.18.2.0/24"])
    assert backends_of(vcl) == ["app_198_18_2_21_8000", "app_198_18_2_22_8000"]
    assert vcl.count(".probe = healthz;") == 2
    assert purgers_of(vcl) == ['"198.18.2.0"/24;']
    assert 'req.url ~ "^/redaction/"' in vcl
    assert ".host_header" not in vcl


def test_the_probes_can_name_the_site_for_allowed_hosts():
    vcl = vcl_for(CLUSTER_HOSTS, "admin/", host_header="www.example.org")
    assert vcl.count('.host_header = "www.example.org";') == 2


def test_purger_networks_are_written_from_their_first_address():
    vcl = vcl_for(8000, "admin/", purgers=["198.18.2.7/24", "2001:db8::1", "10.0.0.1/32"])
    assert purgers_of(vcl) == ['"198.18.2.0"/24;', '"2001:db8::1";', '"10.0.0.1";']


@pytest.mark.parametrize(
    ("backends", "purgers", "complaint"),
    [
        (["198.18.2.21"], ["127.0.0.1"], "expected HOST:PORT"),
        (["198.18.2.21:http"], ["127.0.0.1"], "backend '198.18.2.21:http'"),
        (["198.18.2.21:0"], ["127.0.0.1"], "port 0"),
        (['evil";}:80'], ["127.0.0.1"], "expected HOST:PORT"),
        (["http://198.18.2.21:8000/"], ["127.0.0.1"], "expected HOST:PORT"),
        (["198.18.2.21:8000", "198.18.2.21:8000"], ["127.0.0.1"], "listed twice"),
        ([], ["127.0.0.1"], "at least one backend"),
        (CLUSTER_HOSTS, ["198.18.2.0/33"], "purger '198.18.2.0/33'"),
        (CLUSTER_HOSTS, ["app-1"], "purger 'app-1'"),
        (CLUSTER_HOSTS, [], "at least one purger"),
    ],
)
def test_values_varnish_would_refuse_or_misread_are_refused_first(backends, purgers, complaint):
    with pytest.raises(EdgeSetupError, match=complaint):
        vcl_for(backends, "admin/", purgers=purgers)


def test_a_template_without_the_marked_blocks_is_refused(tmp_path):
    template = tmp_path / "old.vcl"
    template.write_text('vcl 4.1;\nbackend kiosque { .host = "127.0.0.1"; .port = "8000"; }\n')
    with pytest.raises(EdgeSetupError, match="make edge: backends"):
        vcl_for(8000, "admin/", template=template)


@pytest.mark.processes
def test_varnishd_compiles_the_vcl_for_several_hosts(tmp_path):
    # -C compiles the VCL and exits: the directors, the probe and the ACL are valid VCL.
    vcl = tmp_path / "kiosque.vcl"
    vcl.write_text(
        vcl_for(
            [*CLUSTER_HOSTS, "[2001:db8::5]:8000", "localhost:8001"],
            "admin/",
            purgers=["198.18.2.0/24", "127.0.0.1"],
            host_header="www.example.org",
        )
    )
    command = varnishd_command(host="127.0.0.1", port=8080, vcl_file=vcl, work_dir=tmp_path / "v")
    result = subprocess.run(
        [*(part for part in command if part != "-F"), "-C"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]


# --- kiosque edge ------------------------------------------------------------------------


@pytest.fixture
def edge_command(settings, tmp_path, monkeypatch):
    """`kiosque edge` up to the point where it becomes varnishd: (command line, VCL)."""
    settings.VAR_DIR = tmp_path
    started = []
    monkeypatch.setattr(os, "execv", lambda path, command: started.append(command))
    # Nor the page views' varnishncsa it starts first (tests/audience/test_edge_counting.py).
    monkeypatch.setattr(
        "kiosque.edge.management.commands.edge.start_page_view_log", lambda **options: None
    )

    def run(*arguments: str) -> tuple[list[str], str]:
        call_command("edge", *arguments, stdout=open(os.devnull, "w"))  # noqa: SIM115
        return started[-1], Path(tmp_path / "edge" / "kiosque.vcl").read_text()

    return run


def test_kiosque_edge_without_backends_fronts_this_machine_as_before(edge_command):
    command, vcl = edge_command("--port", "8081", "--backend-port", "8001")
    assert "127.0.0.1:8081" in command
    assert backends_of(vcl) == ["app_127_0_0_1_8001"]
    assert purgers_of(vcl) == ['"127.0.0.1";', '"::1";']


def test_kiosque_edge_takes_several_backends_and_purgers(edge_command):
    _, vcl = edge_command(
        "--backend", CLUSTER_HOSTS[0], "--backend", CLUSTER_HOSTS[1],
        "--purger", "198.18.2.0/24", "--probe-host", "www.example.org",
    )  # fmt: skip
    assert backends_of(vcl) == ["app_198_18_2_21_8000", "app_198_18_2_22_8000"]
    assert purgers_of(vcl) == ['"198.18.2.0"/24;']
    assert '.host_header = "www.example.org";' in vcl


def test_kiosque_edge_refuses_a_bad_backend_clearly(edge_command):
    with pytest.raises(CommandError, match="expected HOST:PORT"):
        edge_command("--backend", "198.18.2.21")


def test_kiosque_edge_prints_the_vcl_for_debians_service_without_starting(edge_command, tmp_path):
    output = io.StringIO()
    call_command("edge", "--print-vcl", "--backend", CLUSTER_HOSTS[0], stdout=output)
    assert backends_of(output.getvalue()) == ["app_198_18_2_21_8000"]
    assert output.getvalue().startswith("# Kiosque's edge")
    assert not (tmp_path / "edge").exists()  # nothing written, varnishd not started
