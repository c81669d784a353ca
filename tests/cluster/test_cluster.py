"""Kiosque on several hosts: the cluster of `make cluster`, started once for this module.

Two edges, two application hosts, two workers, a PostgreSQL primary and its hot standby,
and Redis, each in its own network namespace on 198.18.2.0/24 (namespaces kqt-*, never
those of `make cluster`). One start is shared by every test here (it migrates and loads
the demo: the longest part); tests that break a host put it back before they end.

Needs root (network namespaces), as CI has: without it the module fails, it never skips.
The start's duration is printed (`-s`) and is the module's first setup in --durations.
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import shutil
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from cluster import TEST_CLUSTER, Cluster, ClusterError, ClusterStartError, netns
from tests.cluster.client import Client, csrf_token

pytestmark = [
    pytest.mark.xdist_group("cluster"),
    pytest.mark.processes,
    pytest.mark.slow(reason="one cluster of nine hosts, migrated and loaded with the demo"),
]

# A purge reaches both edges in tens of milliseconds; without it they would keep the old
# page for minutes. Far from both, to hold on a busy machine.
PROPAGATION_SECONDS = 5.0
# The VCL's probes (1 s apart, sick after 2 failures out of 3) and the requests already
# under way when a host dies.
PROBE_WINDOW_SECONDS = 5.0
# KIOSQUE_WORKER_LOST_SECONDS in deploy/cluster/kiosque.env (10), a heartbeat interval
# on top, and the task's second run on a busy machine.
WORKER_TAKEOVER_SECONDS = 90.0


@pytest.fixture(scope="module")
def cluster():
    if os.geteuid() != 0:
        pytest.fail(
            "tests/cluster needs root (network namespaces, veth pairs, a bridge): "
            "run the suite as root, as CI does",
            pytrace=False,
        )
    attached = os.environ.get("KIOSQUE_TEST_CLUSTER_DIR", "")
    if attached:
        # While writing tests: a test-plan cluster already started with
        # `python -m cluster --plan test --dir DIR up`, used as it is and left running
        # (except by the last test, which removes it).
        yield Cluster.load(attached)
        return
    # Short: PostgreSQL's socket path (folder + /hosts/primary/socket/...) has a limit.
    parent = Path(tempfile.mkdtemp(prefix="kqt-"))
    parent.chmod(0o755)  # PostgreSQL runs as postgres and must reach its data folder
    started = Cluster(parent / "cluster", TEST_CLUSTER, web_concurrency=1)
    began = time.monotonic()
    try:
        started.up(progress=print)
    except (ClusterError, ClusterStartError) as error:
        shutil.rmtree(parent, ignore_errors=True)
        pytest.fail(f"the test cluster did not start: {error}", pytrace=False)
    print(f"cluster started in {time.monotonic() - began:.1f} s: {started.timings}")
    try:
        yield started
    finally:
        started.down()
        shutil.rmtree(parent, ignore_errors=True)


def reader(cluster: Cluster) -> Client:
    return Client(site_host=cluster.site_host)


def edge_urls(cluster: Cluster, path: str) -> list[str]:
    return [edge.url(path) for edge in cluster.edges]


def until(condition, seconds: float, interval: float = 0.1) -> float | None:
    """Seconds until `condition()` held, or None if it did not within `seconds`."""
    start = time.monotonic()
    while True:
        if condition():
            return time.monotonic() - start
        if time.monotonic() - start > seconds:
            return None
        time.sleep(interval)


def until_health_says(client: Client, app, database: str, seconds: float) -> float | None:
    """Seconds until the host's /healthz answers ok with this database state, or None."""
    expected = {"status": "ok", "database": database}
    return until(
        lambda: json.loads(client.request(app.url("/healthz")).body or "{}") == expected,
        seconds,
        0.5,
    )


def article(cluster: Cluster, offset: int) -> dict:
    """A published article of the demo (not a live), read on the primary: id, path, title."""
    row = cluster.psql(
        "primary",
        "SELECT json_build_object('id', p.id, 'url_path', p.url_path, 'title', p.title, "
        "'root', (SELECT r.url_path FROM wagtailcore_site s JOIN wagtailcore_page r "
        "ON r.id = s.root_page_id WHERE s.is_default_site)) "
        "FROM wagtailcore_page p JOIN newsroom_articlepage a ON a.page_ptr_id = p.id "
        "WHERE p.live AND a.article_type NOT LIKE 'direct%' "
        "ORDER BY p.first_published_at DESC, p.id OFFSET :offset LIMIT 1",
        {"offset": offset},
    )
    found = json.loads(row)
    found["path"] = "/" + found["url_path"][len(found["root"]) :]
    return found


