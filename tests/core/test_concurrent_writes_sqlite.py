"""The web server, the worker and the CLI write to one SQLite file at the same time.

The promise of `database_from_environment` (WAL, IMMEDIATE transactions, a busy
timeout) is that a single-machine Kiosque never answers "database is locked". This
test keeps that promise honest with real, separate OS processes on one SQLite file:

* `kiosque serve --no-worker` (gunicorn, two processes) takes 40 simultaneous admin
  log-ins: each writes a session row and the user's `last_login`;
* `kiosque worker --batch` runs queued rendition tasks: each writes rendition rows
  and its own task result;
* `kiosque demo --renditions-by-worker` writes the whole demo newsroom (42 articles
  with their pictures; the pictures' renditions are queued, not made: they are CPU,
  not writes, and the worker already makes renditions).
"""

import contextlib
import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

LOCKED = "database is locked"
IMAGES = 8
# The worker stops after the test's tasks (three per image: its renditions, Wagtail's
# reference and search indexes) and this many of those the demo queues (its pictures'
# renditions, the indexes of its pages): writes overlapping the demo's, bounded.
TASKS_PER_IMAGE = 3
DEMO_TASKS_RUN = 12
LOGINS = 40
USERNAME = "redaction-essai"
TASK_PATH = "kiosque.newsroom.tasks.pregenerate_image_renditions"
DEMO_ARTICLES = 42
DEMO_LIVES = 2  # a running live and an ended one (kiosque/demo/lives.py): articles too
WAIT_SECONDS = 150  # upper bound of every wait; the whole test normally takes < 60 s

# Run inside `kiosque shell` (one process start instead of several): the database
# cache table, a staff account for the log-ins, then IMAGES pictures whose renditions
# are left to the worker.
SETUP_SCRIPT = """
import io, json, os
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.files.images import ImageFile
from PIL import Image
from kiosque.newsroom.models import NewsImage

call_command("createcachetable")
get_user_model().objects.create_superuser(
    username=os.environ["TEST_USERNAME"],
    email="essai@kiosque.invalid",
    password=os.environ["TEST_PASSWORD"],
)
tasks = []
for number in range(int(os.environ["TEST_IMAGES"])):
    noise = Image.effect_noise((1280, 720), 40 + number)
    ramp = Image.linear_gradient("L").resize((1280, 720))
    picture = Image.merge("RGB", (noise, ramp, ramp.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    jpeg = io.BytesIO()
    picture.save(jpeg, "JPEG", quality=85)
    image = NewsImage(title=f"Essai {number}", description=f"Image d'essai {number}")
    image.file = ImageFile(io.BytesIO(jpeg.getvalue()), name=f"essai-{number}.jpg")
    image.save()  # queues its renditions for the worker (newsroom.signals)
    tasks.append({"image": image.pk})
# Taken first by the worker, before those the demo queues (its --max-tasks bound).
from django_tasks_db.models import DBTaskResult
DBTaskResult.objects.filter(status="READY").update(priority=10)
print("SETUP " + json.dumps(tasks))
"""

