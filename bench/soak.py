"""The soak (issue 19): the demo site under a steady mixed load for a bounded time.

    .venv/bin/python bench/soak.py                   # 30 minutes, what `make bench-soak` runs
    .venv/bin/python bench/soak.py --minutes 3       # a short check of the set-up
    .venv/bin/python bench/soak.py --database sqlite # the embedded default instead

Everything on 127.0.0.1, in a temporary folder removed at the end (Ctrl-C, SIGTERM and
errors included): a private redis-server on a free port; a PostgreSQL database of the run's
own on the shared server (--database-url, created by the run and dropped at its end; an
existing one is refused, never reused or dropped); the demo newsroom built into it;
`kiosque serve` (gunicorn and one task worker, production settings, Redis, EDGE_URL
pointing at the edge so that publications purge it) and Varnish as `make edge` starts it.
Then, for --minutes, at steady rates:

  edge readers    --edge-rps page requests through Varnish (home, sections, topics,
                  authors, articles, comment threads), new articles as they appear;
  app readers     --app-rps requests straight to the application, searches included;
  commenters      --commenters readers logged in through the reader form, each posting a
                  comment every --comment-every seconds (± a third) through the form;
  an editor       a Django process that publishes a new article or a correction to a live
                  one every --editor-every seconds, as Wagtail's publish does;
  wires           a ninjs file (four new dispatches and a new version of an older one)
                  dropped every --wires-every seconds in a folder source the worker polls.

Every minute and at the end it prints: requests, errors by status, p50/p99 per channel;
the resident memory and open descriptors of every process of the site (serve, gunicorn
master and workers, task worker, Varnish's manager and cache, Redis); the database's
connections (PostgreSQL's pg_stat_activity, or descriptors open on the SQLite file);
Redis's clients; the task queue; the machine's load average (the machine may be shared:
read the figures with it). The issue's targets are printed as verdicts, never asserted:
0 errors; each process's memory at the end within 10 % of the reference minute (minute 5,
or the middle of a shorter run); no growth of connections or descriptors (the end's value
at most the highest seen by the reference minute). --json PATH keeps every figure.
"""

from __future__ import annotations

import argparse
import contextlib
import http.cookies
import json
import math
import os
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import http_bench  # noqa: E402  (processes, the production environment)

REPO = http_bench.REPO
KIOSQUE = str(REPO / ".venv" / "bin" / "kiosque")
PG = http_bench.PG
# The targets.
MEMORY_TOLERANCE = 0.10
REFERENCE_MINUTE = 5
READER_PASSWORD = "soak-" + secrets.token_urlsafe(18)
SEARCH_WORDS = ("maire", "budget", "tempête", "grève", "conseil", "région", "port", "école")


# --- figures: pure helpers (tests/bench/test_soak_report.py) ---------------------------


def percentile(values: list[float], fraction: float) -> float | None:
    """The nearest-rank percentile of `values` (unsorted), None for none."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]


def is_error(outcome: int | str) -> bool:
    """An answer other than a success or a redirect, or no answer at all."""
    return not isinstance(outcome, int) or outcome >= 400


def summarise(samples: list[tuple[int | str, float]]) -> dict:
    """Requests, answers by status, errors by status and latencies of (outcome, seconds)."""
    statuses = Counter(str(outcome) for outcome, _ in samples)
    errors = Counter(str(outcome) for outcome, _ in samples if is_error(outcome))
    times = [seconds * 1000 for outcome, seconds in samples if not is_error(outcome)]
    p50, p99 = percentile(times, 0.50), percentile(times, 0.99)
    return {
        "requests": len(samples),
        "statuses": dict(sorted(statuses.items())),
        "errors": sum(errors.values()),
        "errors_by_status": dict(sorted(errors.items())),
        "p50_ms": None if p50 is None else round(p50, 1),
        "p99_ms": None if p99 is None else round(p99, 1),
    }


def reference_minute(minutes: int) -> int:
    """Minute 5 (warm caches, workers frozen), or the middle of a shorter run."""
    return min(REFERENCE_MINUTE, max(1, (minutes + 1) // 2))


def memory_verdict(series: list[float | None], reference: int) -> dict:
    """Start, reference, end, maximum of one process's memory; end within 10 % of ref."""
    known = [value for value in series if value is not None]
    if not known or len(series) < reference or series[reference - 1] is None:
        return {"ok": None}
    ref, end = series[reference - 1], series[-1]
    change = None if end is None else (end - ref) / ref
    return {
        "start": series[0],
        "reference": ref,
        "end": end,
        "max": max(known),
        "change": None if change is None else round(change, 4),
        "ok": change is not None and abs(change) <= MEMORY_TOLERANCE,
    }