def retitle(cluster: Cluster, page_id: int, title: str) -> None:
    """Publish a new title through the application, from an application host's CLI."""
    cluster.kiosque(
        "app1",
        "shell",
        "-c",
        "from kiosque.newsroom.models import ArticlePage; "
        f"a = ArticlePage.objects.get(pk={page_id}); a.title = {title!r}; "
        "a.save_revision().publish()",
    )


def cached_on_every_edge(cluster: Cluster, path: str) -> None:
    client = reader(cluster)
    for url in edge_urls(cluster, path):
        hit = until(lambda url=url: client.request(url).headers.get("X-Cache") == "HIT", 10, 0.2)
        assert hit is not None, f"{url} never became a cache hit"


# --- the start --------------------------------------------------------------------------


def test_every_host_answers(cluster):
    assert set(cluster.status().values()) == {"running"}, cluster.status()
    client = reader(cluster)
    for url in edge_urls(cluster, "/"):
        home = client.request(url)
        assert home.status == 200, (url, home.status)
        assert "<html" in home.body
    for app in cluster.topology.by_role("app"):
        health = client.request(app.url("/healthz"))
        assert health.status == 200
        assert json.loads(health.body) == {"status": "ok", "database": "ok"}
    # Each edge probes both application hosts and finds them healthy.
    for edge in cluster.edges:
        assert cluster.edge_backends(edge.name) == {"app1": "healthy", "app2": "healthy"}
    # The standby is a hot standby, streaming from the primary.
    assert cluster.psql("standby", "SELECT pg_is_in_recovery()") == "t"
    assert cluster.psql("primary", "SELECT pg_is_in_recovery()") == "f"
    streaming = cluster.psql(
        "primary", "SELECT application_name || ':' || state FROM pg_stat_replication"
    )
    assert streaming == "standby:streaming"
    # The demo's pages reached the standby.
    count = "SELECT count(*) FROM wagtailcore_page WHERE live"
    assert int(cluster.psql("standby", count)) == int(cluster.psql("primary", count)) > 10


def test_media_are_shared_by_every_application_host(cluster):
    # An original the demo uploaded from app1, served by both hosts from the shared folder.
    name = cluster.psql("primary", "SELECT file FROM newsroom_newsimage ORDER BY id LIMIT 1")
    assert name, "the demo uploaded no picture"
    client = reader(cluster)
    for app in cluster.topology.by_role("app"):
        answer = client.request(app.url(f"/media/{name}"))
        assert answer.status == 200, (app.name, name, answer.status)


def test_hosts_reach_each_other_and_nothing_beyond(cluster):
    routes = cluster.exec("app1", ["ip", "route"], env={"PATH": os.environ["PATH"]}).stdout
    assert "default" not in routes, routes
    assert cluster.topology.network in routes


def test_a_second_cluster_of_the_same_plan_is_refused(cluster):
    other = Cluster(cluster.layout.root.parent / "other", TEST_CLUSTER)
    with pytest.raises(ClusterError, match="already there"):
        other.up(progress=lambda line: None)
    assert not other.layout.root.exists()
    # and the running one was not touched
    assert set(cluster.status().values()) == {"running"}
    assert set(TEST_CLUSTER.namespaces) <= netns.existing_namespaces()


# --- purges ------------------------------------------------------------------------------


def test_a_change_is_purged_from_both_edges(cluster):
    chosen = article(cluster, offset=3)
    cached_on_every_edge(cluster, chosen["path"])
    marker = f"version{secrets.token_hex(3)}"
    retitle(cluster, chosen["id"], f"{chosen['title']} {marker}")
    client = reader(cluster)
    for url in edge_urls(cluster, chosen["path"]):
        took = until(lambda url=url: marker in client.request(url).body, PROPAGATION_SECONDS)
        assert took is not None, f"{url} still served the old title after {PROPAGATION_SECONDS} s"
        print(f"{url}: new title {took * 1000:.0f} ms after the publishing command returned")


# --- the replica -------------------------------------------------------------------------