# Run inside `kiosque shell` once every process has stopped.
REPORT_SCRIPT = """
import json, os
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django_tasks_db.models import DBTaskResult
from kiosque.api.pictures import FULL_SPEC
from kiosque.distribution.images import SHARE_SPECS
from kiosque.newsroom.images import arrival_specs
from kiosque.newsroom.models import ArticlePage, NewsImage

User = get_user_model()
ids = json.loads(os.environ["TEST_IMAGE_IDS"])
results = [
    r for r in DBTaskResult.objects.filter(task_path=os.environ["TEST_TASK_PATH"])
    if r.args_kwargs["kwargs"].get("image_id") in ids
]
# What an image gets on arrival (the widest files wait until a page shows them, 0069).
specs = set(arrival_specs(NewsImage.objects.get(pk=ids[0])))
specs |= {share.spec for share in SHARE_SPECS}  # the 1:1, 4:3 and 16:9 sharing images
specs.add(FULL_SPEC)  # the uncropped picture the API's ninjs offers
print("REPORT " + json.dumps({
    "tasks": [
        {"status": r.status, "return_value": r.return_value, "traceback": r.traceback,
         "image": r.args_kwargs["kwargs"]["image_id"]}
        for r in results
    ],
    "specs": len(specs),
    "renditions": {
        str(image.pk): image.renditions.count()
        for image in NewsImage.objects.filter(pk__in=ids)
    },
    "failed_tasks": [
        (r.task_path, r.traceback[-2000:]) for r in DBTaskResult.objects.failed()
    ],
    "worker_tasks": DBTaskResult.objects.successful().count(),
    "articles": ArticlePage.objects.count(),
    "live_articles": ArticlePage.objects.live().count(),
    "sessions": Session.objects.count(),
    "last_login": str(User.objects.get(username=os.environ["TEST_USERNAME"]).last_login),
}))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def kiosque_env(var_dir: Path, port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        KIOSQUE_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="kiosque.settings.dev",
        PORT=str(port),
        HOST="127.0.0.1",
        PYTHONUNBUFFERED="1",
        **extra,
    )
    env.pop("BASE_URL", None)
    return env


def kiosque(*args: str, env: dict, timeout: float = WAIT_SECONDS) -> subprocess.CompletedProcess:
    """Run one CLI command to completion; its output is checked like everyone else's."""
    done = subprocess.run(
        [sys.executable, "-m", "kiosque", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, f"kiosque {args[0]} failed:\n{done.stdout}\n{done.stderr}"
    assert LOCKED not in done.stdout + done.stderr, f"kiosque {args[0]}:\n{done.stderr}"
    return done


def marked_json(output: str, marker: str):
    line = next(line for line in output.splitlines() if line.startswith(marker + " "))
    return json.loads(line.removeprefix(marker + " "))


@dataclass
class Process:
    """A long-running command whose output goes to a file (a pipe could fill up)."""

    name: str
    popen: subprocess.Popen
    log: Path
    started: float = field(default_factory=time.monotonic)
    ended: float | None = None

    def poll(self) -> int | None:
        code = self.popen.poll()
        if code is not None and self.ended is None:
            self.ended = time.monotonic()
        return code

    def wait(self, timeout: float) -> int:
        try:
            code = self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(
                f"{self.name} still running after {timeout:.0f} s:\n{self.output()[-3000:]}"
            ) from None
        self.poll()
        return code

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def stop_for_good(self) -> None:
        """Last resort in `finally`: the whole process group, so no child survives."""
        if self.popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=10)


def start(name: str, args: list[str], env: dict, logs: Path) -> Process:
    log = logs / f"{name}.log"
    with log.open("wb") as out:
        popen = subprocess.Popen(
            [sys.executable, "-m", "kiosque", *args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: killable as a whole
        )
    return Process(name, popen, log)


def wait_until_healthy(port: int, server: Process) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, f"the server stopped:\n{server.output()}"
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"the server never answered /healthz:\n{server.output()}")


@contextlib.contextmanager
def watching(*watched: Process):
    """Notice the moment each process ends (`Process.ended`) while the test is busy."""
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            for process in watched:
                process.poll()
            time.sleep(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        yield
    finally:
        stop.set()
        watcher.join(timeout=5)


def wait_for_output(process: Process, text: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while text not in process.output():
        assert process.poll() is None, f"{process.name} stopped:\n{process.output()[-3000:]}"
        assert time.monotonic() < deadline, f"{process.name} never wrote {text!r}"
        time.sleep(0.1)


@dataclass
class LogIn:
    status: int | None = None
    location: str = ""
    session_cookie: bool = False
    error: str = ""
    seconds: float = 0.0
    finished: float = 0.0  # time.monotonic()


def log_in(port: int, password: str, start_together: threading.Barrier, desk: int) -> LogIn:
    """One editor logging in to the admin: CSRF cookie and token first, then the form.

    Each editor connects from their own loopback address (127.0.0.<desk>), as from their
    own desk: log-in rate limits count per address, and 40 log-ins from one address in
    a minute would rightly be refused.
    """
    outcome = LogIn()
    begun = time.monotonic()
    posting = False
    address = ("127.0.0.1", port)
    options = {"timeout": WAIT_SECONDS, "source_address": (f"127.0.0.{desk}", 0)}
    try:
        connection = http.client.HTTPConnection(*address, **options)
        connection.request("GET", "/admin/login/")
        page = connection.getresponse()
        html = page.read().decode()
        connection.close()
        assert page.status == 200, f"GET /admin/login/ answered {page.status}"
        cookies = SimpleCookie()
        for header in page.headers.get_all("Set-Cookie") or []:
            cookies.load(header)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        posting = True
        start_together.wait(timeout=WAIT_SECONDS)
        begun = time.monotonic()
        # A new connection: gunicorn closes idle keep-alive connections after 2 s.
        connection = http.client.HTTPConnection(*address, **options)
        connection.request(
            "POST",
            "/admin/login/",
            body=urlencode(
                {"csrfmiddlewaretoken": token, "username": USERNAME, "password": password}
            ),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookies['csrftoken'].value}",
            },
        )
        answer = connection.getresponse()
        body = answer.read().decode(errors="replace")
        outcome.status = answer.status
        outcome.location = answer.headers.get("Location", "")
        outcome.session_cookie = any(
            header.startswith("sessionid=") for header in answer.headers.get_all("Set-Cookie") or []
        )
        if answer.status != 302:
            outcome.error = body[:500]
        connection.close()
    except Exception as error:
        outcome.error = f"{type(error).__name__}: {error}"
        if not posting:
            start_together.abort()  # nobody waits for an editor who never got the form
    outcome.finished = time.monotonic()
    outcome.seconds = outcome.finished - begun
    return outcome


def run_log_ins(port: int, password: str, before_posting) -> list[LogIn]:
    """LOGINS editors open the log-in page, then all post it at once after `before_posting()`."""
    outcomes: list[LogIn] = [LogIn() for _ in range(LOGINS)]
    start_together = threading.Barrier(LOGINS + 1)

    def one(index: int) -> None:
        outcomes[index] = log_in(port, password, start_together, desk=10 + index)

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(LOGINS)]
    for thread in threads:
        thread.start()
    try:
        before_posting()
    except BaseException:
        start_together.abort()
        raise
    with contextlib.suppress(threading.BrokenBarrierError):  # each thread reports it
        start_together.wait(timeout=WAIT_SECONDS)
    for thread in threads:
        thread.join(timeout=WAIT_SECONDS)
    assert not any(thread.is_alive() for thread in threads), "some log-ins never finished"
    return outcomes


