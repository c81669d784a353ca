"""The five drills, run one after the other while the load goes on (cluster/drill.py).

Each drill breaks one part of the cluster, watches, puts it back, and writes in its
`Window` the checks that say whether the site behaved (the readers' errors and the
writers' losses are counted afterwards, from the journal, by drill_report.py). Every
wait is bounded; a drill never leaves its host broken, except the fifth, which leaves
the old primary stopped and the standby promoted, as the runbook does.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cluster import netns
from cluster.config import read_env_file
from cluster.control import Cluster
from cluster.drill_checks import (
    ENQUEUE_POLL_SCRIPT,
    LagSampler,
    database_now,
    purge_retries,
    run_script,
    task_state,
    worker_pids,
)
from cluster.drill_report import Window
from cluster.drill_writers import Commenter, Editor, WireAgency, log_in
from cluster.load import Edge, Journal, Load, fetch
from cluster.topology import WORKER

# The VCL marks a dead application host sick after two failed probes a second apart;
# a few seconds more for a probe's timeout and the requests already under way.
PROBE_GRACE_SECONDS = 5.0
# kiosque.core.worker_liveness's default bound, when the hosts' environment sets none.
WORKER_LOST_SECONDS = 30.0
# One account may post one comment every 20 s (discussion settings).
COMMENT_INTERVAL_SECONDS = 21.0
WIRES_SETTLE_SECONDS = 2.5  # WIRES_FOLDER_SETTLE_SECONDS (2) and a margin


@dataclass
class Context:
    """What every drill needs: the cluster, the load and its writers, the options."""

    cluster: Cluster
    journal: Journal
    load: Load
    sampler: LagSampler
    edges: list[Edge]
    hold: float
    wire_batch: int
    setup_host: str = "app1"
    primary: str = "primary"
    editor: Editor | None = None
    agency: WireAgency | None = None
    prober: Commenter | None = None
    live_path: str = ""
    wire_folder: Path | None = None
    progress: Callable[[str], None] = print

    def note(self, what: str) -> float:
        self.progress(f"  [{self.journal.now():6.1f} s] {what}")
        return self.journal.note(what)

    def wait(self, seconds: float) -> None:
        time.sleep(max(0.0, seconds))

    def until(self, check: Callable[[], object], seconds: float, every: float = 0.5):
        """Poll `check` until it returns something true, at most `seconds`; its last value."""
        deadline = time.monotonic() + seconds
        while True:
            value = check()
            if value or time.monotonic() >= deadline:
                return value
            time.sleep(every)

    def reader_errors(self, start: float, end: float, edge: str | None = None) -> list:
        return [
            s
            for s in self.journal.samples(start, end, kinds=("page", "poll"))
            if s.failed and (edge is None or s.edge == edge)
        ]


def _error_summary(samples, examples: int = 3) -> str:
    """ "2×503 (at 12.3 s edge1 /monde/, ...)": counts, and the first few requests."""
    counts: dict[str, int] = {}
    for s in samples:
        counts[s.outcome] = counts.get(s.outcome, 0) + 1
    text = ", ".join(f"{n}×{k}" for k, n in sorted(counts.items())) or "none"
    first = sorted(samples, key=lambda s: s.started)[:examples]
    if first and examples:
        shown = "; ".join(f"{s.started:.1f} s {s.edge} {s.path}" for s in first)
        text += f" (first: {shown})"
    return text


# --- 1. an application host dies ----------------------------------------------------------


def kill_application_host(ctx: Context, window: Window, host: str = "app1") -> None:
    killed = ctx.note(f"{host} killed (SIGKILL to every process of its namespace)")
    ctx.cluster.kill(host)
    ctx.wait(ctx.hold)
    back = ctx.note(f"{host} started again")
    ctx.cluster.start(host)
    ctx.note(f"{host} ready")
    ctx.wait(5)
    early = ctx.reader_errors(killed, killed + PROBE_GRACE_SECONDS)
    late = ctx.reader_errors(killed + PROBE_GRACE_SECONDS, ctx.journal.now())
    window.check(
        f"no reader error {PROBE_GRACE_SECONDS:.0f} s after the kill (probe interval)",
        not late,
        _error_summary(late),
    )
    window.check("reader errors within the probe interval", None, _error_summary(early))
    window.check(f"{host} down for", None, f"{back - killed:.0f} s")


# --- 2. an edge dies --------------------------------------------------------------------------


def kill_edge(ctx: Context, window: Window, host: str = "edge2") -> None:
    cluster = ctx.cluster
    dead = cluster.host(host)
    survivor = next(e for e in cluster.edges if e.name != host)
    since = database_now(cluster, ctx.primary)
    killed = ctx.note(f"{host} killed")
    cluster.kill(host)
    ctx.wait(ctx.hold)
    last_entry = ctx.editor.posted[-1].marker if ctx.editor and ctx.editor.posted else ""
    ctx.note(f"{host} started again (an empty cache: varnishd's storage is in memory)")
    cluster.start(host)
    back_at = database_now(cluster, ctx.primary)
    back = ctx.note(f"{host} ready")
    survivor_errors = ctx.reader_errors(killed, ctx.journal.now(), survivor.address)
    window.check(
        f"the other edge ({survivor.name}) kept serving: no reader error there",
        not survivor_errors,
        _error_summary(survivor_errors),
    )
    window.check(
        "reader requests sent to the dead edge (nothing listened there)",
        None,
        _error_summary(ctx.reader_errors(killed, back, dead.address), examples=0),
    )
    if ctx.editor is None:
        window.check("purges to the dead edge retried", None, "no live: no editor, no purge")
    else:
        retries = purge_retries(cluster, ctx.primary, dead.address, since, back_at)
        window.check(
            "purges to the dead edge queued for retry while it was down",
            retries["queued"] > 0,
            f"{retries['queued']} retry task(s) for {dead.address}",
        )
        started = time.monotonic()

        def delivered() -> dict | None:
            now = purge_retries(cluster, ctx.primary, dead.address, since, back_at)
            return now if now["waiting"] == 0 and now["ran_after_return"] > 0 else None

        done = ctx.until(delivered, 75, every=2)
        window.check(
            "the retried purges reached the edge once it was back (none left waiting)",
            bool(done),
            f"{time.monotonic() - started:.0f} s after its return"
            if done
            else f"after 75 s: {purge_retries(cluster, ctx.primary, dead.address, since, back_at)}",
        )
    if last_entry and ctx.live_path:
        page = fetch(Edge(dead.address), "GET", ctx.live_path)
        shown = last_entry in page.text
        window.check(
            f"{host} back serves the live with the last entry posted before its return",
            page.status == 200 and shown,
            f"status {page.status}, entry {last_entry} {'found' if shown else 'missing'}",
        )


def cut_edge_off(ctx: Context, window: Window, host: str = "edge2") -> None:
    """Opt-in (--only ...,edge-cut): the edge loses its network but keeps running, and so
    keeps its cache. Purges cannot reach it; when its link comes back, how long does it
    serve the live without the entry posted meanwhile (until a retried purge arrives)?"""
    cluster = ctx.cluster
    edge = cluster.host(host)
    if ctx.editor is None or not ctx.live_path:
        window.skipped = "no live to post on"
        return
    for _ in range(2):  # the live page in this edge's cache
        fetch(Edge(edge.address), "GET", ctx.live_path)
    posted_before = len(ctx.editor.posted)
    ctx.note(f"{host} cut off: its link on the bridge down (varnishd keeps running)")
    netns.ip("link", "set", edge.link, "down")
    try:
        ctx.until(lambda: len(ctx.editor.posted) > posted_before, 30, every=0.5)
        ctx.wait(ctx.hold / 2)
        last_entry = ctx.editor.posted[-1].marker if ctx.editor.posted else ""
    finally:
        netns.ip("link", "set", edge.link, "up")
    back = ctx.note(f"{host} reachable again (last entry posted meanwhile: {last_entry})")

    def shows_last_entry() -> bool:
        page = fetch(Edge(edge.address), "GET", ctx.live_path)
        return page.status == 200 and last_entry in page.text

    fresh_at_once = shows_last_entry()
    fresh = fresh_at_once or ctx.until(shows_last_entry, 75, every=0.5)
    stale = ctx.journal.now() - back
    window.check(
        f"{host}, back, serves no live page older than the last purge",
        fresh_at_once,
        "fresh at once"
        if fresh_at_once
        else (f"stale for {stale:.1f} s" if fresh else f"still stale after {stale:.0f} s"),
    )


# --- 3. Redis stops ----------------------------------------------------------------------------


def stop_redis(ctx: Context, window: Window, seconds: float = 30.0) -> None:
    stopped = ctx.note("redis stopped (SIGTERM)")
    ctx.cluster.stop("redis")
    ctx.wait(min(5.0, seconds))
    if ctx.prober is not None:
        result = log_in(ctx.prober, ctx.prober.edge, ctx.prober.account)
        if result.cookies is not None:
            ctx.prober.cookies = result.cookies
        clear = result.outcome == "ok" or result.page == "site page"
        window.check(
            "a log-in while Redis is away: succeeds, or a clear page in the site's design",
            clear,
            result.outcome + (f" ({result.page})" if result.page else ""),
        )
    ctx.wait(seconds - (ctx.journal.now() - stopped))
    ctx.note("redis started again (empty: it keeps nothing on disk)")
    ctx.cluster.start("redis")
    ctx.wait(10)
    errors = ctx.reader_errors(stopped, ctx.journal.now())
    window.check("pages kept being served", not errors, _error_summary(errors))


# --- 4. a worker dies in the middle of a task ----------------------------------------------


def _batch_done(folder: Path, names: set[str]) -> int:
    done = folder / "done"
    return sum(1 for name in names if (done / name).exists())


def kill_worker_in_task(ctx: Context, window: Window) -> None:
    cluster = ctx.cluster
    if ctx.agency is None or ctx.wire_folder is None:
        window.skipped = "no wire folder"
        return
    batch = ctx.agency.drop(ctx.wire_batch)
    names = {f"{p.marker}.json" for p in batch}
    ctx.note(f"{len(batch)} dispatches dropped in the wire folder")
    ctx.wait(WIRES_SETTLE_SECONDS)
    task_id = run_script(cluster, ctx.setup_host, ENQUEUE_POLL_SCRIPT, {})["task"]
    ctx.note(f"wire poll task {task_id} queued")

    def running() -> tuple[str, list[str]] | None:
        status, workers = task_state(cluster, ctx.primary, task_id)
        if status in ("SUCCESSFUL", "FAILED"):
            return status, workers
        if status == "RUNNING" and workers and _batch_done(ctx.wire_folder, names) >= 1:
            return status, workers
        return None

    state = ctx.until(running, 60, every=0.2)
    if not state or state[0] != "RUNNING":
        window.check(
            "the poll task was caught running, to kill its worker",
            False,
            f"state {state or task_state(cluster, ctx.primary, task_id)}: a larger --wire-batch "
            "makes the task longer",
        )
        return
    owner = state[1][-1]
    pid = worker_pids(cluster, ctx.primary).get(owner)
    # The worker runs under the host's supervisor (cluster/supervise.py): found by the
    # namespace its process is in, not by the recorded process id.
    workers = [h for h in cluster.hosts if h.role == WORKER]
    host = next((h.name for h in workers if pid in netns.pids_in(h.namespace)), None)
    if host is None:
        window.check("the worker running the task was found", False, f"{owner} pid {pid}")
        return
    done_before = _batch_done(ctx.wire_folder, names)
    killed = ctx.note(
        f"{host} killed while it ran the poll ({done_before}/{len(names)} files done)"
    )
    cluster.kill(host)

    def finished() -> tuple[str, list[str]] | None:
        status, claimed = task_state(cluster, ctx.primary, task_id)
        return (status, claimed) if status in ("SUCCESSFUL", "FAILED") else None

    env = read_env_file(cluster.layout.env_file)
    lost_after = float(env.get("KIOSQUE_WORKER_LOST_SECONDS") or WORKER_LOST_SECONDS)
    final = ctx.until(finished, lost_after + 90, every=1)
    took = ctx.journal.now() - killed
    ctx.note(f"poll task: {final or 'unfinished'} ({took:.0f} s after the kill)")
    ctx.note(f"{host} started again")
    cluster.start(host)
    if not final:
        status = task_state(cluster, ctx.primary, task_id)
        window.check("the task was finished by another worker", False, f"still {status}")
        return
    status, claimed = final
    other = claimed[-1] if claimed else ""
    window.check(
        "the task was finished by another worker, once",
        status == "SUCCESSFUL" and other != owner and claimed.count(other) == 1,
        f"{status}; claimed by {', '.join(claimed)} ({took:.0f} s after the kill)",
    )
    left = [name for name in names if (ctx.wire_folder / name).exists()]
    failed = [name for name in names if (ctx.wire_folder / "failed" / name).exists()]
    window.check(
        "every file of the batch ingested (none left, none failed)",
        not left and not failed,
        f"{_batch_done(ctx.wire_folder, names)} done, {len(left)} left, {len(failed)} failed",
    )


# --- 5. the primary stops; the standby is promoted -------------------------------------------


def stop_primary(ctx: Context, window: Window) -> None:
    cluster = ctx.cluster
    if ctx.prober is not None:
        # A session of the moment (Redis may have been restarted empty since the last).
        login = ctx.prober.log_in_once()
        ctx.note(f"the prober logged in: {login.outcome}")
    stopped = ctx.note("primary stopped (fast shutdown)")
    cluster.stop("primary")
    ctx.sampler.primary = ""  # no primary: no lag to read
    ctx.wait(5)
    app = cluster.host("app2")
    health = fetch(
        Edge(app.address, app.port or 80),
        "GET",
        "/healthz",
        headers={"Host": cluster.site_host},
    )
    window.check(
        "an application host's /healthz says the database is read-only",
        None,
        f"{health.status} {health.text.strip()[:80]}",
    )
    if ctx.prober is not None and ctx.prober.cookies is not None:
        outcome = ctx.prober.post_once()
        window.check(
            "a comment posted now: a 503 page in the site's design that keeps the text",
            outcome == "unavailable (site page, text kept)",
            outcome,
        )
    ctx.wait(ctx.hold - (ctx.journal.now() - stopped))
    outage_end = ctx.journal.now()
    writes = [
        s
        for s in ctx.journal.samples(stopped, outage_end, kinds=("comment", "entry", "login"))
        if s.status is not None and s.status >= 500
    ]
    traces = [s for s in writes if any(k in s.error for k in ("stack trace", "other page"))]
    window.check(
        "writes refused during the outage: never a stack trace or an unknown page",
        not traces,
        _error_summary(writes) + (f"; {[(s.path, s.error) for s in traces][:3]}" if traces else ""),
    )
    errors = ctx.reader_errors(stopped, outage_end)
    window.check(
        "reader pages kept being served (replica, edges)", not errors, _error_summary(errors)
    )

    ctx.note("standby promoted (pg_promote)")
    cluster.promote("standby")
    ctx.primary = "standby"
    ctx.note("application hosts and workers pointed at it (runbook), one at a time")
    cluster.point_applications_at("standby", replicas=())
    repointed = ctx.note("application hosts and workers restarted on the new primary")
    ctx.sampler.primary = "standby"

    def write_confirmed() -> str:
        confirmed = [
            s
            for s in ctx.journal.samples(repointed, kinds=("comment", "entry"))
            if s.error in ("posted", "published", "pending")
        ]
        if confirmed:
            return f"{confirmed[0].kind} {confirmed[0].error}"
        return ""

    resumed = ctx.until(write_confirmed, 60, every=1)
    window.check(
        "writes resume on the promoted standby",
        bool(resumed),
        f"{resumed} {ctx.journal.now() - repointed:.0f} s after the restart"
        if resumed
        else "no write confirmed within 60 s",
    )
    errors = ctx.reader_errors(outage_end, ctx.journal.now())
    window.check(
        "reader pages during the promotion and restarts", not errors, _error_summary(errors)
    )


DRILLS = {
    "app": ("1. application host killed", kill_application_host),
    "edge": ("2. edge killed", kill_edge),
    "edge-cut": ("2b. edge cut off, cache kept", cut_edge_off),
    "redis": ("3. Redis stopped 30 s", stop_redis),
    "worker": ("4. worker killed in a task", kill_worker_in_task),
    "primary": ("5. primary stopped, promoted", stop_primary),
}
# The most each drill may take (its holds and bounded waits), checked before it starts.
# The most each drill takes when the cluster answers within its usual times (the hard
# bound is the run's deadline): a drill that cannot finish before it is not started.
DRILL_MAX_SECONDS = {
    "app": 120, "edge": 150, "edge-cut": 130, "redis": 70, "worker": 200, "primary": 240,
}  # fmt: skip
# What `make cluster-drill` runs: the five; edge-cut on demand.
DEFAULT_ORDER = ("app", "edge", "redis", "worker", "primary")
