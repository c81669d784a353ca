"""Faults on one machine, under a bounded load: shared by tests/faults and bench/faults.py.

The load (cluster/load.py and cluster/drill_writers.py, the namespace drill's own):
readers asking for pages straight from gunicorn and through Varnish, and commenters
logged in through the site's form, each posting a comment with a unique marker. A
commenter told "unavailable" posts the same text again, as the 503 page offers: a
submission counts once, whatever the number of attempts. Afterwards the database is
asked for every marker: a confirmed comment found once is kept, none is lost, none twice.

Each fault is a function `(run, window)` that breaks one part of the stack, holds it
broken, repairs it, and writes its checks in the `Window`; `row()` counts the readers'
requests and errors, the recovery time and the comments of that window.
"""

from __future__ import annotations

import json
import re
import signal
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cluster.drill_writers import Account, Commenter, page_kind, page_title
from cluster.load import Actor, Answer, Edge, Journal, Load, Sample, fetch
from tests.faults.stack import Stack, http_status, stop_process, wait_for

MARKER_PREFIX = "kqf"
MARKER = re.compile(rf"{MARKER_PREFIX}\d+c\d+n\d+")
UNAVAILABLE_FR = "Service momentanément indisponible"  # errors/503.html's title
ACCOUNTS_PAUSED_FR = "Comptes en pause"  # the title of the accounts-paused page, in French
# Outcomes that leave a submission unanswered: the commenter posts the same text again.
RETRIED = ("unavailable", "no answer", "status-5")

# Run by the stack's worker when PostgreSQL stops (by its path: no Django here).
DRILL_TASK = "tests.faults.drill_tasks.outlast"
PASSWORD = "une phrase assez longue pour passer"
COMMENT_INTERVAL = 2  # seconds between two comments of one reader (the site's setting)


# --- the load ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Target(Edge):
    """Where a reader sends requests: gunicorn itself ("app") or Varnish ("edge")."""

    name: str = "app"


class Reader(Actor):
    """An anonymous reader on one target; what each error page was, counted."""

    name_prefix = "reader"

    def __init__(self, number, journal, stopping, pause, *, target: Target, pages: list[str]):
        super().__init__(number, journal, stopping, pause)
        self.target = target
        self.pages = pages
        self.error_pages: Counter = Counter()  # (outcome, page kind, title seen) → count
        self.titles: dict[tuple, str] = {}  # the first page title of each kind, to show

    def step(self) -> None:
        path = self.rng.choice(self.pages)
        started = self.journal.now()
        answer = fetch(self.target, "GET", path)
        self.journal.record(
            Sample(
                self.name,
                "page",
                self.target.name,
                path,
                started,
                self.journal.now() - started,
                answer.status,
                answer.error,
            )
        )
        if answer.status is not None and answer.status >= 400:
            titled = UNAVAILABLE_FR in answer.text
            key = (str(answer.status), page_kind(answer), titled)
            self.error_pages[key] += 1
            self.titles.setdefault(key, f"{self.target.name}: {page_title(answer)}")


