"""`python -m cluster.drill` (`make cluster-drill`): five failures under load, and a table.

Starts the cluster (or uses the one running in --dir), sets up what the load needs
(reader accounts, an API token for the demo's editor, a wire folder that publishes
automatically), starts the load (cluster/load.py: readers through both edges,
commenters, an editor posting live entries, an agency dropping dispatches) and, one
after the other (cluster/drill_scenarios.py):

    1. kills an application host          4. kills a worker in the middle of a task
    2. kills an edge                      5. stops the PostgreSQL primary, promotes
    3. stops Redis for 30 s                  the standby, points the hosts at it

then asks the database for every comment, entry and dispatch the site confirmed, and
prints per drill: reader requests, errors by status, the longest interruption a reader
saw, comments posted/found/lost, duplicated publications and the replica's lag. The
table is also written as JSON (var/cluster-drill/, and drill.json in the cluster's
folder while it exists).

Exit status: 0 when every check passed and nothing was lost or published twice; 1
otherwise; 2 when the drill could not run (not root, cluster not started). Every drill
and the whole run are bounded (--deadline); a cluster the drill started is removed at
the end (its logs kept when something failed), unless --keep.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from cluster import drill_scenarios
from cluster.config import DEFAULT_DIR, REPO_ROOT, ConfigError
from cluster.control import Cluster, ClusterError
from cluster.drill_checks import (
    ENQUEUE_POLL_SCRIPT,
    FOUND_SCRIPT,
    SETUP_SCRIPT,
    LagSampler,
    api_token,
    run_script,
)
from cluster.drill_report import (
    Window,
    lost_and_duplicated,
    render_details,
    render_table,
    window_report,
)
from cluster.drill_scenarios import DEFAULT_ORDER, DRILL_MAX_SECONDS, DRILLS, Context
from cluster.drill_writers import Account, Commenter, Editor, WireAgency, writers_of
from cluster.load import Edge, Journal, Load, ReaderPlan
from cluster.processes import ClusterStartError
from cluster.topology import PLANS, Topology

REPORT_DIR = REPO_ROOT / "var" / "cluster-drill"
FIXTURES = REPO_ROOT.parent / "shared" / "fixtures" / "iptc" / "ninjs" / "examples"
# Text items of the IPTC examples that Kiosque ingests as articles.
FIXTURE_FILES = (
    "2.1/ninjsExSimpleText_2.json",
    "3.0/20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json",
    "2.1/dpa_text.json",
)
# Used when the shared fixtures are not beside the checkout.
FALLBACK_DISPATCH = {
    "uri": "urn:kiosque-drill:fallback",
    "type": "text",
    "language": "fr",
    "headlines": [{"role": "main", "value": "Dépêche d'exercice"}],
    "bodies": [{"role": "main", "contenttype": "text/plain", "value": "Texte de la dépêche."}],
}
EDITOR_USER = "editeur"  # the demo's editor (kiosque/demo/editorial.py)
BASELINE_SECONDS = 15.0
SETTLE_SECONDS = 90.0


class DeadlineExceeded(Exception):
    pass


def _alarm(signum, frame):
    raise DeadlineExceeded


def load_fixtures() -> tuple[list[dict], str]:
    found = []
    for name in FIXTURE_FILES:
        try:
            found.append(json.loads((FIXTURES / name).read_text()))
        except (OSError, ValueError):
            continue
    if found:
        return found, f"{len(found)} IPTC examples from {FIXTURES}"
    return [FALLBACK_DISPATCH], f"a built-in dispatch ({FIXTURES} not found)"


class DrillRun:
    def __init__(self, cluster: Cluster, options: argparse.Namespace):
        self.cluster = cluster
        self.options = options
        self.run_id = f"{int(time.time()) % 1_000_000:06d}"
        self.journal = Journal()
        self.load = Load(self.journal)
        self.sampler = LagSampler(cluster, self.journal)
        self.windows: list[Window] = []
        self.notes: list[str] = []
        self.started_at = datetime.now(UTC)

    @property
    def marker_prefix(self) -> str:
        return f"kqd{self.run_id}"

    # --- before the load ---------------------------------------------------------------

    def prepare(self) -> Context:
        cluster, options = self.cluster, self.options
        folder = cluster.layout.shared / f"drill-wires-{self.run_id}"
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o755)
        print(f"Setting up (run {self.run_id}): reader accounts, API token, wire folder…")
        setup = run_script(
            cluster,
            "app1",
            SETUP_SCRIPT,
            {"run_id": self.run_id, "accounts": options.commenters + 1, "folder": str(folder)},
        )
        edges = [Edge(edge.address, edge.port or 80) for edge in cluster.edges]
        lives = setup["lives"]
        pages = ["/", *setup["sections"], *setup["articles"][:30], *(lv["path"] for lv in lives)]
        polls = [f"/direct/{live['id']}/nouveautes.json" for live in lives]
        plan = ReaderPlan(pages=pages, polls=polls)
        self.load.add_readers(options.readers, edges, plan, pause=options.reader_pause)
        ctx = Context(
            cluster=cluster,
            journal=self.journal,
            load=self.load,
            sampler=self.sampler,
            edges=edges,
            hold=options.hold,
            wire_batch=options.wire_batch,
            wire_folder=folder,
        )
        accounts = [Account(email, password) for email, password in setup["accounts"]]
        article_ids = setup["comment_article_ids"]
        if article_ids:
            for number, account in enumerate(accounts[:-1], start=1):
                self.load.add(
                    Commenter(
                        number, self.journal, self.load.stopping, options.comment_pause,
                        run_id=self.run_id, edges=edges, account=account, article_ids=article_ids,
                    )
                )  # fmt: skip
            ctx.prober = Commenter(
                len(accounts), self.journal, self.load.stopping, 0,
                run_id=self.run_id, edges=edges, account=accounts[-1], article_ids=article_ids,
            )  # fmt: skip
            ctx.prober.name = "prober"
            login = ctx.prober.log_in_once()
            if login.cookies is None:
                raise ClusterError(f"the prober's log-in failed before any drill: {login}")
        else:
            self.notes.append("no article open to comments: no commenters")
        if lives:
            token = api_token(cluster, "app1", EDITOR_USER, f"exercice-{self.run_id}")
            ctx.editor = self.load.add(
                Editor(
                    1, self.journal, self.load.stopping, options.entry_pause,
                    run_id=self.run_id, edges=edges, token=token, live_id=lives[0]["id"],
                )
            )  # fmt: skip
            ctx.live_path = lives[0]["path"]
        else:
            self.notes.append("no running live: no editor, no polling readers")
        fixtures, origin = load_fixtures()
        self.notes.append(f"dispatches made from {origin}")
        ctx.agency = self.load.add(
            WireAgency(
                1, self.journal, self.load.stopping, options.wire_pause,
                run_id=self.run_id, folder=folder, fixtures=fixtures,
            )
        )  # fmt: skip
        print(
            f"Load: {options.readers} readers over {len(edges)} edges ({len(plan.pages)} pages, "
            f"{len(plan.polls)} polling answers), {options.commenters if article_ids else 0} "
            f"commenters, {'an editor' if lives else 'no editor'}, dispatches every "
            f"{options.wire_pause:.0f} s."
        )
        return ctx

    # --- the drills ----------------------------------------------------------------------

    def run(self, ctx: Context, chosen: list[str], deadline: float) -> None:
        self.load.start()
        self.sampler.start()
        baseline = Window("baseline", "0. baseline (nothing broken)", self.journal.now())
        self.windows.append(baseline)
        print("Baseline…")
        time.sleep(BASELINE_SECONDS)
        baseline.end = self.journal.now()
        for key in chosen:
            title, drill = DRILLS[key]
            window = Window(key, title, self.journal.now())
            self.windows.append(window)
            left = deadline - time.monotonic()
            if left < DRILL_MAX_SECONDS[key]:
                window.skipped = (
                    f"{left:.0f} s left of the deadline, {DRILL_MAX_SECONDS[key]} s needed"
                )
                window.end = window.start
                print(f"{title}: skipped ({window.skipped})")
                continue
            print(f"{title}…")
            try:
                drill(ctx, window)
            except (ClusterError, ClusterStartError, OSError) as error:
                window.check("the drill ran to its end", False, str(error)[:600])
            window.end = self.journal.now()
        tail = Window("after", "after the drills", self.journal.now())
        self.windows.append(tail)
        time.sleep(5)
        tail.end = self.journal.now()
        problems = self.load.stop()
        self.sampler.stop()
        if problems:
            tail.check("the load's own threads ran without error", False, "; ".join(problems))
        self.settle_wires(ctx)

    def settle_wires(self, ctx: Context) -> None:
        """Dispatches still in the folder get a last poll, by a worker, before the count."""
        folder = ctx.wire_folder
        if folder is None or not any(folder.glob("*.json")):
            return
        try:
            run_script(self.cluster, ctx.setup_host, ENQUEUE_POLL_SCRIPT, {})
        except ClusterError as error:
            self.notes.append(f"the last wire poll could not be queued: {error}")
            return
        ctx.until(lambda: not any(folder.glob("*.json")), SETTLE_SECONDS, every=2)

    # --- afterwards ------------------------------------------------------------------------

    def report(self, ctx: Context) -> dict:
        writers = writers_of(self.load.actors)
        if ctx.prober is not None:
            writers.append(ctx.prober)
        posted = [p for w in writers for p in w.posted]
        spec = {
            "prefix": self.marker_prefix,
            "pattern": rf"{self.marker_prefix}[cew]\d+n\d+",
            "uris": [p.detail for p in posted if p.what == "dispatch"],
        }
        print(f"Counting what the site confirmed, on the primary of the moment ({ctx.primary})…")
        found = run_script(self.cluster, ctx.setup_host, FOUND_SCRIPT, spec)
        lost = set(spec["uris"]) - set(found.get("dispatches", {}))
        for posted_dispatch in (p for p in posted if p.what == "dispatch" and p.detail in lost):
            where = dispatch_file_state(ctx.wire_folder, f"{posted_dispatch.marker}.json")
            self.notes.append(f"dispatch {posted_dispatch.detail} not ingested: its file {where}")
        rows = []
        for window in self.windows:
            rows.append(
                window_report(
                    window,
                    self.journal.samples(window.start, window.end),
                    [p for p in posted if window.start <= p.at < window.end],
                    found,
                    self.sampler.between(window.start, window.end),
                    self.journal.events,
                )
            )
        return {
            "run": self.run_id,
            "started": self.started_at.isoformat(timespec="seconds"),
            "cluster": str(self.cluster.layout.root),
            "network": self.cluster.topology.network,
            "options": {
                k: str(v) if isinstance(v, Path) else v for k, v in vars(self.options).items()
            },
            "notes": self.notes,
            "error_pages": {k: v for w in writers for k, v in w.pages.items()},
            "drills": rows,
        }


def dispatch_file_state(folder: Path | None, name: str) -> str:
    """Where a dropped file ended, for a dispatch that never became an item."""
    if folder is None:
        return "(no folder)"
    if (folder / name).exists():
        locked = (folder / f".{name}.lock").exists()
        return "is still waiting in the folder" + (" (locked)" if locked else "")
    if (folder / "done" / name).exists():
        return "was moved to done/"
    reason = folder / "failed" / f"{name}.reason.txt"
    if (folder / "failed" / name).exists():
        text = reason.read_text(errors="replace").strip()[:300] if reason.exists() else ""
        return f"was moved to failed/: {text}"
    return "is nowhere"


def verdict(report: dict) -> tuple[int, list[str]]:
    reasons = []
    for row in report["drills"]:
        lost, duplicated = lost_and_duplicated(row)
        if lost:
            reasons.append(f"{row['title']}: {lost} confirmed write(s) lost")
        if duplicated:
            reasons.append(f"{row['title']}: {duplicated} publication(s) duplicated")
        if row["skipped"]:
            reasons.append(f"{row['title']}: not run ({row['skipped']})")
        for check in row["checks"]:
            if check["passed"] is False:
                reasons.append(f"{row['title']}: {check['what']}")
    return (1 if reasons else 0), reasons


def write_report(report: dict, cluster: Cluster) -> list[Path]:
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    written = []
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    path = REPORT_DIR / f"drill-{report['started'].replace(':', '')}-{report['run']}.json"
    path.write_text(text)
    written.append(path)
    if cluster.layout.root.exists():
        (cluster.layout.root / "drill.json").write_text(text)
        written.append(cluster.layout.root / "drill.json")
    return written


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m cluster.drill", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="the cluster's folder")
    parser.add_argument("--plan", choices=sorted(PLANS), default="make")
    parser.add_argument(
        "--network", help="another /24 of 198.18.0.0/15 than the plan's (with --prefix)"
    )
    parser.add_argument("--prefix", help="namespace prefix for --network (1-6 letters)")
    parser.add_argument("--keep", action="store_true", help="leave the cluster running")
    parser.add_argument(
        "--only",
        default=",".join(DEFAULT_ORDER),
        help="drills to run, in order (default: %(default)s; also edge-cut: an edge cut off "
        "from the network, its cache kept)",
    )
    parser.add_argument(
        "--deadline",
        type=float,
        default=25 * 60,
        help="seconds for the whole run, the cluster's start (about 6 min) included",
    )
    parser.add_argument("--hold", type=float, default=20.0, help="seconds each failure lasts")
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--reader-pause", type=float, default=0.1)
    parser.add_argument("--commenters", type=int, default=4)
    parser.add_argument("--comment-pause", type=float, default=25.0)
    parser.add_argument("--entry-pause", type=float, default=6.0)
    parser.add_argument("--wire-pause", type=float, default=15.0)
    parser.add_argument("--wire-batch", type=int, default=60, help="dispatches for drill 4")
    options = parser.parse_args(argv)
    chosen = [name.strip() for name in options.only.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in DRILLS]
    if unknown:
        parser.error(f"unknown drill(s) {unknown}: choose among {', '.join(DRILLS)}")
    options.chosen = chosen
    if bool(options.network) != bool(options.prefix):
        parser.error("--network and --prefix go together")
    if options.comment_pause < drill_scenarios.COMMENT_INTERVAL_SECONDS:
        parser.error("--comment-pause below 21 s: the site refuses a second comment within 20 s")
    return options


def cluster_for(options) -> tuple[Cluster, bool]:
    """The running cluster of --dir, or a new one (started here: removed at the end)."""
    try:
        existing = Cluster.load(options.dir)
    except ClusterError:
        existing = None
    if existing is not None and all(s == "running" for s in existing.status().values()):
        print(f"Using the cluster running in {existing.layout.root}.")
        return existing, False
    if existing is not None and any(s == "running" for s in existing.status().values()):
        raise ClusterError(
            f"a cluster in {existing.layout.root} runs with hosts stopped "
            f"({existing.status()}): `python -m cluster down --dir {options.dir}` first"
        )
    topology = PLANS[options.plan]
    if options.network:
        topology = Topology(prefix=options.prefix, network=options.network)
    cluster = Cluster(options.dir, topology)
    print(f"Starting the cluster ({topology.network}) in {cluster.layout.root}…")
    cluster.up()
    print(f"Cluster up in {cluster.timings.get('total', 0):.0f} s.")
    return cluster, True


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    begun = time.monotonic()
    deadline = begun + options.deadline
    signal.signal(signal.SIGALRM, _alarm)
    # The cluster's start and the teardown count too; a hard stop a little after.
    signal.alarm(int(options.deadline) + 60)
    cluster, started_here, failed = None, False, True
    try:
        cluster, started_here = cluster_for(options)
        run = DrillRun(cluster, options)
        ctx = run.prepare()
        try:
            run.run(ctx, options.chosen, deadline)
        finally:
            run.load.stop()
            run.sampler.stop()
        report = run.report(ctx)
        print()
        print(render_table(report["drills"]))
        print()
        print(render_details(report["drills"]))
        for outcome, title in sorted(report["error_pages"].items()):
            print(f"page shown to writers, {outcome}: «{title}»")
        for note in report["notes"]:
            print(f"note: {note}")
        status, reasons = verdict(report)
        report["verdict"] = {"status": status, "reasons": reasons}
        for path in write_report(report, cluster):
            print(f"JSON: {path}")
        if reasons:
            print("\nThe drill FAILED:\n  " + "\n  ".join(reasons))
        else:
            print("\nEvery drill passed; nothing lost, nothing published twice.")
        print(f"Total time: {time.monotonic() - begun:.0f} s.")
        failed = bool(status)
        return status
    except DeadlineExceeded:
        print(f"cluster.drill: the deadline ({options.deadline:.0f} s) passed", file=sys.stderr)
        return 1
    except (ClusterError, ClusterStartError, ConfigError, OSError) as error:
        # OSError: a folder or process of the cluster that vanished under us (another
        # `make cluster-down` on the same folder), a missing binary.
        print(f"cluster.drill: {error}", file=sys.stderr)
        return 2
    finally:
        signal.alarm(0)
        if cluster is not None and started_here and not options.keep:
            print("Removing the cluster" + (" (logs kept)" if failed else "") + "…")
            cluster.down(keep_logs=failed)
            if failed:
                print(f"Logs: {cluster.layout.root}/hosts/<host>/log")
        elif cluster is not None:
            print(f"The cluster keeps running in {cluster.layout.root} (make cluster-down).")


if __name__ == "__main__":
    sys.exit(main())