def growth_verdict(series: list[float | None], reference: int) -> dict:
    """No growth: the end's value at most the highest value seen by the reference minute.

    Connections and descriptors move with the load (a thread opens its connection on its
    first request, keep-alive sockets come and go): a leak is a level the warm site
    never needed, reached later and kept.
    """
    if len(series) < reference or any(v is None for v in series[:reference]):
        return {"ok": None}
    ceiling = max(series[:reference])
    end = series[-1]
    known = [value for value in series if value is not None]
    return {
        "start": series[0],
        "ceiling_by_reference": ceiling,
        "end": end,
        "max": max(known),
        "ok": end is not None and end <= ceiling,
    }


# --- processes of the site: memory and descriptors from /proc ---------------------------


def proc_children(pid: int) -> list[int]:
    children = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                children.extend(int(p) for p in handle.read().split())
    return sorted(children)


def proc_cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def proc_rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def proc_fds(pid: int) -> list[str]:
    """Where each descriptor of `pid` points (readlink of /proc/PID/fd/*)."""
    targets = []
    try:
        names = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return []
    for name in names:
        with contextlib.suppress(OSError):
            targets.append(os.readlink(f"/proc/{pid}/fd/{name}"))
    return targets


def site_processes(serve_pid: int, edge_pid: int, redis_pid: int) -> dict[str, int]:
    """The site's processes by role: `kiosque serve` and its gunicorn and task worker,
    Varnish's manager and cache process, redis-server."""
    roles = {"serve": serve_pid}
    for child in proc_children(serve_pid):
        command = proc_cmdline(child)
        if "gunicorn" in command:
            roles["gunicorn master"] = child
            for number, worker in enumerate(proc_children(child), 1):
                roles[f"gunicorn worker {number}"] = worker
        elif "worker" in command:
            roles["task worker"] = child
    # `kiosque edge` replaces itself with varnishd (exec): its process is Varnish's
    # manager, and the manager's child the cache process that serves.
    roles["varnish manager"] = edge_pid
    for number, child in enumerate(proc_children(edge_pid)):
        roles["varnish cache" + (f" {number + 1}" if number else "")] = child
    roles["redis"] = redis_pid
    return roles


# --- monitors: database, Redis, queue ---------------------------------------------------


class PostgresMonitor:
    """One autocommit connection of its own, left out of the counts."""

    def __init__(self, url: str):
        import psycopg

        self.connection = psycopg.connect(url, autocommit=True)

    def connections(self) -> int:
        return self.connection.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchone()[0]

    def queue(self) -> dict:
        ready, deferred, running = self.connection.execute(
            "SELECT count(*) FILTER (WHERE status = 'READY' AND run_after <= now()),"
            " count(*) FILTER (WHERE status = 'READY' AND run_after > now()),"
            " count(*) FILTER (WHERE status = 'RUNNING')"
            " FROM django_tasks_database_dbtaskresult"
        ).fetchone()
        return {"ready": ready, "deferred": deferred, "running": running}

    def close(self) -> None:
        self.connection.close()


class SqliteMonitor:
    """Connections: descriptors of the site's processes open on the database file."""

    def __init__(self, path: Path):
        import sqlite3

        self.path = str(path)
        self.connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)

    def connections_in(self, pids: list[int]) -> int:
        return sum(proc_fds(pid).count(self.path) for pid in pids)

    def queue(self) -> dict:
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
        ready, deferred, running = self.connection.execute(
            "SELECT sum(status = 'READY' AND run_after <= ?), sum(status = 'READY' AND"
            " run_after > ?), sum(status = 'RUNNING') FROM django_tasks_database_dbtaskresult",
            (now, now),
        ).fetchone()
        return {"ready": ready or 0, "deferred": deferred or 0, "running": running or 0}

    def close(self) -> None:
        self.connection.close()


def redis_clients(client) -> int | None:
    try:
        return client.info("clients")["connected_clients"] - 1  # this monitor's own
    except Exception:  # a figure missing, not a reason to stop the soak
        return None


# --- in child processes: Django with the production settings ---------------------------