def test_a_lagging_standby_never_puts_an_old_page_back_on_the_edges(cluster):
    """Replay paused: the standby keeps the old title, yet the edges, purged, fetch the
    page again and get the new one (read from the primary)."""
    chosen = article(cluster, offset=4)
    cached_on_every_edge(cluster, chosen["path"])
    marker = f"relu{secrets.token_hex(3)}"
    cluster.psql("standby", "SELECT pg_wal_replay_pause()")
    try:
        retitle(cluster, chosen["id"], f"{chosen['title']} {marker}")
        client = reader(cluster)
        for url in edge_urls(cluster, chosen["path"]):
            took = until(lambda url=url: marker in client.request(url).body, PROPAGATION_SECONDS)
            assert took is not None, f"{url} kept the page the standby still has"
        on_standby = cluster.psql(
            "standby", "SELECT title FROM wagtailcore_page WHERE id = :'id'", {"id": chosen["id"]}
        )
        assert marker not in on_standby, "replay was not paused: the test proves nothing"
        # ...and the page stays right once cached again.
        cached_on_every_edge(cluster, chosen["path"])
        for url in edge_urls(cluster, chosen["path"]):
            assert marker in client.request(url).body
    finally:
        cluster.psql("standby", "SELECT pg_wal_replay_resume()")
    cluster.wait_for_standby()


def test_a_reader_reads_her_own_comment_on_the_other_application_host(cluster):
    """Read-your-writes across hosts: posted through app1, read at once through app2,
    while the standby (replay paused) does not have the comment."""
    chosen = article(cluster, offset=5)
    email = f"lectrice{secrets.token_hex(3)}@lecteurs.invalid"
    password = secrets.token_urlsafe(16)
    cluster.kiosque(
        "app1",
        "shell",
        "-c",
        "from allauth.account.models import EmailAddress; "
        "from django.contrib.auth import get_user_model; "
        f"u = get_user_model().objects.create_user(username={email!r}, email={email!r}, "
        f"password={password!r}); "
        f"EmailAddress.objects.create(user=u, email={email!r}, verified=True, primary=True)",
    )
    app1, app2 = (host.url("") for host in cluster.topology.by_role("app"))
    client = reader(cluster)
    form = client.request(f"{app1}/compte/connexion/")
    logged_in = client.request(
        f"{app1}/compte/connexion/",
        {"csrfmiddlewaretoken": csrf_token(form.body), "login": email, "password": password},
    )
    assert logged_in.status == 302, logged_in.body[:500]
    words = f"Lu et approuvé {secrets.token_hex(4)}"
    cluster.psql("standby", "SELECT pg_wal_replay_pause()")
    try:
        compose = client.request(f"{app1}/commentaires/{chosen['id']}/moi/")
        assert compose.status == 200, compose.status
        posted = client.request(
            f"{app1}/commentaires/{chosen['id']}/publier/",
            {"csrfmiddlewaretoken": csrf_token(compose.body), "body": words},
        )
        assert posted.status in (302, 303), posted.body[:500]
        mine = client.request(f"{app2}/commentaires/{chosen['id']}/")
        assert mine.status == 200
        assert words in mine.body, "the other host did not show the reader her comment"
        on_standby = cluster.psql(
            "standby",
            "SELECT count(*) FROM discussion_comment WHERE strpos(body, :'words') > 0",
            {"words": words},
        )
        assert on_standby == "0", "replay was not paused: the test proves nothing"
    finally:
        cluster.psql("standby", "SELECT pg_wal_replay_resume()")
    cluster.wait_for_standby()


def test_reader_pages_are_read_from_the_standby_while_the_primary_is_stopped(cluster):
    chosen = article(cluster, offset=6)
    client = reader(cluster)
    apps = cluster.topology.by_role("app")
    cluster.stop("primary")
    try:
        for app in apps:
            read_only = until_health_says(client, app, "read-only", 15)
            assert read_only is not None, f"{app.name}'s /healthz never said read-only"
        # Pages no edge has kept (a query string of their own): the application hosts
        # render them, from the standby.
        for number, url in enumerate(edge_urls(cluster, chosen["path"]) * 2):
            page = client.request(f"{url}?sans-primaire={number}")
            assert page.status == 200, (url, page.status)
            assert chosen["title"].split()[0] in page.body
    finally:
        cluster.start("primary")
    for app in apps:
        back = until_health_says(client, app, "ok", 20)
        assert back is not None, f"{app.name} did not see the primary come back"
    cluster.wait_for_standby()


# --- drills ------------------------------------------------------------------------------