class FaultCommenter(Commenter):
    """A commenter who posts the same text again after an unanswered submission."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.submissions: dict[str, list[str]] = {}
        self.first_at: dict[str, float] = {}  # when each text was first submitted
        self.last_post_at = 0.0  # time.monotonic(), for the prober
        self._retry: str | None = None

    def next_marker(self, letter: str) -> str:
        if self._retry is not None:
            return self._retry
        self.sequence += 1
        return f"{MARKER_PREFIX}{self.run_id}c{self.number}n{self.sequence}"

    def post_once(self) -> str:
        before, at = self.sequence, self.journal.now()
        outcome = super().post_once()
        marker = self._retry or f"{MARKER_PREFIX}{self.run_id}c{self.number}n{self.sequence}"
        if self.sequence == before and self._retry is None:
            return outcome  # not logged in: nothing submitted
        self.submissions.setdefault(marker, []).append(outcome)
        self.first_at.setdefault(marker, at)
        self._retry = marker if outcome.startswith(RETRIED) else None
        return outcome


def confirmed(commenter: FaultCommenter) -> set[str]:
    return {p.marker for p in list(commenter.posted)}


# --- a run: the stack, the load, the windows ------------------------------------------


@dataclass
class Window:
    fault: str
    start: float
    end: float = 0.0
    broken_at: float = 0.0
    repaired_at: float = 0.0
    checks: list[tuple[str, bool, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def check(self, what: str, passed: bool, detail: str = "") -> bool:
        self.checks.append((what, bool(passed), detail))
        return bool(passed)

    @property
    def failed(self) -> list[str]:
        return [f"{what}: {detail}" for what, passed, detail in self.checks if not passed]


@dataclass
class Row:
    fault: str
    requests: int
    errors: dict[str, int]
    outage: float
    recovery: float
    submitted: int
    confirmed: int
    lost: int
    duplicated: int
    checks_failed: list[str]


class Run:
    """The load on a running stack, and the windows of the faults done meanwhile."""

    def __init__(
        self,
        stack: Stack,
        *,
        readers: int = 3,
        commenters: int = 2,
        reader_pause: float = 0.05,
        comment_pause: float = 2.5,
        progress: Callable[[str], None] = lambda line: None,
    ):
        self.stack = stack
        self.run_id = f"{int(time.time()) % 100000:05d}"
        self.journal = Journal()
        self.load = Load(self.journal)
        self.progress = progress
        self.windows: list[Window] = []
        setup = stack.setup
        self.app = Target("127.0.0.1", stack.app_port, "app")
        self.edge = Target("127.0.0.1", stack.edge_port, "edge")
        pages = ["/", *setup["sections"], *setup["articles"]]
        self.readers = []
        for number in range(1, readers + 1):
            target = self.edge if number == readers and readers > 1 else self.app
            reader = Reader(
                number, self.journal, self.load.stopping, reader_pause, target=target, pages=pages
            )
            self.readers.append(self.load.add(reader))
        accounts = [Account(email, PASSWORD) for email in setup["accounts"]]
        self.commenters: list[FaultCommenter] = []
        for number, account in enumerate(accounts[:commenters], start=1):
            commenter = FaultCommenter(
                number,
                self.journal,
                self.load.stopping,
                comment_pause,
                run_id=self.run_id,
                edges=[self.app],
                account=account,
                article_ids=setup["article_ids"],
            )
            self.commenters.append(self.load.add(commenter))
        # Driven step by step by the drills (log-in, a comment, a second one at once).
        self.prober = FaultCommenter(
            len(accounts),
            self.journal,
            self.load.stopping,
            0,
            run_id=self.run_id,
            edges=[self.app],
            account=accounts[-1],
            article_ids=setup["article_ids"][:1],
        )
        self.prober.name = "prober"

    def start(self) -> None:
        self.load.start()

    def stop(self) -> list[str]:
        return self.load.stop()

    # --- windows ---

    def window(self, fault: str) -> Window:
        window = Window(fault, self.journal.now())
        self.windows.append(window)
        self.progress(f"{fault}…")
        return window

    def note(self, window: Window, what: str) -> float:
        at = self.journal.note(f"{window.fault}: {what}")
        self.progress(f"  [{at:6.1f} s] {what}")
        return at

    def reader_samples(self, window: Window, target: str | None = None) -> list[Sample]:
        return [
            s
            for s in self.journal.samples(window.start, window.end or float("inf"), ["page"])
            if target is None or s.edge == target
        ]

    def settle(
        self, window: Window, target: str = "app", seconds: float = 30.0, successes: int = 10
    ) -> float:
        """Wait until `successes` reader requests in a row (on `target`) succeed; the
        seconds from the repair to the end of the last failure before them."""

        def recovered() -> bool:
            after = [
                s for s in self.reader_samples(window, target) if s.started >= window.repaired_at
            ]
            after.sort(key=lambda s: s.ended)
            return len(after) >= successes and not any(s.failed for s in after[-successes:])

        wait_for(recovered, f"readers served again after {window.fault}", seconds, every=0.1)
        return recovery_seconds(self.reader_samples(window, target), window.repaired_at)

    def processes_alive(self, window: Window, pids: dict[str, int]) -> None:
        """The web server and the worker running since before the fault: the same ones."""
        for process in self.stack.processes():
            if process.name in pids:
                alive = process.poll() is None and process.popen.pid == pids[process.name]
                window.check(
                    f"{process.name} kept running (no restart)",
                    alive,
                    process.output()[-800:] if not alive else "",
                )

    def pids(self) -> dict[str, int]:
        return {p.name: p.popen.pid for p in self.stack.processes() if p.poll() is None}

    def end(self, window: Window) -> None:
        window.end = self.journal.now()

    # --- the count ---

    def stored_markers(self) -> Counter:
        rows = self.stack.postgres.query(
            "SELECT body FROM discussion_comment WHERE body LIKE %s",
            (f"%{MARKER_PREFIX}{self.run_id}c%",),
        )
        return Counter(m for (body,) in rows for m in MARKER.findall(body))

    def row(self, window: Window, stored: Counter) -> Row:
        samples = self.reader_samples(window)
        errors = Counter(s.outcome for s in samples if s.failed)
        submitted = confirmed_here = lost = duplicated = 0
        for commenter in [*self.commenters, self.prober]:
            posted = {p.marker: p.at for p in list(commenter.posted)}
            for marker, first in list(commenter.first_at.items()):
                if not window.start <= first < (window.end or float("inf")):
                    continue
                submitted += 1
                confirmed_here += marker in posted
                lost += marker in posted and stored[marker] == 0
                duplicated += stored[marker] > 1
        outage = window.repaired_at - window.broken_at if window.repaired_at else 0.0
        return Row(
            fault=window.fault,
            requests=len(samples),
            errors=dict(sorted(errors.items())),
            outage=round(max(0.0, outage), 1),
            recovery=round(recovery_seconds(samples, window.repaired_at), 1)
            if window.repaired_at
            else 0.0,
            submitted=submitted,
            confirmed=confirmed_here,
            lost=lost,
            duplicated=duplicated,
            checks_failed=window.failed,
        )


def recovery_seconds(samples: list[Sample], repaired_at: float) -> float:
    """From the repair to the end of the last failed request: 0 when none failed after."""
    failures = [s.ended for s in samples if s.failed and s.ended >= repaired_at]
    return max(0.0, max(failures) - repaired_at) if failures else 0.0


# --- the faults -----------------------------------------------------------------------


def baseline(run: Run, window: Window, seconds: float) -> None:
    time.sleep(seconds)
    window.check(
        "no reader error without a fault", not [s for s in run.reader_samples(window) if s.failed]
    )


def postgres_restart(run: Run, window: Window, down_seconds: float) -> None:
    """A fast shutdown of PostgreSQL, down for a while, started again."""
    stack, pids = run.stack, run.pids()
    # A task that the restart interrupts: the worker must outlive it, and run it again.
    (task,) = stack.postgres.query(
        "INSERT INTO django_tasks_database_dbtaskresult (id, status, enqueued_at, "
        "args_kwargs, priority, task_path, worker_ids, queue_name, backend_name, run_after, "
        "exception_class_path, traceback) VALUES (gen_random_uuid(), 'READY', now(), %s, 0, "
        "%s, '[]', 'default', 'default', now(), '', '') RETURNING id::text",
        (json.dumps({"args": [], "kwargs": {"seconds": 1.0}}), DRILL_TASK),
    )[0]
    time.sleep(1.0)  # the load before the fault
    wait_for(lambda: task_status(stack, task) == "RUNNING", "the drill's task started", 20)
    window.broken_at = run.note(window, "PostgreSQL stopped (fast shutdown) under a task")
    stack.postgres.stop(signal.SIGINT)
    time.sleep(down_seconds)
    stack.postgres.start()
    window.repaired_at = run.note(window, "PostgreSQL started again")
    window.check("reader pages served again", run.settle(window) < 30)
    # Varnish too, once its probes find the application healthy again: the next fault
    # starts from a stack that serves everywhere.
    window.check("reader pages through Varnish served again", run.settle(window, "edge") < 30)
    # The answers readers had meanwhile: 503, the site's page, its French title.
    pages, titles = Counter(), {}
    for reader in run.readers:
        pages.update(reader.error_pages)
        titles.update(reader.titles)
        reader.error_pages.clear()
    app_failures = [s for s in run.reader_samples(window, "app") if s.failed]
    window.check("readers saw the outage", bool(app_failures), "no failed request: too short?")
    # Straight from gunicorn: the site's 503 page. Through Varnish: the VCL's own French
    # page when it holds no copy to serve instead (deploy/varnish/kiosque.vcl).
    wrong = {
        k: n
        for k, n in pages.items()
        if k != ("503", "site page", True) and not titles.get(k, "").startswith("edge: ")
    }
    window.check(
        "every error page from gunicorn was the site's 503 page",
        not wrong,
        str({k: (n, titles.get(k)) for k, n in wrong.items()}),
    )
    no_answer = [s for s in app_failures if s.status is None]
    window.check("gunicorn always answered", not no_answer, str(no_answer[:3]))
    window.notes.append(f"error pages: {dict(pages)}")
    # A comment posted after the return goes through, on the same processes.
    outcome = probe_comment(run)
    window.check("a comment posted after the return is published", outcome == "published", outcome)

    def heartbeat_fresh() -> int:
        return stack.postgres.query(
            "SELECT count(*) FROM core_workerheartbeat WHERE last_seen > now() - interval '2 s'"
        )[0][0]

    try:
        wait_for(heartbeat_fresh, "the worker's heartbeat written again", seconds=20)
        window.check("the worker writes its heartbeat again", True)
    except Exception as error:  # StackError: the worker is gone, or cut off
        window.check("the worker writes its heartbeat again", False, str(error)[:300])
    try:
        wait_for(lambda: task_status(stack, task) == "SUCCESSFUL", "the task done", 20)
        window.check("the interrupted task is run again to its end", True)
    except Exception as error:
        window.check("the interrupted task is run again to its end", False, str(error)[:300])
    run.processes_alive(window, pids)


def task_status(stack: Stack, task_id: str) -> str | None:
    rows = stack.postgres.query(
        "SELECT status FROM django_tasks_database_dbtaskresult WHERE id::text = %s", (task_id,)
    )
    return rows[0][0] if rows else None


def probe_comment(run: Run) -> str:
    """The prober posts one comment (logged in first if needed), past the site's interval
    between two comments of one reader."""
    prober = run.prober
    time.sleep(max(0.0, prober.last_post_at + COMMENT_INTERVAL + 0.2 - time.monotonic()))
    prober.last_post_at = time.monotonic()
    if prober.cookies is None and prober.log_in_once().cookies is None:
        return "log-in failed"
    return prober.post_once()


def redis_restart(run: Run, window: Window, down_seconds: float) -> None:
    """Redis killed, down for a while, started again empty (no snapshot)."""
    stack, pids = run.stack, run.pids()
    time.sleep(1.0)
    window.broken_at = run.note(window, "Redis killed")
    stack.redis.stop()
    time.sleep(down_seconds / 2)
    # Meanwhile a log-in is refused with the site's page, before any password check.
    outcome = run.prober.log_in_once()
    window.check(
        "a log-in meanwhile gets the site's 503 page",
        outcome.outcome == "unavailable" and outcome.page == "site page",
        str(outcome),
    )
    time.sleep(down_seconds / 2)
    stack.redis.start()
    window.repaired_at = run.note(window, "Redis started again (empty)")
    time.sleep(2.5)  # the breaker's pause (2 s) before each process asks Redis again
    errors = [s for s in run.reader_samples(window) if s.failed]
    window.check("every reader page was served", not errors, str(errors[:3]))
    first = probe_comment(run)
    run.prober.last_post_at = time.monotonic()
    second = run.prober.post_once()
    window.check("log-ins and comments work again", first == "published", first)
    window.check("the comment rate limit works again", second == "refused by the site", second)
    run.processes_alive(window, pids)


def varnish_restart(run: Run, window: Window, down_seconds: float) -> None:
    """Varnish killed, a comment posted meanwhile (its purge fails), Varnish started again."""
    stack = run.stack
    article = stack.setup["articles"][0]
    time.sleep(1.0)
    window.broken_at = run.note(window, "Varnish killed")
    since = stack.postgres.query("SELECT now()")[0][0]
    stack.stop_edge()
    outcome = probe_comment(run)  # purges the article's key: refused, retried later
    marker = next(reversed(run.prober.submissions))
    window.check(
        "a comment posted while Varnish is down is published", outcome == "published", outcome
    )
    time.sleep(down_seconds)
    stack.start_edge()
    window.repaired_at = run.note(window, "Varnish started again")
    window.check("readers through Varnish served again", run.settle(window, "edge") < 30)

    def retries_done():
        rows = stack.postgres.query(
            "SELECT status FROM django_tasks_database_dbtaskresult "
            "WHERE task_path LIKE %s AND enqueued_at >= %s",
            ("%retry_purge", since),
        )
        statuses = Counter(status for (status,) in rows)
        return statuses if statuses and set(statuses) == {"SUCCESSFUL"} else None

    try:
        statuses = wait_for(
            retries_done,
            "the purge retried once Varnish is back",
            seconds=2 * (window.repaired_at - window.broken_at) + 20,
        )
        window.check("the purges sent meanwhile were retried", True, str(dict(statuses)))
    except Exception as error:  # StackError: say what was found
        window.check("the purges sent meanwhile were retried", False, str(error)[:300])
    page = fetch(run.edge, "GET", article)
    again = fetch(run.edge, "GET", article)
    window.check(
        "the article through Varnish shows the comment",
        marker in page.text,
        f"{page.status} {page.header('X-Cache')}",
    )
    window.check("and still does once cached", marker in again.text, again.header("X-Cache"))


def worker_killed(run: Run, window: Window, dispatches: int) -> None:
    """Workers SIGKILLed in the middle of a wire poll and of a rendition task."""
    stack = run.stack
    held_folder = stack.root / "held"
    held_folder.mkdir(exist_ok=True)
    stop_process(stack.workers.pop("worker"))  # a clean stop: its row goes
    window.broken_at = run.note(window, "the worker stopped; tasks waiting")
    image = stack.setup["image_id"]
    stack.postgres.query(
        "DELETE FROM newsroom_newsrendition WHERE image_id = %s RETURNING id", (image,)
    )
    names = []
    for number in range(dispatches):
        name = f"faults-{run.run_id}-{number}.json"
        drop_dispatch(stack.wire_folder, name, f"urn:kiosque-faults:{run.run_id}:{number}")
        names.append(name)
    task = stack.setup["rendition_task"]
    stack.postgres.query(
        "UPDATE django_tasks_database_dbtaskresult SET run_after = now() "
        "WHERE id::text = %s OR (status = 'READY' AND task_path LIKE %s) RETURNING id",
        (task, "%wires_poll_sources"),
    )
    argv = [__import__("sys").executable, "-m", "tests.faults.held_worker", str(held_folder)]
    victims = [stack.start_worker(f"victim-{n}", "--no-schedule", argv=argv) for n in (1, 2)]
    held = wait_for(
        lambda: held_kinds(held_folder) >= {"wires", "renditions"} and held_kinds(held_folder),
        "both tasks held in the middle",
        seconds=60,
        watch=victims,
    )
    window.notes.append(f"held: {sorted(held)}")
    for victim in victims:
        victim.popen.send_signal(signal.SIGKILL)
        victim.popen.wait(timeout=10)
        stack.workers.pop(victim.name)
    run.note(window, "both workers SIGKILLed in the middle of their task")
    stack.start_worker("worker")
    window.repaired_at = run.note(window, "the next worker started")

    def finished():
        rows = stack.postgres.query(
            "SELECT status, worker_ids::text FROM django_tasks_database_dbtaskresult "
            "WHERE id::text = %s",
            (task,),
        )
        done = list((stack.wire_folder / "done").glob(f"faults-{run.run_id}-*.json"))
        return rows and rows[0][0] == "SUCCESSFUL" and len(done) == dispatches and rows

    try:
        rows = wait_for(finished, "the next worker finished both tasks", seconds=30)
        worker_ids = json.loads(rows[0][1])
        window.check(
            "the rendition task ran to its end on the next worker",
            worker_ids[-1] == "worker" and len(worker_ids) == 2,
            str(worker_ids),
        )
    except Exception as error:
        window.check("the next worker finished both tasks", False, str(error)[:600])
    items = stack.postgres.query(
        "SELECT i.identity, count(DISTINCT a.article_id) FROM wires_wireitem i "
        "LEFT JOIN wires_wirearticle a ON a.item_id = i.id WHERE i.identity LIKE %s "
        "GROUP BY i.identity",
        (f"urn:kiosque-faults:{run.run_id}:%",),
    )
    window.check(
        "every dispatch ingested once, one article each",
        len(items) == dispatches and all(n == 1 for _, n in items),
        str(items),
    )
    specs = stack.postgres.query(
        "SELECT filter_spec, count(*) FROM newsroom_newsrendition WHERE image_id = %s "
        "GROUP BY filter_spec HAVING count(*) > 1",
        (image,),
    )
    window.check("no rendition made twice", not specs, str(specs))
    locks = list(stack.wire_folder.glob(".*.lock"))
    window.check("no folder lock left behind", not locks, str(locks))


def held_kinds(folder: Path) -> set[str]:
    """The kinds of task held by tests/faults/held_worker.py (its held-<kind>-<pid> files)."""
    return {path.name.split("-")[1] for path in folder.iterdir()}


def drop_dispatch(folder: Path, name: str, uri: str, picture: str = "") -> None:
    item = {
        "uri": uri,
        "type": "text",
        "version": "1",
        "versioncreated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "pubstatus": "usable",
        "language": "fr",
        "headlines": [{"role": "main", "value": f"Dépêche d'exercice {uri.rsplit(':', 1)[-1]}"}],
        "bodies": [{"role": "main", "contenttype": "text/plain", "value": "Texte de la dépêche."}],
    }
    if picture:
        item["associations"] = [
            {
                "name": "featureimage",
                "type": "picture",
                "uri": f"{uri}:photo",
                "headlines": [{"role": "main", "value": "Photo"}],
                "renditions": [{"name": "large", "href": picture, "width": 1600, "height": 900}],
            }
        ]
    partial = folder / f".{name}.part"
    partial.write_text(json.dumps(item, ensure_ascii=False))
    partial.rename(folder / name)


def disk_full(run: Run, window: Window, seconds: float) -> None:
    """The media disk filled up: a dispatch with a picture arrives."""
    stack = run.stack
    from PIL import Image

    picture = f"faults-{run.run_id}.jpg"
    Image.effect_noise((1600, 900), 60).convert("RGB").save(stack.wire_folder / picture, quality=95)
    images_before = stack.postgres.query("SELECT count(*) FROM newsroom_newsimage")[0][0]
    files_before = sorted(p.name for p in stack.media.folder.rglob("*") if p.is_file())
    stack.media.fill()
    window.broken_at = run.note(window, f"media disk full ({stack.media.free_bytes()} bytes free)")
    uri = f"urn:kiosque-faults:{run.run_id}:full"
    name = f"faults-{run.run_id}-full.json"
    drop_dispatch(stack.wire_folder, name, uri, picture)
    failed = stack.wire_folder / "failed" / name
    try:
        # Moved first, its reason written beside it next: wait for the reason.
        reason_file = failed.with_name(name + ".reason.txt")
        wait_for(reason_file.exists, "the dispatch set aside", seconds=max(seconds, 20))
        time.sleep(0.2)
        reason = reason_file.read_text(errors="replace")
        window.check(
            "the dispatch is set aside with a clear reason",
            "space" in reason.lower() or "disk" in reason.lower(),
            reason[:300],
        )
    except Exception as error:
        window.check("the dispatch is set aside with a clear reason", False, str(error)[:600])
    stored = stack.postgres.query("SELECT count(*) FROM wires_wireitem WHERE identity = %s", (uri,))
    window.check("nothing of it stored", stored[0][0] == 0, str(stored))
    images_after = stack.postgres.query("SELECT count(*) FROM newsroom_newsimage")[0][0]
    window.check(
        "no image row left", images_after == images_before, f"{images_before}→{images_after}"
    )
    files_after = sorted(p.name for p in stack.media.folder.rglob("*") if p.is_file())
    extra = set(files_after) - set(files_before) - {stack.media.filler.name}
    window.check("no half-written file left", not extra, str(sorted(extra))[:300])
    errors = [s for s in run.reader_samples(window) if s.failed]
    window.check("every reader page was served", not errors, str(errors[:3]))
    stack.media.empty()
    window.repaired_at = run.note(window, "media disk emptied")
    # The same dispatch again, once there is room: ingested with its picture.
    again = f"faults-{run.run_id}-room.json"
    drop_dispatch(stack.wire_folder, again, uri, picture)
    done = stack.wire_folder / "done" / again
    try:
        wait_for(done.exists, "the dispatch ingested once there is room", seconds=20)
        window.check("ingested once there is room", True)
    except Exception as error:
        window.check("ingested once there is room", False, str(error)[:300])


def status_of(target: Target, path: str) -> int | None:
    return http_status(target.port, path)


__all__ = [
    "Answer",
    "Row",
    "Run",
    "Window",
    "baseline",
    "disk_full",
    "postgres_restart",
    "redis_restart",
    "varnish_restart",
    "worker_killed",
]


def setup_spec(stack: Stack, *, accounts: int, articles: int = 4) -> dict:
    """What tests/faults/newsroom.py writes: articles, reader accounts (the last one is
    the prober's), the wire folder of the stack."""
    return {
        "articles": articles,
        "accounts": accounts,
        "password": PASSWORD,
        "comment_interval": COMMENT_INTERVAL,
        "wire_folder": str(stack.wire_folder),
    }