def child_setup(readers: int, wires_folder: str) -> None:
    """Reader accounts, discussion limits for a long run, a folder wire source; prints
    the paths readers ask for and the commentable articles as one JSON line."""
    import django

    django.setup()
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from wagtail.models import Page

    from kiosque.discussion.models import DiscussionSettings
    from kiosque.discussion.threads import comments_open
    from kiosque.newsroom.models import Agency, ArticlePage
    from kiosque.readers.models import ReaderProfile
    from kiosque.wires.models import WireSource
    from kiosque.wires.tasks import schedule_next_poll

    User = get_user_model()
    emails = []
    for number in range(1, readers + 1):
        email = f"soak{number}@kiosque.invalid"
        user = User.objects.create_user(username=f"soak{number}", email=email)
        user.set_password(os.environ["SOAK_READER_PASSWORD"])
        user.save()
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        ReaderProfile.objects.create(user=user, display_name=f"Lectrice {number}")
        emails.append(email)
    # A long run posts more than a day's allowance per reader, and every comment is
    # published at once (a purge and a recount each, the costly path).
    for config in DiscussionSettings.objects.all():
        config.max_comments_per_day = 10_000
        config.trusted_after_approved = 0
        config.save()
    agency = Agency.objects.order_by("pk").first()
    WireSource.objects.create(name="soak", agency=agency, kind="folder", folder=wires_folder)
    schedule_next_poll()

    pages = [p.url for p in Page.objects.live().filter(depth__gt=1).specific() if p.url]
    commentable = ArticlePage.objects.live().filter(comments_enabled=True)
    threads = [reverse("discussion:thread", args=[a.pk]) for a in commentable]
    # The demo's older discussions are closed (30 days): a comment there is refused.
    articles = [article.pk for article in commentable if comments_open(article)]
    print(
        json.dumps(
            {
                "pages": pages,
                "threads": threads,
                "commentable": articles,
                "readers": emails,
                "login": reverse("reader_login"),
                "thread": reverse("discussion:thread", args=[0]),
                "post": reverse("discussion:post", args=[0]),
            }
        )
    )


def child_editor(every: float, until: float) -> None:
    """Publish a new article, then correct a live one, in turn, every `every` seconds
    until wall time `until`; one JSON line per action (its page's path)."""
    import django

    django.setup()
    from django.db import close_old_connections
    from django.utils import timezone

    from kiosque.demo.builder import body_blocks, publish
    from kiosque.editorial.models import Correction
    from kiosque.newsroom.models import ArticleAuthor, ArticlePage

    rng = random.Random(19)
    number = 0
    next_at = time.time() + every / 2
    while True:
        time.sleep(max(0.0, next_at - time.time()))
        if time.time() >= until:
            return
        next_at += every
        number += 1
        close_old_connections()
        started = time.monotonic()
        try:
            model = ArticlePage.objects.live().order_by("?").first()
            if number % 2:
                article = ArticlePage(
                    title=f"Conseil municipal : la séance n° {number} du soak",
                    slug=f"soak-{number}-{secrets.token_hex(3)}",
                    standfirst="Les élus ont adopté le budget après trois heures de débat.",
                    body=body_blocks([("paragraph", _paragraph(rng)) for _ in range(6)]),
                    topic=model.topic,
                )
                article.article_authors = [
                    ArticleAuthor(author=a.author) for a in model.article_authors.all()
                ]
                model.get_parent().add_child(instance=article)
                publish(article)
                action, path = "published", article.url
            else:
                page = model.get_latest_revision_as_object()
                page.corrections.add(
                    Correction(corrected_at=timezone.now(), text=f"Correction n° {number}.")
                )
                publish(page)
                action, path = "corrected", model.url
            line = {"action": action, "path": path, "seconds": time.monotonic() - started}
        except Exception as error:  # counted as an error, the soak goes on
            line = {"action": "error", "error": f"{type(error).__name__}: {error}"[:300]}
        print(json.dumps(line), flush=True)


def _paragraph(rng: random.Random) -> str:
    words = ("le", "conseil", "maire", "budget", "habitants", "quartier", "vote", "école")
    return " ".join(rng.choice(words) for _ in range(60)).capitalize() + "."


# --- load -------------------------------------------------------------------------------