class Readers:
    """Threads asking both edges for reader pages, every other request past the cache
    (a query string of its own), each outcome recorded; bounded in time and count."""

    def __init__(
        self, cluster: Cluster, paths: list[str], *, threads: int = 4, seconds: float = 60
    ):
        self.cluster = cluster
        self.paths = paths
        self.threads = threads
        self.deadline = time.monotonic() + seconds
        self.outcomes: list[tuple[float, str, int | None]] = []
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.count = 0

    def __enter__(self):
        self.workers = [
            threading.Thread(target=self.read, daemon=True) for _ in range(self.threads)
        ]
        for worker in self.workers:
            worker.start()
        return self

    def __exit__(self, *exc_info):
        self.stopping.set()
        for worker in self.workers:
            worker.join(15)

    def read(self):
        client = reader(self.cluster)
        edges = self.cluster.edges
        while not self.stopping.is_set() and time.monotonic() < self.deadline:
            with self.lock:
                number = self.count
                self.count += 1
            if number >= 20_000:
                return
            edge = edges[number % len(edges)]
            path = self.paths[(number // len(edges)) % len(self.paths)]
            if number % 2:
                path += f"?lecteur={number}"
            started = time.monotonic()
            try:
                status = client.request(edge.url(path)).status
            except (OSError, http.client.HTTPException):
                status = None
            with self.lock:
                self.outcomes.append((started, edge.name, status))

    def errors(self, since: float = 0.0) -> Counter:
        with self.lock:
            return Counter(
                status for started, _, status in self.outcomes
                if started >= since and (status is None or status >= 500)
            )  # fmt: skip

    def served(self, since: float = 0.0) -> int:
        with self.lock:
            return sum(1 for started, _, status in self.outcomes if started >= since and status)


def test_killing_an_application_host_costs_readers_nothing_after_the_probe_interval(cluster):
    paths = ["/", *(article(cluster, offset)["path"] for offset in (0, 1, 2))]
    with Readers(cluster, paths, seconds=60) as readers:
        time.sleep(1.5)
        killed_at = time.monotonic()
        cluster.kill("app1")
        try:
            sick = until(
                lambda: all(
                    cluster.edge_backends(edge.name)["app1"] == "sick" for edge in cluster.edges
                ),
                PROBE_WINDOW_SECONDS + 5,
                0.3,
            )
            assert sick is not None, "the edges did not mark the dead host sick"
            print(f"app1 marked sick by both edges {sick:.1f} s after it died")
            time.sleep(max(0.0, killed_at + PROBE_WINDOW_SECONDS + 4 - time.monotonic()))
        finally:
            readers.stopping.set()
    after_window = killed_at + PROBE_WINDOW_SECONDS
    print(
        f"{len(readers.outcomes)} reader requests; errors while the edges noticed: "
        f"{dict(readers.errors())}, after: {dict(readers.errors(after_window))}"
    )
    assert readers.served(after_window) > 20, "too few requests after the window to tell"
    assert not readers.errors(after_window), readers.errors(after_window)

    cluster.start("app1")
    back = until(
        lambda: all(
            cluster.edge_backends(edge.name)["app1"] == "healthy" for edge in cluster.edges
        ),
        15,
        0.3,
    )
    assert back is not None, "app1 came back but the edges did not send it requests again"


# Both workers run the publishing schedule and wake just after a page's time: the pages
# fall due together, and each must be published by one of them, once (decision 0046).
SCHEDULED_PAGES = 6
SCHEDULE_LEAD_SECONDS = 4
# The workers' schedule tick (15 s by default) when they did not plan to wake for it,
# and a busy machine.
SCHEDULE_WITHIN_SECONDS = 60.0
SCHEDULE_SCRIPT = """
from datetime import timedelta
from django.utils import timezone
from kiosque.newsroom.models import ArticlePage
due = timezone.now() + timedelta(seconds={lead})
for pk in {ids}:
    version = ArticlePage.objects.get(pk=pk).get_latest_revision_as_object()
    version.title = version.title + " (mis à jour)"
    version.go_live_at = due
    version.save_revision().publish()
"""


def test_scheduled_pages_are_published_once_by_the_workers_of_two_hosts(cluster):
    ids = [article(cluster, offset)["id"] for offset in range(20, 20 + SCHEDULED_PAGES)]
    cluster.kiosque(
        "app1", "shell", "-c", SCHEDULE_SCRIPT.format(lead=SCHEDULE_LEAD_SECONDS, ids=ids)
    )
    id_array = "{" + ",".join(str(pk) for pk in ids) + "}"

    def updated() -> int:
        return int(
            cluster.psql(
                "primary",
                "SELECT count(*) FROM wagtailcore_page WHERE id = ANY(:'ids'::bigint[]) "
                "AND title LIKE '%(mis à jour)' AND NOT has_unpublished_changes",
                {"ids": id_array},
            )
        )

    went_live = until(lambda: updated() == SCHEDULED_PAGES, SCHEDULE_WITHIN_SECONDS, 0.5)
    assert went_live is not None, f"{updated()} of {SCHEDULED_PAGES} scheduled pages went live"
    publications = cluster.psql(
        "primary",
        "SELECT json_object_agg(page_id, n) FROM (SELECT page_id, count(*) AS n "
        "FROM wagtailcore_pagelogentry WHERE action = 'wagtail.publish.scheduled' "
        "AND page_id = ANY(:'ids'::bigint[]) GROUP BY page_id) AS counted",
        {"ids": id_array},
    )
    assert json.loads(publications) == {str(pk): 1 for pk in ids}
    # Readers see it on both edges: the workers' publication purged them.
    page = article(cluster, 20)
    assert page["id"] == ids[0] and page["title"].endswith("(mis à jour)")
    client = reader(cluster)
    for url in edge_urls(cluster, page["path"]):
        shown = until(
            lambda url=url: "(mis à jour)" in client.request(url).body, PROPAGATION_SECONDS, 0.2
        )
        assert shown is not None, f"{url} still shows the old title"


def test_a_task_of_a_killed_worker_is_finished_once_by_the_other(cluster):
    # A large picture: its renditions keep a worker busy for seconds (made on arrival).
    image_id = int(
        cluster.kiosque(
            "app1",
            "shell",
            "-c",
            "import io; from PIL import Image; "
            "from django.core.files.images import ImageFile; "
            "from kiosque.newsroom.models import NewsImage; "
            "b = io.BytesIO(); "
            "Image.effect_noise((4500, 3000), 60).convert('RGB').save(b, 'JPEG', quality=90); "
            "i = NewsImage(title='Exercice', description='Bruit', caption='', photographer='', "
            "source='', agency=''); i.file = ImageFile(b, name='exercice.jpg'); i.save(); "
            "print(i.pk)",
        ).split()[-1]
    )
    # The image's arrival task (made on arrival, kiosque.newsroom.signals).
    task = (
        "FROM django_tasks_database_dbtaskresult "
        "WHERE task_path = 'kiosque.newsroom.tasks.pregenerate_image_renditions' "
        "AND args_kwargs -> 'kwargs' ->> 'image_id' = :'image'"
    )

    def state() -> tuple[str, list[str]]:
        row = cluster.psql(
            "primary", "SELECT status || ' ' || worker_ids::text " + task, {"image": image_id}
        )
        status, _, owners = row.partition(" ")
        return status, json.loads(owners or "[]")

    running = until(lambda: state()[0] == "RUNNING", 30, 0.1)
    assert running is not None, f"the renditions task never ran: {state()}"
    owner = state()[1][-1]
    pid = int(
        cluster.psql(
            "primary", "SELECT pid FROM core_workerheartbeat WHERE worker_id = :'id'", {"id": owner}
        )
    )
    # The heartbeat's process id is the worker's, a child of its host's supervisor.
    victim = next(
        host.name
        for host in cluster.topology.by_role("worker")
        if pid in netns.pids_in(host.namespace)
    )
    cluster.kill(victim)
    assert state()[0] == "RUNNING", "the task ended before its worker was killed"
    try:
        finished = until(
            lambda: state()[0] in ("SUCCESSFUL", "FAILED"), WORKER_TAKEOVER_SECONDS, 0.5
        )
        status, owners = state()
        assert finished is not None, f"the task was not finished by the other worker: {status}"
        print(f"taken over and finished {finished:.1f} s after {victim} died: {owners}")
        assert status == "SUCCESSFUL"
        assert len(owners) == 2 and owners[0] == owner and owners[1] != owner, owners
        assert cluster.psql("primary", "SELECT count(*) " + task, {"image": image_id}) == "1"
        duplicates = cluster.psql(
            "primary",
            "SELECT count(*) FROM (SELECT filter_spec, focal_point_key "
            "FROM newsroom_newsrendition WHERE image_id = :'image' "
            "GROUP BY 1, 2 HAVING count(*) > 1) AS twice",
            {"image": image_id},
        )
        assert duplicates == "0"
    finally:
        cluster.start(victim)


# --- the end -----------------------------------------------------------------------------


def test_down_removes_everything_and_may_run_twice(cluster):
    recorded = [cluster.record(host.name) for host in cluster.hosts]
    root = cluster.layout.root
    cluster.down()
    cluster.down()
    assert not any(record.alive() for record in recorded if record)
    assert not set(TEST_CLUSTER.namespaces) & netns.existing_namespaces()
    assert not netns.link_exists(TEST_CLUSTER.bridge)
    assert not root.exists()
