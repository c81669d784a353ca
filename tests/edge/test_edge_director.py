"""The shipped VCL in front of several application hosts, with real Varnish.

Two edges (varnishd with the VCL vcl_for() writes) in front of two application hosts
(small HTTP servers on 127.0.0.2 and 127.0.0.3, free ports) that answer /healthz, a
shared page (s-maxage, stale-if-error, xkey) and a page that is never stored. The hosts
are stopped and started again as an operator's would die and come back; the edges are
started once for the module (about 2 s) and the hosts are put back before each test.

The second edge's VCL differs in one number: readers get a page up to 1 s past its
lifetime while refreshing it instead of 60 s, so that a test need not wait a minute to
see what happens to an older copy when the application fails.
"""

import http.client
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from contextlib import suppress
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kiosque.edge.purge import SurrogateKeyBackend
from kiosque.edge.varnish import backend_name, varnishd_command, vcl_for

pytestmark = [pytest.mark.processes, pytest.mark.xdist_group("edge-director")]

START_SECONDS = 20
# The probe marks a dead host sick after two failed probes one second apart.
SICK_WITHIN_SECONDS = 4
HEALTHY_GRACE_LINE = "set req.grace = 60s;"
PAGE_KEY = "page-{}"


class AppHost:
    """An application host: /healthz, /page/<name> (shared), /live/<name> (never stored)."""

    def __init__(self, address: str):
        self.address = address
        self.port = 0
        self.server: ThreadingHTTPServer | None = None
        self.failing = False  # pages answer 503 while /healthz still says 200
        self.served: list[str] = []
        self.start()

    @property
    def backend(self) -> str:
        return f"{self.address}:{self.port}"

    def start(self) -> None:
        if self.server is not None:
            return
        host = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path == "/healthz":
                    self.answer(200, b'{"status":"ok"}', "no-store")
                    return
                if host.failing:
                    self.answer(503, b"application error", "no-store")
                    return
                host.served.append(self.path)
                body = f"{self.path} from {host.address}".encode()
                if self.path.startswith("/page/"):
                    key = PAGE_KEY.format(self.path.rsplit("/", 1)[1])
                    cache = "public, max-age=0, s-maxage=1, stale-if-error=60"
                    self.answer(200, body, cache, {"xkey": key})
                else:
                    self.answer(200, body, None)

            def answer(self, status, body, cache_control, headers=None):
                self.send_response(status)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                if cache_control:
                    self.send_header("Cache-Control", cache_control)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        # HTTP/1.0, one request per connection: once stopped, the host answers nothing.
        self.server = ThreadingHTTPServer((self.address, self.port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str


@dataclass
class Edge:
    process: subprocess.Popen
    port: int
    work_dir: Path

    def get(self, path: str) -> Answer:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return Answer(
                response.status,
                {name.lower(): value for name, value in response.getheaders()},
                response.read().decode(),
            )
        finally:
            connection.close()

    def health(self) -> dict[str, str]:
        """Each backend's last probe verdict ("healthy" or "sick"), from Varnish's log."""
        log = subprocess.run(
            ["varnishlog", "-d", "-n", str(self.work_dir), "-g", "raw", "-i", "Backend_health"],
            capture_output=True, text=True, timeout=10,
        ).stdout  # fmt: skip
        verdicts = {}
        for name, state in re.findall(r"Backend_health - (\S+) (?:Still|Went|Back) (\w+)", log):
            verdicts[name.rsplit(".", 1)[-1]] = state
        return verdicts


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_edge(vcl: str, folder: Path) -> Edge:
    folder.mkdir()
    (folder / "kiosque.vcl").write_text(vcl)
    port = free_port()
    command = varnishd_command(
        host="127.0.0.1", port=port, vcl_file=folder / "kiosque.vcl",
        work_dir=folder / "varnish", memory="16m", thread_pools=1,
    )  # fmt: skip
    log = (folder / "varnishd.log").open("w")
    process = subprocess.Popen(
        command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    return Edge(process, port, folder / "varnish")


def wait_until_listening(edge: Edge) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if edge.process.poll() is not None:
            log = (edge.work_dir.parent / "varnishd.log").read_text()
            pytest.fail(f"varnishd exited with {edge.process.returncode}:\n{log[-3000:]}")
        with suppress(OSError), socket.create_connection(("127.0.0.1", edge.port), timeout=1):
            return
        time.sleep(0.05)
    pytest.fail(f"varnishd did not listen on 127.0.0.1:{edge.port} within {START_SECONDS} s")


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@dataclass
class Tier:
    hosts: list[AppHost]
    edge: Edge  # the shipped VCL
    quick_edge: Edge  # the same, refreshing copies 1 s past their lifetime, not 60 s

    @property
    def edges(self) -> list[Edge]:
        return [self.edge, self.quick_edge]

    def wait_for(self, state: str, hosts: list[AppHost], within: float) -> float:
        """Seconds until every edge calls each of `hosts` `state`; fails after `within`."""
        names = {backend_name(host.address, host.port) for host in hosts}
        started = time.monotonic()
        while time.monotonic() - started < within:
            verdicts = [edge.health() for edge in self.edges]
            if all(verdict.get(name) == state for verdict in verdicts for name in names):
                return time.monotonic() - started
            time.sleep(0.1)
        pytest.fail(f"{sorted(names)} not {state} within {within} s: {verdicts}")


@pytest.fixture(scope="module")
def tier():
    if not shutil.which("varnishd"):
        pytest.fail("varnishd is not installed (make edge-packages)")
    folder = Path(tempfile.mkdtemp(prefix="kiosque-edge-director-"))
    hosts = [AppHost("127.0.0.2"), AppHost("127.0.0.3")]
    edges: list[Edge] = []
    try:
        vcl = vcl_for([host.backend for host in hosts], "admin/", purgers=["127.0.0.1"])
        assert vcl.count(HEALTHY_GRACE_LINE) == 1
        quick_vcl = vcl.replace(HEALTHY_GRACE_LINE, "set req.grace = 1s;")
        edges.append(start_edge(vcl, folder / "edge"))
        edges.append(start_edge(quick_vcl, folder / "quick-edge"))
        for edge in edges:
            wait_until_listening(edge)
        yield Tier(hosts, *edges)
    finally:
        for edge in edges:
            stop_process(edge.process)
        for host in hosts:
            host.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def hosts_up(tier):
    """Both application hosts answering and called healthy by both edges."""
    for host in tier.hosts:
        host.failing = False
        host.start()
    tier.wait_for("healthy", tier.hosts, within=10)
    return tier


def test_requests_are_spread_over_the_application_hosts(hosts_up):
    for host in hosts_up.hosts:
        host.served.clear()
    answers = [hosts_up.edge.get(f"/live/spread-{n}") for n in range(10)]
    assert [answer.status for answer in answers] == [200] * 10
    assert [len(host.served) for host in hosts_up.hosts] == [5, 5]


def test_a_dead_application_host_costs_readers_no_error(hosts_up):
    dead, alive = hosts_up.hosts
    dead.stop()
    # Before the probes notice: each request the dead host fails is retried on the other.
    before = [hosts_up.edge.get(f"/live/window-{n}").status for n in range(20)]
    took = hosts_up.wait_for("sick", [dead], within=SICK_WITHIN_SECONDS + 2)
    print(f"dead host marked sick by both edges {took:.1f} s after it stopped")
    alive.served.clear()
    after = [hosts_up.edge.get(f"/live/after-{n}").status for n in range(20)]
    assert before == [200] * 20
    assert after == [200] * 20
    assert len(alive.served) == 20
    assert took < SICK_WITHIN_SECONDS


def test_a_total_outage_serves_the_cached_pages_stale(hosts_up):
    edge = hosts_up.edge
    assert edge.get("/page/outage").headers["x-cache"] == "MISS"
    cached_at = time.monotonic()
    for host in hosts_up.hosts:
        host.stop()
    hosts_up.wait_for("sick", hosts_up.hosts, within=SICK_WITHIN_SECONDS + 2)
    time.sleep(max(0.0, cached_at + 1.2 - time.monotonic()))  # past its 1 s lifetime

    stale = edge.get("/page/outage")
    assert stale.status == 200
    assert stale.body.startswith("/page/outage from 127.0.0.")
    assert stale.headers["x-cache"] == "HIT"

    never_cached = edge.get("/page/never-seen")
    assert never_cached.status == 503
    assert "Page momentanément indisponible" in never_cached.body
    assert "Guru Meditation" not in never_cached.body
    assert never_cached.headers["cache-control"] == "no-store"


def test_an_application_error_is_never_served_when_a_copy_exists(hosts_up):
    # The hosts pass their health probe but fail the page (a broken query, say): the
    # edge keeps the copy it has, even one older than it would serve while refreshing.
    edge = hosts_up.quick_edge
    assert edge.get("/page/error").status == 200
    time.sleep(2.2)  # 1 s lifetime + 1 s refreshing window
    for host in hosts_up.hosts:
        host.failing = True
    stale = edge.get("/page/error")
    assert stale.status == 200
    assert stale.body.startswith("/page/error from")
    again = edge.get("/page/error")  # the failed refresh did not remove the copy
    assert again.status == 200 and again.headers["x-cache"] == "HIT"

    never_cached = edge.get("/page/error-never-seen")
    assert never_cached.status == 503
    assert "application error" not in never_cached.body
    assert "Page momentanément indisponible" in never_cached.body


def test_a_purge_reaches_both_edges_and_only_from_a_purger(hosts_up):
    path = "/page/purged"
    for edge in hosts_up.edges:
        edge.get(path)
        assert edge.get(path).headers["x-cache"] == "HIT"

    stranger = http.client.HTTPConnection(
        "127.0.0.1", hosts_up.edge.port, timeout=5, source_address=("127.0.0.5", 0)
    )
    stranger.request("PURGE", "/", headers={"xkey-purge": PAGE_KEY.format("purged")})
    assert stranger.getresponse().status == 403  # not in the purgers ACL
    stranger.close()
    assert hosts_up.edge.get(path).headers["x-cache"] == "HIT"

    urls = ",".join(f"http://127.0.0.1:{edge.port}" for edge in hosts_up.edges)
    backend = SurrogateKeyBackend({"LOCATION": urls, "TIMEOUT": 5})
    assert backend.purge_keys([PAGE_KEY.format("purged")]) == {}
    for edge in hosts_up.edges:
        assert edge.get(path).headers["x-cache"] == "MISS"
