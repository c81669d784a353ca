"""A live's updates through the edge, measured (issue 17): 2,000 readers polling.

    .venv/bin/python bench/live_polling.py          # what `make bench-live` runs
    .venv/bin/python bench/live_polling.py --readers 500 --seconds 40   # shorter

On this machine, all on 127.0.0.1: `kiosque serve` (gunicorn, production settings,
EDGE_URL pointing at the edge so that changes purge it) on a PostgreSQL database of its
own (BENCH_LIVE_URL, created and migrated on first use; each run adds one live), and
Varnish started as `make edge` starts it (`kiosque edge`: deploy/varnish/kiosque.vcl) in
a temporary folder. A new running live gets 20 entries, then:

  edge       --readers simulated readers (bench/live_readers.py) poll the live's polling
             answer through Varnish every --interval seconds from a random phase, for
             --seconds, while a writer process posts an entry every --entry-every
             seconds through kiosque.live.services.post_entry (the composer's own call:
             it commits, then purges the live's surrogate key) and records each commit's
             time as soon as post_entry returns;
  pairs      the same, but each entry is followed --pair-gap seconds later (50 ms) by a
             second one: two journalists posting at once, or the write API. The second
             purge can reach the edge while it is still fetching the answer the first
             purge made it ask for (an answer read before the second commit);
  baseline   the same with --baseline-readers readers straight to the application, no
             edge: every poll is an application request, and the latencies are those of
             polling itself (a reader sees an entry at its next poll). 50 by default: at
             200, the application on a shared 2-core machine timed out on half of them.

For each entry committed early enough for every reader to poll after it, and each
reader: the time from the commit to the first answer listing the entry (p50/p95/p99/max);
answers that still lacked it although asked for more than a second after the commit
(the edge serving a stale copy); requests that reached the application (gunicorn's
access log, Varnish's backend fetches, the readers' MISS answers), per entry posted;
errors (an answer other than 200/304, a timeout, a broken connection). The issue's
targets are printed next to the figures, never asserted. Results go to
bench/results/live-polling-<time>.json; one run's figures are in docs/live.md (Measured).

Needs PostgreSQL on 127.0.0.1:5432 (BENCH_LIVE_URL), varnishd with varnish-modules (`make
edge-packages`) and, optionally, Redis (BENCH_LIVE_REDIS_URL, emptied first). Every
process it starts is stopped, and its temporary folder removed, when it ends (Ctrl-C
and SIGTERM included).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import http_bench  # noqa: E402  (processes, the production environment)
import live_readers  # noqa: E402

REPO = http_bench.REPO
KIOSQUE = str(REPO / ".venv" / "bin" / "kiosque")
PG = http_bench.PG
# A reader's answer asked for this long after a commit must list the entry: the purge is
# sent once the transaction commits and reaches the edge in milliseconds.
PURGE_ALLOWANCE = 1.0
# The targets.
TARGET_P99_OVER_INTERVAL = 1.0
TARGET_ORIGIN_PER_ENTRY = 3
PREVIOUS_ENTRIES = 20


# --- in child processes: Django with the production settings ---------------------------


def child_setup(entries: int) -> None:
    """A new running live under a section of its own, with `entries` entries."""
    import django

    django.setup()
    from django.urls import reverse
    from django.utils import timezone

    from kiosque.core.sites import sync_default_site_with_base_url
    from kiosque.demo.builder import child_by_slug, ensure_home, publish
    from kiosque.live.models import LivePage
    from kiosque.live.services import EntryDraft, post_entry
    from kiosque.newsroom.models import SectionPage

    home = ensure_home()
    sync_default_site_with_base_url()
    section = child_by_slug(home, SectionPage, "banc-direct", title="Banc d'essai du direct")
    stamp = timezone.now()
    live = LivePage(
        title="DIRECT. Crue de la Loire : les communes riveraines évacuées",
        slug=f"direct-banc-{stamp:%Y%m%d-%H%M%S}",
        standfirst="Le point heure par heure sur la montée des eaux.",
        body=[],
        coverage_start=stamp - timedelta(hours=1),
    )
    section.add_child(instance=live)
    publish(live)
    for number in range(1, entries + 1):
        post_entry(live, None, _draft(EntryDraft, number))
    print(json.dumps({"live": live.pk, "path": reverse("live:updates", args=[live.pk])}))


def _draft(draft_class, number: int):
    text = (
        f"Point de situation n° {number}. La cote relevée au pont de Saumur a encore "
        "monté de quelques centimètres depuis le dernier relevé ; les services de la "
        "préfecture maintiennent la vigilance et demandent aux habitants des quartiers "
        "bas de se tenir prêts à partir."
    )
    return draft_class(
        title=f"Relevé n° {number}" if number % 3 == 0 else "",
        body=[{"type": "paragraph", "value": f"<p>{text}</p>"}],
        is_key=number % 5 == 0,
    )


def child_writer(live_id: int, first_at: float, every: float, count: int, gap: float) -> None:
    """Post `count` entries, one every `every` seconds from wall time `first_at`; with a
    `gap`, each is followed `gap` seconds later by a second one (two journalists at once).

    One JSON line per entry, written as soon as post_entry has returned (committed).
    """
    import django

    django.setup()
    from kiosque.live.models import LivePage
    from kiosque.live.services import EntryDraft, post_entry

    live = LivePage.objects.get(pk=live_id)
    for index in range(count):
        time.sleep(max(0.0, first_at + index * every - time.time()))
        for second in (False, True) if gap else (False,):
            if second:
                time.sleep(gap)
            entry = post_entry(live, None, _draft(EntryDraft, 1000 + index))
            committed = time.time()
            print(json.dumps({"id": entry.pk, "committed": committed}), flush=True)


# --- the parent: database, servers, readers ---------------------------------------------


def ensure_database(url: str, var_dir: Path) -> None:
    name = url.rsplit("/", 1)[1]
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise SystemExit(f"--database-url: a plain database name, please (not {name!r})")
    server = url.rsplit("/", 1)[0] + "/postgres"
    query = f"SELECT 1 FROM pg_database WHERE datname = '{name}'"  # noqa: S608 (checked above)
    exists = subprocess.run(
        ["psql", server, "-Atc", query], capture_output=True, text=True, check=True
    ).stdout.strip()
    if not exists:
        subprocess.run(["psql", server, "-qc", f'CREATE DATABASE "{name}"'], check=True)
    env = {**os.environ, "DATABASE_URL": url, "KIOSQUE_VAR_DIR": str(var_dir), **http_bench.DEV}
    for command in (["migrate", "--no-input", "-v0"], ["createcachetable"]):
        subprocess.run([KIOSQUE, *command], env=env, check=True)


def start_edge(workdir: Path, backend_port: int, port: int, log: Path) -> subprocess.Popen:
    """Varnish as `make edge` starts it (`kiosque edge`), its files in `workdir`."""
    env = {**os.environ, **http_bench.DEV, "KIOSQUE_VAR_DIR": str(workdir)}
    command = [KIOSQUE, "edge", "--skip-checks", "--port", str(port),
               "--backend-port", str(backend_port), "--memory", "64m"]  # fmt: skip
    process = subprocess.Popen(
        command, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, process_group=0
    )
    http_bench.wait_for(f"http://127.0.0.1:{port}/healthz", process, log, timeout=60)
    return process


def varnish_counters(workdir: Path) -> dict:
    """Varnish's own counters (varnishstat), for the backend fetches and coalesced misses."""
    out = subprocess.run(
        ["varnishstat", "-n", str(workdir / "edge" / "varnish"), "-1", "-j"],
        capture_output=True, text=True,
    )  # fmt: skip
    if out.returncode:
        return {}
    data = json.loads(out.stdout)
    counters = data.get("counters", data)
    wanted = ("MAIN.backend_req", "MAIN.cache_hit", "MAIN.cache_miss", "MAIN.cache_hit_grace",
              "MAIN.busy_sleep", "MAIN.busy_wakeup", "MAIN.client_req", "MAIN.s_fetch")  # fmt: skip
    return {name: counters[name]["value"] for name in wanted if name in counters}