class Recorder:
    """Outcomes by channel and minute (the minute a request started in)."""

    def __init__(self):
        self.started = time.monotonic()
        self.samples: dict = defaultdict(lambda: defaultdict(list))
        self.lock = threading.Lock()

    def minute(self) -> int:
        return int((time.monotonic() - self.started) // 60) + 1

    def record(self, channel: str, minute: int, outcome: int | str, seconds: float) -> None:
        with self.lock:
            self.samples[channel][minute].append((outcome, seconds))

    def of_minute(self, minute: int) -> dict[str, list]:
        with self.lock:
            return {ch: list(by[minute]) for ch, by in self.samples.items() if minute in by}

    def of_run(self) -> dict[str, list]:
        with self.lock:
            return {ch: [s for m in by.values() for s in m] for ch, by in self.samples.items()}


def timed_request(session, recorder: Recorder, channel: str, method: str, url: str, **kw):
    import requests

    minute = recorder.minute()
    started = time.perf_counter()
    try:
        response = session.request(method, url, timeout=30, allow_redirects=False, **kw)
        response.content  # noqa: B018 (read the whole body: its time counts)
        outcome = response.status_code
    except requests.Timeout:
        response, outcome = None, "timeout"
    except requests.ConnectionError:
        response, outcome = None, "connection"
    recorder.record(channel, minute, outcome, time.perf_counter() - started)
    return response


def paced(rate: float, stop: threading.Event, rng: random.Random):
    """Yields at `rate` per second from a random phase; a late turn is skipped, never
    made up with a burst (a steady load, whatever the answers' times)."""
    interval = 1.0 / rate
    next_at = time.monotonic() + rng.uniform(0, interval)
    while not stop.wait(max(0.0, next_at - time.monotonic())):
        yield
        next_at += interval
        now = time.monotonic()
        if next_at < now:
            next_at = now + interval * rng.random()


def reader(base: str, channel: str, rate: float, paths, recorder, stop, seed: int) -> None:
    import requests

    rng = random.Random(seed)
    session = requests.Session()
    for _ in paced(rate, stop, rng):
        if channel == "app" and rng.random() < 0.2:
            path = "/recherche/?" + urllib.parse.urlencode({"q": rng.choice(SEARCH_WORDS)})
        else:
            path = rng.choice(paths.snapshot())
        timed_request(session, recorder, channel, "GET", base + path)
    session.close()


class Paths:
    """The pages readers ask for; the editor's new articles are added as they appear."""

    def __init__(self, paths: list[str]):
        self.paths = list(paths)
        self.lock = threading.Lock()

    def add(self, path: str) -> None:
        with self.lock:
            self.paths.append(path)

    def snapshot(self) -> list[str]:
        with self.lock:
            return self.paths


class SecureCookies:
    """The session's cookies sent by hand: production marks them Secure, and this client
    speaks plain HTTP to the application as the TLS-ending edge would."""

    def __init__(self):
        self.values: dict[str, str] = {}

    def take(self, response) -> None:
        for header in response.raw.headers.getlist("Set-Cookie"):
            jar = http.cookies.SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                self.values[name] = morsel.value

    def header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.values.items())


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def commenter(base: str, setup: dict, email: str, every: float, recorder, stop, seed, tally):
    """Log in through the reader form, then post a comment every `every` seconds (± a
    third) through the thread's form, as a reader's browser does."""
    import requests

    rng = random.Random(seed)
    session = requests.Session()
    cookies = SecureCookies()
    origin = "https://" + base.split("://", 1)[1]

    def call(method: str, path: str, data=None):
        headers = {
            "X-Forwarded-Proto": "https",
            "Cookie": cookies.header(),
            "Origin": origin,
            "Referer": origin + path,
        }
        response = timed_request(
            session, recorder, "commenters", method, base + path, data=data, headers=headers
        )
        if response is not None:
            cookies.take(response)
        return response

    page = call("GET", setup["login"])
    token = CSRF_FIELD.search(page.text) if page is not None else None
    if token is None:
        tally["login_failed"] += 1
        return
    answer = call(
        "POST",
        setup["login"],
        {"login": email, "password": READER_PASSWORD, "csrfmiddlewaretoken": token.group(1)},
    )
    if answer is None or answer.status_code != 302:
        tally["login_failed"] += 1
        return
    if stop.wait(rng.uniform(0, every)):
        return
    number = 0
    while not stop.is_set():
        number += 1
        article = rng.choice(setup["commentable"])
        thread = setup["thread"].replace("/0/", f"/{article}/")
        form = call("GET", thread)
        token = CSRF_FIELD.search(form.text) if form is not None else None
        if token is None:
            tally["no_form"] += 1
        else:
            body = f"{email.split('@')[0]}, commentaire {number} : {_paragraph(rng)[:200]}"
            posted = call(
                "POST",
                setup["post"].replace("/0/", f"/{article}/"),
                {"body": body, "csrfmiddlewaretoken": token.group(1)},
            )
            where = posted.headers.get("Location", "") if posted is not None else ""
            # Published: back at the comment (#c123); held: at the title; refused: at
            # the form with the reader's text kept.
            if "#comment-form" in where:
                tally["refused"] += 1
                recorder.record("commenters", recorder.minute(), "refused", 0.0)
            elif posted is not None and posted.status_code == 302:
                tally["posted"] += 1
        if stop.wait(every * rng.uniform(2 / 3, 4 / 3)):
            break
    session.close()