@pytest.mark.slow(
    reason="three real processes (gunicorn, the worker, `kiosque demo`) on one SQLite file: "
    "the demo build is the CLI's share of the writes, and overlapping them is the point"
)
def test_server_worker_and_cli_write_the_same_sqlite_file_at_once(tmp_path):
    var_dir = tmp_path / "var"
    logs = tmp_path / "logs"
    logs.mkdir()
    port = free_port()
    password = secrets.token_urlsafe(18)
    env = kiosque_env(
        var_dir,
        port,
        TEST_USERNAME=USERNAME,
        TEST_PASSWORD=password,
        TEST_IMAGES=str(IMAGES),
    )

    processes: list[Process] = []
    try:
        # The admin's log-in page needs the collected static files (manifest storage);
        # collecting them touches no database, so it runs while the database is made.
        collect = start("collectstatic", ["collectstatic", "--no-input", "-v", "0"], env, logs)
        processes.append(collect)
        kiosque("migrate", "--no-input", env=env)
        queued = marked_json(kiosque("shell", "-c", SETUP_SCRIPT, env=env).stdout, "SETUP")
        assert len(queued) == IMAGES
        assert collect.wait(timeout=WAIT_SECONDS) == 0, collect.output()

        # The server starts first, as in production: `serve` writes the Site record at
        # start-up, and racing it against the demo's very first transaction (which
        # replaces Wagtail's placeholder site) is a different, known problem.
        server = start("serve", ["serve", "--workers", "2", "--no-worker"], env, logs)
        processes.append(server)
        wait_until_healthy(port, server)

        # (c) the CLI and (b) the worker start writing...
        demo = start("demo", ["demo", "--renditions-by-worker"], env, logs)
        worker = start(
            "worker",
            [
                "worker",
                "--batch",
                "--no-startup-delay",
                "--max-tasks",
                str(IMAGES * TASKS_PER_IMAGE + DEMO_TASKS_RUN),
            ],
            env,
            logs,
        )
        processes += [demo, worker]

        # ...and (a) the editors, who opened the log-in page meanwhile, log in once the
        # demo is writing its articles.
        def once_the_demo_writes_articles() -> None:
            nonlocal log_ins_started, writing_when_log_ins_started
            wait_for_output(demo, "[1/42]")
            log_ins_started = time.monotonic()
            writing_when_log_ins_started = demo.poll() is None and worker.poll() is None

        log_ins_started, writing_when_log_ins_started = 0.0, False
        with watching(demo, worker):
            outcomes = run_log_ins(port, password, once_the_demo_writes_articles)
        log_ins_seconds = time.monotonic() - log_ins_started

        worker_code = worker.wait(timeout=WAIT_SECONDS)
        demo_code = demo.wait(timeout=WAIT_SECONDS)
        server_running_to_the_end = server.poll() is None
        server.popen.send_signal(signal.SIGTERM)
        server_code = server.wait(timeout=30)
    finally:
        for process in processes:
            process.stop_for_good()

    # Shown with -s: the margin left under SQLite's 30 s busy timeout.
    slowest = max(outcome.seconds for outcome in outcomes)
    demo_end = demo.ended or time.monotonic()
    during_demo = sum(outcome.finished < demo_end for outcome in outcomes)
    print(
        f"{LOGINS} log-ins in {log_ins_seconds:.1f} s, the slowest took {slowest:.1f} s;"
        f" {during_demo} done while the demo wrote (it ended {demo_end - log_ins_started:.1f} s"
        " after the first log-in began)"
    )

    outputs = {process.name: process.output() for process in processes}
    for name, output in outputs.items():
        assert LOCKED not in output, f"{name} saw {LOCKED!r}:\n{output[-5000:]}"
        assert "Traceback" not in output, f"{name} failed somewhere:\n{output[-5000:]}"

    # Every process exits cleanly, the server only when asked to.
    assert server_running_to_the_end, f"the server stopped early:\n{outputs['serve'][-3000:]}"
    tails = {name: output[-2000:] for name, output in outputs.items()}
    assert (worker_code, demo_code, server_code) == (0, 0, 0), tails

    # The writers really overlapped: the demo and the worker were both writing when the
    # editors logged in, and the worker ran tasks that the demo queued as it published
    # (Wagtail's search and reference index updates).
    assert writing_when_log_ins_started
    assert "path=wagtail.tasks.update_reference_index_task state=SUCCESSFUL" in outputs["worker"]

    # (a) Every log-in succeeded, and each one opened a session.
    failures = [o for o in outcomes if o.status != 302 or not o.session_cookie]
    assert not failures, f"{len(failures)} failed, e.g. {failures[:3]}\n{outputs['serve'][-3000:]}"
    assert {o.location for o in outcomes} == {"/admin/"}

    # (c) The demo newsroom is complete.
    assert f"Demo ready: {DEMO_ARTICLES} articles created, 0 already there." in outputs["demo"]

    report = marked_json(
        kiosque(
            "shell",
            "-c",
            REPORT_SCRIPT,
            env={
                **env,
                "TEST_IMAGE_IDS": json.dumps([t["image"] for t in queued]),
                "TEST_TASK_PATH": TASK_PATH,
            },
        ).stdout,
        "REPORT",
    )
    # The demo also holds a withdrawn, a scheduled and an in-review article, never live.
    assert report["live_articles"] == DEMO_ARTICLES + DEMO_LIVES
    assert report["articles"] == DEMO_ARTICLES + DEMO_LIVES + 3
    assert report["sessions"] >= LOGINS
    assert report["last_login"] != "None"

    # (b) Every rendition task succeeded, and every image has all its renditions.
    tasks = report["tasks"]
    assert len(tasks) == IMAGES
    failed = [t for t in tasks if t["status"] != "SUCCESSFUL"]
    assert not failed, failed
    assert {t["return_value"] for t in tasks} == {report["specs"]}
    assert report["renditions"] == {str(t["image"]): report["specs"] for t in queued}
    worker_log = outputs["worker"]
    # The demo's own pictures queue theirs too: at least the test's ran.
    assert worker_log.count(f"path={TASK_PATH} state=SUCCESSFUL") >= IMAGES, worker_log[-3000:]
    # Wagtail queues its own tasks as the demo publishes (search and reference index):
    # the worker ran those at the same time, and none of them may have failed either.
    assert "state=FAILED" not in worker_log, worker_log[-5000:]
    assert report["failed_tasks"] == [], report["failed_tasks"]