def application_requests(log: Path, start: int, end: int, path: str) -> dict:
    """Requests of `path` in gunicorn's access log between two byte offsets, by status."""
    with log.open("rb") as handle:
        handle.seek(start)
        text = handle.read(end - start).decode("utf-8", "replace")
    by_status: dict[str, int] = {}
    for line in text.splitlines():
        if f"GET {path} " in line:
            status = line.split('" ', 1)[1].split(" ", 1)[0] if '" ' in line else "?"
            by_status[status] = by_status.get(status, 0) + 1
    return by_status


async def _writer(env: dict, live_id: int, first_at: float, every: float, count: int,
                  gap: float, out: list):  # fmt: skip
    process = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--child", "writer", "--live", str(live_id),
        "--first-at", repr(first_at), "--entry-every", str(every), "--count", str(count),
        "--gap", repr(gap),
        env=env, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        async for line in process.stdout:
            out.append(json.loads(line))
        if await process.wait():
            raise SystemExit(f"the writer process failed ({process.returncode})")
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


def run_phase(args, env, live_id: int, path: str, port: int, readers: int, seconds, gap: float):
    """Readers polling 127.0.0.1:port for `seconds` while the writer posts entries."""
    # Entries from one interval in (every reader has its first answer) until an interval
    # before the end (every reader polls at least once after each).
    first_after = args.interval
    last_before = seconds - args.interval - 2
    count = max(1, int((last_before - first_after) // args.entry_every) + 1)
    commits: list[dict] = []

    async def phase():
        first_at = time.time() + first_after
        writing = _writer(env, live_id, first_at, args.entry_every, count, gap, commits)
        return await live_readers.run_readers(
            host="127.0.0.1", port=port, path=path, readers=readers,
            interval=args.interval, seconds=seconds, connections=args.connections,
            while_reading=writing,
        )  # fmt: skip

    started = time.time()
    crowd, reopened = asyncio.run(phase())
    return crowd, reopened, commits, started, time.time()


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def analyse(crowd, commits: list[dict], stop: float, interval: float) -> dict:
    polls = [poll for reader in crowd for poll in reader.polls]
    errors = [p for p in polls if p.status not in (200, 304)]
    measured = [c for c in commits if c["committed"] <= stop - interval - 1]
    latencies, unseen, stale, first_seen = [], 0, 0, []
    for commit in measured:
        entry, committed = commit["id"], commit["committed"]
        earliest = None
        for reader in crowd:
            seen = None
            for poll in reader.polls:
                if poll.ids is None:
                    continue
                if entry in poll.ids:
                    seen = poll.received
                    break
                if poll.sent > committed + PURGE_ALLOWANCE:
                    stale += 1
            if seen is None:
                unseen += 1
            else:
                latencies.append(seen - committed)
                earliest = seen if earliest is None else min(earliest, seen)
        if earliest is not None:
            first_seen.append(earliest - committed)
    waits = [p.sent - p.due for p in polls]
    answered = [p.received - p.sent for p in polls if p.status in (200, 304)]
    ms = lambda value: None if value is None else round(value * 1000, 1)  # noqa: E731
    return {
        "readers": len(crowd),
        "entries_posted": len(commits),
        "entries_measured": len(measured),
        "reader_entry_pairs": len(measured) * len(crowd),
        "latency_ms": {
            "p50": ms(percentile(latencies, 0.50)),
            "p95": ms(percentile(latencies, 0.95)),
            "p99": ms(percentile(latencies, 0.99)),
            "max": ms(max(latencies, default=None)),
        },
        "never_seen": unseen,
        "stale_answers": stale,
        "first_answer_with_entry_ms": {
            "p50": ms(percentile(first_seen, 0.5)),
            "max": ms(max(first_seen, default=None)),
        },
        "requests": len(polls),
        "answers": {str(s): sum(1 for p in polls if p.status == s) for s in (200, 304)},
        "x_cache": {c: sum(1 for p in polls if p.cache == c) for c in ("HIT", "MISS")},
        "errors": len(errors),
        "errors_by_status": {
            str(s): sum(1 for p in errors if p.status == s) for s in {p.status for p in errors}
        },
        "request_ms": {"p50": ms(percentile(answered, 0.5)), "p99": ms(percentile(answered, 0.99))},
        "pool_wait_ms": {"p50": ms(percentile(waits, 0.5)), "p99": ms(percentile(waits, 0.99))},
    }


def misses_per_entry(crowd, commits: list[dict]) -> list[int]:
    """Readers' MISS answers between one commit and the next: the edge's fetches per entry."""
    times = sorted(c["committed"] for c in commits)
    misses = sorted(p.received for r in crowd for p in r.polls if p.cache == "MISS")
    bounds = [*times, float("inf")]
    return [sum(1 for m in misses if a <= m < b) for a, b in itertools.pairwise(bounds)]


def measure(args, workdir: Path) -> dict:
    var_dir = workdir / "var"
    var_dir.mkdir()
    ensure_database(args.database_url, var_dir)
    http_bench.prepare_var_dir(var_dir)
    app_port, edge_port = http_bench.free_port(), http_bench.free_port()
    env = http_bench.app_environment(
        args.database_url, app_port, var_dir, 60, args.redis_url, fragments=True
    ) | {"EDGE_URL": f"http://127.0.0.1:{edge_port}", "PYTHONPATH": str(REPO)}
    made = subprocess.run(
        [sys.executable, __file__, "--child", "setup", "--entries", str(PREVIOUS_ENTRIES)],
        env=env, capture_output=True, text=True,
    )  # fmt: skip
    if made.returncode:
        raise SystemExit(f"creating the live failed:\n{made.stderr[-3000:]}")
    live = json.loads(made.stdout.strip().splitlines()[-1])
    path = live["path"]
    app_log = workdir / "serve.log"
    processes = []
    try:
        processes.append(http_bench.start_app(env, args.workers, args.threads, app_log))
        processes.append(start_edge(workdir, app_port, edge_port, workdir / "edge.log"))
        for base in (f"http://127.0.0.1:{edge_port}", f"http://127.0.0.1:{app_port}"):
            http_bench.wait_for(base + path, processes[0], app_log, timeout=60)
        http_bench.fetch(f"http://127.0.0.1:{edge_port}{path}")  # the edge holds it now

        report = {}
        for name, port, readers, seconds, gap in (
            ("edge", edge_port, args.readers, args.seconds, 0.0),
            ("pairs", edge_port, args.readers, args.pairs_seconds, args.pair_gap),
            ("baseline", app_port, args.baseline_readers, args.baseline_seconds, 0.0),
        ):
            if readers <= 0 or seconds <= 0:
                continue
            print(f"{name}: {readers} readers for {seconds:.0f} s on 127.0.0.1:{port}", flush=True)
            counters_before = varnish_counters(workdir)
            log_start = app_log.stat().st_size
            crowd, reopened, commits, started, stopped = run_phase(
                args, env, live["live"], path, port, readers, seconds, gap
            )
            time.sleep(0.5)  # gunicorn writes its last access lines
            counters_after = varnish_counters(workdir)
            result = analyse(crowd, commits, stopped, args.interval)
            origin = application_requests(app_log, log_start, app_log.stat().st_size, path)
            result["application_requests"] = sum(origin.values())
            result["application_requests_by_status"] = origin
            result["application_requests_per_entry"] = round(
                result["application_requests"] / max(1, len(commits)), 2
            )
            if port == edge_port:
                result["varnish"] = {
                    k: counters_after[k] - counters_before.get(k, 0) for k in counters_after
                }
                result["edge_misses_after_each_entry"] = misses_per_entry(crowd, commits)
            result["seconds"] = round(stopped - started, 1)
            result["idle_connections_reopened"] = reopened
            report[name] = result
    finally:
        for process in reversed(processes):
            http_bench.stop(process)
    return {"live": live, **report}


def verdicts(report: dict, interval: float) -> dict:
    edge = report.get("edge")
    if edge is None:
        return {}
    p99 = edge["latency_ms"]["p99"]
    out = {
        "p99_under_interval_plus_1s": p99 is not None
        and p99 < (interval + TARGET_P99_OVER_INTERVAL) * 1000,
        "application_requests_per_entry_at_most_a_few": edge["application_requests_per_entry"]
        <= TARGET_ORIGIN_PER_ENTRY,
        "no_errors": edge["errors"] == 0,
        "every_reader_saw_every_entry": edge["never_seen"] == 0,
    }
    pairs = report.get("pairs")
    if pairs and pairs["latency_ms"]["p99"] is not None:
        out["pairs_p99_under_interval_plus_1s"] = (
            pairs["latency_ms"]["p99"] < (interval + TARGET_P99_OVER_INTERVAL) * 1000
        )
    baseline = report.get("baseline")
    if baseline and baseline["readers"]:
        direct_per_reader = baseline["application_requests_per_entry"] / baseline["readers"]
        out["baseline_application_requests_per_entry_at_edge_readers"] = round(
            direct_per_reader * edge["readers"], 1
        )
        out["edge_over_baseline_application_requests"] = round(
            edge["application_requests_per_entry"] / (direct_per_reader * edge["readers"]), 5
        )
        if baseline["latency_ms"]["p99"] is not None and p99 is not None:
            out["edge_added_p99_ms"] = round(p99 - baseline["latency_ms"]["p99"], 1)
    return out


def print_report(report: dict) -> None:
    machine = report["machine"]
    print(
        f"\n{machine['cpus']} × {machine['cpu_model']}, load average"
        f" {machine['load_average_at_start'][0]:.1f} at start, "
        f"{machine['load_average_at_end'][0]:.1f} at end; {report['command']}"
    )
    for name in ("edge", "pairs", "baseline"):
        if name not in report:
            continue
        r = report[name]
        lat, first = r["latency_ms"], r["first_answer_with_entry_ms"]
        lines = [
            f"{name}: {r['readers']} readers, {r['seconds']} s, {r['entries_posted']} entries"
            f" posted, {r['entries_measured']} measured ({r['reader_entry_pairs']} reader×entry)",
            f"  commit → first answer listing the entry: p50 {lat['p50']} ms, p95 {lat['p95']}"
            f" ms, p99 {lat['p99']} ms, max {lat['max']} ms; never seen {r['never_seen']}",
            f"  first answer anywhere with the entry: p50 {first['p50']} ms, max {first['max']}"
            f" ms; stale answers (asked > {PURGE_ALLOWANCE:.0f} s after the commit, entry"
            f" missing): {r['stale_answers']}",
            f"  requests {r['requests']} ({r['answers']['200']} × 200, {r['answers']['304']}"
            f" × 304; X-Cache {r['x_cache']}), errors {r['errors']} {r['errors_by_status']}",
            f"  request time p50 {r['request_ms']['p50']} ms, p99 {r['request_ms']['p99']} ms;"
            f" wait for a pooled connection p99 {r['pool_wait_ms']['p99']} ms; idle"
            f" connections the server had closed, reopened: {r['idle_connections_reopened']}",
            f"  requests that reached the application: {r['application_requests']}"
            f" {r['application_requests_by_status']} = {r['application_requests_per_entry']}"
            " per entry posted",
        ]
        if "varnish" in r:
            lines.append(f"  varnish: {r['varnish']}")
            lines.append(
                f"  readers' MISS answers after each entry: {r['edge_misses_after_each_entry']}"
            )
        print("\n" + "\n".join(lines))
    print("\nverdicts:", json.dumps(report["verdicts"], indent=1))


STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)  # a CI timeout, a closed terminal


def _stop_on_signal(number, frame):
    """End the run through the finally blocks; a second signal must not cut them short."""
    for other in STOP_SIGNALS:
        signal.signal(other, signal.SIG_IGN)
    sys.exit(128 + number)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", choices=("setup", "writer"), help=argparse.SUPPRESS)
    parser.add_argument("--live", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--first-at", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--gap", type=float, default=0.0, help=argparse.SUPPRESS)
    parser.add_argument("--entries", type=int, default=PREVIOUS_ENTRIES, help=argparse.SUPPRESS)
    parser.add_argument("--readers", type=int, default=2000)
    parser.add_argument("--interval", type=float, default=10.0, help="seconds between polls")
    parser.add_argument("--seconds", type=float, default=70.0, help="polling time (edge)")
    parser.add_argument("--entry-every", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=64, help="readers' connection pool")
    parser.add_argument(
        "--pairs-seconds", type=float, default=40.0,
        help="polling time of the pairs phase: entries posted two at a time (0: none)",
    )  # fmt: skip
    parser.add_argument(
        "--pair-gap", type=float, default=0.05, help="seconds between the two entries of a pair"
    )
    parser.add_argument("--baseline-readers", type=int, default=50)
    parser.add_argument("--baseline-seconds", type=float, default=40.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_LIVE_URL", f"{PG}/kq_bench_live")
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_LIVE_REDIS_URL", "redis://127.0.0.1:6379/10")
    )
    args = parser.parse_args()
    if args.child == "setup":
        child_setup(args.entries)
        return 0
    if args.child == "writer":
        child_writer(args.live, args.first_at, args.entry_every, args.count, args.gap)
        return 0
    for name, value in (("--readers", args.readers), ("--baseline-readers", args.baseline_readers)):
        if not 0 <= value <= 20_000:
            parser.error(f"{name} must be between 0 and 20000")
    for name in ("seconds", "pairs_seconds", "baseline_seconds"):
        if 0 < getattr(args, name) < 2 * args.interval + 3 or getattr(args, name) > 600:
            parser.error(f"--{name.replace('_', '-')}: 0, or two intervals and more, at most 600")
    if not shutil.which("varnishd"):
        raise SystemExit("varnishd is missing: `make edge-packages` installs it")
    if args.redis_url and not http_bench.redis_answers(args.redis_url):
        print(f"no Redis at {args.redis_url}: the database cache is used")
        args.redis_url = ""

    load_at_start = os.getloadavg()
    workdir = Path(tempfile.mkdtemp(prefix="kiosque-bench-live-"))
    for number in STOP_SIGNALS:
        signal.signal(number, _stop_on_signal)
    try:
        report = measure(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "machine": {
            "cpus": os.cpu_count(),
            "cpu_model": http_bench.cpu_model(),
            "python": platform.python_version(),
            "load_average_at_start": load_at_start,
            "load_average_at_end": os.getloadavg(),
        },
        "settings": {k: v for k, v in vars(args).items() if not k.startswith(("child", "live"))}
        | {"purge_allowance_s": PURGE_ALLOWANCE},
        **report,
    }
    report["verdicts"] = verdicts(report, args.interval)
    print_report(report)
    http_bench.RESULTS.mkdir(exist_ok=True)
    out = http_bench.RESULTS / f"live-polling-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.write_text(json.dumps(report, indent=1, default=str))
    print(f"\nresults: {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