def wire_dropper(folder: Path, every: float, stop: threading.Event, tally: Counter) -> None:
    """A ninjs file every `every` seconds: four new dispatches and a new version of one
    already sent (an agency's correction). Written aside, then renamed into place."""
    rng = random.Random(7)
    sent = []
    number = 0
    while not stop.wait(every if number else 5):
        items = []
        for _ in range(4):
            number += 1
            items.append(_dispatch(number, 1, rng))
            sent.append(number)
        if len(sent) > 4:
            items.append(_dispatch(rng.choice(sent[:-4]), 2, rng))
        part = folder / f".soak-{number:06d}.part"
        part.write_text(json.dumps(items, ensure_ascii=False))
        part.rename(folder / f"soak-{number:06d}.json")
        tally["files"] += 1
        tally["items"] += len(items)


def _dispatch(number: int, version: int, rng: random.Random) -> dict:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    body = "".join(f"<p>{_paragraph(rng)}</p>" for _ in range(5))
    return {
        "uri": f"urn:kiosque-soak:{number}",
        "type": "text",
        "version": str(version),
        "versioncreated": now,
        "firstcreated": now,
        "language": "fr",
        "headlines": [{"role": "main", "value": f"Dépêche du soak n° {number}"}],
        "descriptions": [{"role": "summary", "value": _paragraph(rng)[:160]}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": body}],
        "copyrightholder": "AFP",
        "urgency": 1 + number % 6,
    }


# --- the run ----------------------------------------------------------------------------


def start_redis(workdir: Path) -> tuple[subprocess.Popen, str]:
    port = http_bench.free_port()
    folder = workdir / "redis"
    folder.mkdir()
    log = (workdir / "redis.log").open("w")
    process = subprocess.Popen(
        [
            "redis-server",
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--dir",
            str(folder),
            "--save",
            "",
            "--appendonly",
            "no",
            "--protected-mode",
            "yes",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        process_group=0,
    )
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 20
    while not http_bench.redis_answers(url):
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"redis-server did not start:\n{(workdir / 'redis.log').read_text()}")
        time.sleep(0.1)
    return process, url


def create_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise SystemExit(f"--database-url: a plain database name, please (not {name!r})")
    server = url.rsplit("/", 1)[0] + "/postgres"
    query = f"SELECT 1 FROM pg_database WHERE datname = '{name}'"  # noqa: S608 (checked above)
    exists = subprocess.run(
        ["psql", server, "-Atc", query], capture_output=True, text=True, check=True
    ).stdout.strip()
    if exists:
        raise SystemExit(
            f"database {name} exists: the soak builds its own, drop it or pick another"
        )
    subprocess.run(["psql", server, "-qc", f'CREATE DATABASE "{name}"'], check=True)


def drop_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    subprocess.run(
        ["psql", server, "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], check=False
    )


def wire_files(folder: Path) -> dict:
    """The dropped files the worker has filed away (done/, failed/) and still waiting."""
    return {
        "done": len(list(folder.glob("done/*.json"))),
        "failed": len(list(folder.glob("failed/*.json"))),
        "waiting": len(list(folder.glob("soak-*.json"))),
    }


def kiosque_run(args: list[str], env: dict, log: Path) -> str:
    with log.open("a") as handle:
        handle.write(f"\n$ kiosque {' '.join(args)}\n")
        out = subprocess.run([KIOSQUE, *args], env=env, capture_output=True, text=True)
        handle.write(out.stdout + out.stderr)
    if out.returncode:
        raise SystemExit(f"kiosque {' '.join(args)} failed:\n{out.stderr[-3000:]}")
    return out.stdout


def sample(state: dict, monitor, redis_client) -> dict:
    roles = site_processes(state["serve"].pid, state["edge"].pid, state["redis"].pid)
    memory = {role: proc_rss_mb(pid) for role, pid in roles.items()}
    descriptors = {role: len(proc_fds(pid)) for role, pid in roles.items()}
    if isinstance(monitor, PostgresMonitor):
        database = monitor.connections()
    else:
        database = monitor.connections_in(list(roles.values()))
    return {
        "pids": roles,
        "memory_mb": memory,
        "descriptors": descriptors,
        "database_connections": database,
        "redis_clients": redis_clients(redis_client),
        "queue": monitor.queue(),
        "load_average": [round(v, 2) for v in os.getloadavg()],
    }


def print_minute(minute: int, load: dict[str, list], figures: dict) -> dict:
    channels = {ch: summarise(samples) for ch, samples in sorted(load.items())}
    everything = summarise([s for samples in load.values() for s in samples])
    memory = figures["memory_mb"]
    print(
        f"min {minute:>3}  req {everything['requests']:>5}  errors {everything['errors']}"
        f" {everything['errors_by_status'] or ''}  p50 {everything['p50_ms']} ms"
        f"  p99 {everything['p99_ms']} ms | RSS {sum(v or 0 for v in memory.values()):.0f} MB"
        f"  fds {sum(figures['descriptors'].values())}  db {figures['database_connections']}"
        f"  redis {figures['redis_clients']}  queue {figures['queue']['ready']}"
        f"+{figures['queue']['deferred']} deferred  load {figures['load_average'][0]}",
        flush=True,
    )
    print(
        "        "
        + "  ".join(
            f"{ch} {c['requests']}/{c['errors']}err p99 {c['p99_ms']}" for ch, c in channels.items()
        )
        + " | "
        + ", ".join(f"{role} {mb}" for role, mb in memory.items()),
        flush=True,
    )
    return {"minute": minute, "load": everything, "channels": channels, **figures}


def verdicts(minutes: list[dict], total: dict) -> dict:
    reference = reference_minute(len(minutes))
    roles = sorted({role for m in minutes for role in m["memory_mb"]})
    memory = {
        role: memory_verdict([m["memory_mb"].get(role) for m in minutes], reference)
        for role in roles
    }
    descriptors = {
        role: growth_verdict([m["descriptors"].get(role) for m in minutes], reference)
        for role in roles
    }
    return {
        "reference_minute": reference,
        "no_errors": total["errors"] == 0,
        "memory_within_10_percent": memory,
        "database_connections_no_growth": growth_verdict(
            [m["database_connections"] for m in minutes], reference
        ),
        "redis_clients_no_growth": growth_verdict([m["redis_clients"] for m in minutes], reference),
        "descriptors_no_growth": descriptors,
        "pids_changed": sorted(
            {
                role
                for m in minutes
                for role, pid in m["pids"].items()
                if pid != minutes[0]["pids"].get(role)
            }
        ),
    }


def print_report(report: dict) -> None:
    v = report["verdicts"]
    total = report["total"]
    print(f"\n== {report['minutes']} minutes, {report['command']}")
    print(
        f"requests {total['requests']}, errors {total['errors']} {total['errors_by_status']}"
        f", p50 {total['p50_ms']} ms, p99 {total['p99_ms']} ms"
    )
    for channel, figures in report["channels"].items():
        print(
            f"  {channel:<11} {figures['requests']:>7} requests  {figures['statuses']}"
            f"  p50 {figures['p50_ms']} ms  p99 {figures['p99_ms']} ms"
        )
    print(f"comments {report['comments']}; editor {report['editor']}; wires {report['wires']}")
    ref = v["reference_minute"]
    print(f"\nresident memory, MB (start / minute {ref} / end / max, end against minute {ref}):")
    for role, m in v["memory_within_10_percent"].items():
        if m.get("ok") is None:
            print(f"  {role:<18} not measured")
            continue
        print(
            f"  {role:<18} {m['start']:>7} {m['reference']:>7} {m['end']:>7} {m['max']:>7}"
            f"  {m['change']:+.1%}  {'ok' if m['ok'] else 'MISSED'}"
        )
    print(f"descriptors (start / highest by minute {ref} / end / max):")
    for role, d in v["descriptors_no_growth"].items():
        if d.get("ok") is not None:
            print(
                f"  {role:<18} {d['start']:>5} {d['ceiling_by_reference']:>5} {d['end']:>5}"
                f" {d['max']:>5}  {'ok' if d['ok'] else 'GREW'}"
            )
    for name in ("database_connections_no_growth", "redis_clients_no_growth"):
        d = v[name]
        print(f"{name.replace('_', ' ')}: {d}")
    print(
        "queue (ready+deferred) by minute:",
        " ".join(f"{m['queue']['ready']}+{m['queue']['deferred']}" for m in report["by_minute"]),
    )
    print(
        "load average (1 min) by minute:",
        " ".join(f"{m['load_average'][0]}" for m in report["by_minute"]),
    )
    print(f"processes restarted during the run: {v['pids_changed'] or 'none'}")
    print(f"0 errors: {'ok' if v['no_errors'] else 'MISSED'}")


STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def _stop_on_signal(number, frame):
    """End the run through the finally blocks; a second signal must not cut them short."""
    for other in STOP_SIGNALS:
        signal.signal(other, signal.SIG_IGN)
    sys.exit(128 + number)


def run(args, workdir: Path) -> dict:
    import redis

    var_dir = workdir / "var"
    var_dir.mkdir()
    wires_folder = workdir / "wires-in"
    wires_folder.mkdir()
    setup_log = workdir / "setup.log"
    state: dict = {}
    started_threads: list[threading.Thread] = []
    stop = threading.Event()
    monitor = None
    try:
        state["redis"], redis_url = start_redis(workdir)
        if args.database == "postgres":
            create_database(args.database_url)
            state["database_created"] = True
            database_url = args.database_url
        else:
            database_url = ""  # the embedded default: var_dir/kiosque.sqlite3
        port, edge_port = http_bench.free_port(), http_bench.free_port()
        env = http_bench.app_environment(database_url, port, var_dir, 60, redis_url)
        env.update(
            EDGE_URL=f"http://127.0.0.1:{edge_port}",
            WIRES_POLL_SECONDS="20",
            WIRES_FOLDER_SETTLE_SECONDS="1",
            SOAK_READER_PASSWORD=READER_PASSWORD,
            PYTHONUNBUFFERED="1",
        )
        # Children import this checkout's code, whichever checkout the venv was made in.
        env["PYTHONPATH"] = str(REPO)
        if not database_url:
            env.pop("DATABASE_URL")
        # The demo is built before the edge starts: no purge to send yet.
        dev = {**env, **http_bench.DEV, "EDGE_URL": ""}
        print("building the demo site (migrate, static files, demo newsroom)…", flush=True)
        for command in (
            ["migrate", "--no-input", "-v0"],
            ["createcachetable"],
            ["collectstatic", "--no-input", "-v0"],
            ["demo"],
        ):
            kiosque_run(command, dev, setup_log)
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                "setup",
                "--commenters",
                str(args.commenters),
                "--wires-folder",
                str(wires_folder),
            ],
            env=env,
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        if out.returncode:
            raise SystemExit(f"setting up the soak failed:\n{out.stderr[-3000:]}")
        setup = json.loads(out.stdout.strip().splitlines()[-1])
        server_log = workdir / "server.log"
        state["serve"] = subprocess.Popen(
            [KIOSQUE, "serve", "--workers", str(args.workers), "--threads", str(args.threads)],
            env=env,
            stdout=server_log.open("w"),
            stderr=subprocess.STDOUT,
            process_group=0,
        )
        http_bench.wait_for(f"http://127.0.0.1:{port}/healthz", state["serve"], server_log)
        edge_env = {**dev, "KIOSQUE_VAR_DIR": str(workdir)}
        edge_log = workdir / "edge.log"
        state["edge"] = subprocess.Popen(
            [
                KIOSQUE,
                "edge",
                "--skip-checks",
                "--port",
                str(edge_port),
                "--backend-port",
                str(port),
                "--memory",
                "64m",
            ],
            env=edge_env,
            stdout=edge_log.open("w"),
            stderr=subprocess.STDOUT,
            process_group=0,
        )
        http_bench.wait_for(f"http://127.0.0.1:{edge_port}/healthz", state["edge"], edge_log, 60)

        if database_url:
            monitor = PostgresMonitor(database_url)
        else:
            monitor = SqliteMonitor(var_dir / "kiosque.sqlite3")
        redis_client = redis.Redis.from_url(redis_url)
        app, edge = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{edge_port}"
        paths = Paths(setup["pages"] + setup["threads"])
        recorder = Recorder()
        tally: Counter = Counter()
        wires: Counter = Counter()
        until = time.time() + args.minutes * 60
        editor_log = workdir / "editor.log"
        state["editor"] = subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--child",
                "editor",
                "--editor-every",
                str(args.editor_every),
                "--until",
                str(until),
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=editor_log.open("w"),
            text=True,
            cwd=REPO,
            process_group=0,
        )
        editor: Counter = Counter()
        editor_errors: list[str] = []

        def follow_editor():
            for line in state["editor"].stdout:
                action = json.loads(line)
                editor[action["action"]] += 1
                if action["action"] == "error":
                    editor_errors.append(action["error"])
                elif action["action"] == "published":
                    paths.add(action["path"])

        workers = [threading.Thread(target=follow_editor, daemon=True)]
        per_thread = 2.0  # requests/s for one reader thread: many threads, one pace
        for channel, base, rate in (("edge", edge, args.edge_rps), ("app", app, args.app_rps)):
            count = max(1, round(rate / per_thread)) if rate else 0
            for n in range(count):
                workers.append(
                    threading.Thread(
                        target=reader,
                        daemon=True,
                        args=(
                            base,
                            channel,
                            rate / count,
                            paths,
                            recorder,
                            stop,
                            hash((channel, n)),
                        ),
                    )
                )
        for n, email in enumerate(setup["readers"]):
            workers.append(
                threading.Thread(
                    target=commenter,
                    daemon=True,
                    args=(app, setup, email, args.comment_every, recorder, stop, n, tally),
                )
            )
        if args.wires_every:
            workers.append(
                threading.Thread(
                    target=wire_dropper,
                    daemon=True,
                    args=(wires_folder, args.wires_every, stop, wires),
                )
            )
        recorder.started = time.monotonic()
        for worker in workers:
            worker.start()
            started_threads.append(worker)
        print(
            f"soak: {args.minutes} min; edge {edge}, application {app}; "
            f"{len(workers)} load threads; figures every minute",
            flush=True,
        )
        minutes = []
        for minute in range(1, args.minutes + 1):
            time.sleep(max(0.0, recorder.started + minute * 60 - time.monotonic()))
            figures = sample(state, monitor, redis_client)
            minutes.append(print_minute(minute, recorder.of_minute(minute), figures))
            for name in ("serve", "edge"):
                if state[name].poll() is not None:
                    raise SystemExit(f"`kiosque {name}` stopped during the soak")
        stop.set()
        for worker in workers[1:]:
            worker.join(timeout=40)
        state["editor"].wait(timeout=max(60, args.editor_every * 2))
        workers[0].join(timeout=10)
        # Wires dropped in the last seconds: give the worker one poll to take them.
        time.sleep(min(25, args.wires_every or 0))
        run_samples = recorder.of_run()
        total = summarise([s for samples in run_samples.values() for s in samples])
        report = {
            "minutes": args.minutes,
            "total": total,
            "channels": {ch: summarise(s) for ch, s in sorted(run_samples.items())},
            "comments": dict(tally),
            "editor": dict(editor) | ({"errors": editor_errors[:5]} if editor_errors else {}),
            "wires": dict(wires) | wire_files(wires_folder),
            "by_minute": minutes,
        }
        report["verdicts"] = verdicts(minutes, total)
        errors_in_logs = [
            line
            for line in server_log.read_text(errors="replace").splitlines()
            if "Traceback" in line or " ERROR " in line or "CRITICAL" in line
        ]
        report["server_log_errors"] = errors_in_logs[:20]
        if args.keep:
            report["workdir"] = str(workdir)
        return report
    finally:
        stop.set()
        for worker in started_threads:
            worker.join(timeout=5)
        for name in ("editor", "edge", "serve", "redis"):
            http_bench.stop(state.get(name))
        if monitor is not None:
            monitor.close()
        if state.get("database_created"):
            drop_database(args.database_url)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", choices=("setup", "editor"), help=argparse.SUPPRESS)
    parser.add_argument("--wires-folder", help=argparse.SUPPRESS)
    parser.add_argument("--until", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--minutes", type=int, default=30)
    parser.add_argument("--database", choices=("postgres", "sqlite"), default="postgres")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_SOAK_URL", f"{PG}/kq_bench_soak"),
        help="a database the run creates and drops (refused if it exists)",
    )
    parser.add_argument("--edge-rps", type=float, default=12.0, help="readers through Varnish")
    parser.add_argument("--app-rps", type=float, default=3.0, help="readers straight to the app")
    parser.add_argument("--commenters", type=int, default=6)
    parser.add_argument("--comment-every", type=float, default=45.0)
    parser.add_argument("--editor-every", type=float, default=60.0)
    parser.add_argument("--wires-every", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    if args.child == "setup":
        child_setup(args.commenters, args.wires_folder)
        return 0
    if args.child == "editor":
        child_editor(args.editor_every, args.until)
        return 0
    if not 1 <= args.minutes <= 24 * 60:
        parser.error("--minutes: from 1 to 1440")
    if not 0 <= args.edge_rps <= 500 or not 0 <= args.app_rps <= 100:
        parser.error("--edge-rps at most 500, --app-rps at most 100")
    if not 0 <= args.commenters <= 50 or args.comment_every < 21:
        parser.error("--commenters at most 50; --comment-every above the site's 20 s minimum")
    if args.editor_every < 5 or (args.wires_every and args.wires_every < 5):
        parser.error("--editor-every and --wires-every: 5 s or more")
    for program in ("varnishd", "redis-server"):
        if not shutil.which(program):
            raise SystemExit(f"{program} is missing (`make edge-packages`, apt redis-server)")

    workdir = Path(tempfile.mkdtemp(prefix="kiosque-soak-"))
    for number in STOP_SIGNALS:
        signal.signal(number, _stop_on_signal)
    try:
        report = run(args, workdir)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "machine": {"cpus": os.cpu_count(), "cpu_model": http_bench.cpu_model()},
        "settings": {k: v for k, v in vars(args).items() if k not in ("child", "until")},
        **report,
    }
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, default=str))
        print(f"figures: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
