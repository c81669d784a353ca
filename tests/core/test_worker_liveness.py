"""A worker killed in the middle of a task: another worker finishes it, once (decision 0074).

The drill: two real `kiosque worker` processes on a database of the test's own (a SQLite
file; a PostgreSQL database on the local server for the variant marked `postgres`), a
task that holds until the test releases it, the worker running it SIGKILLed in the
middle. The other must put the task back in the queue and run it to the end, exactly
once, within a bound: KIOSQUE_WORKER_LOST_SECONDS is 1.5 s here (30 s by default).

Then the reaper itself, in this process: what it requeues and what it leaves alone, two
reapers at once (PostgreSQL), a worker taken for lost while it ran a task, the wire
folder locks of a lost worker, and the bound's bad values.
"""

import contextlib
import json
import os
import secrets
import signal
import sqlite3
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.management import CommandError, call_command
from django.db.models.functions import Now
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kiosque.core import worker_liveness
from kiosque.core.models import WorkerHeartbeat
from tests.concurrency import on_postgresql, run_together
from tests.core.test_concurrent_writes_sqlite import kiosque, kiosque_env, marked_json, start

pytestmark = pytest.mark.processes

LOST_SECONDS = 1.5
WAIT_SECONDS = 90  # upper bound of every wait (process starts on a busy machine included)
# From the kill to the end of the task's second run: the bound, a beat, a poll, slack.
RECOVERY_SECONDS = LOST_SECONDS + LOST_SECONDS / 3 + 6

# Run once in `kiosque shell`: only the two tables the workers need (migrating the whole
# project would take half a minute), then the task, queued.
SETUP_SCRIPT = """
import os
from django.core.management import call_command
from tests.core.liveness_tasks import hold_until_released

call_command("migrate", "django_tasks_database", verbosity=0)
call_command("migrate", "core", verbosity=0)
result = hold_until_released.enqueue(folder=os.environ["TEST_FOLDER"])
print("QUEUED " + '"' + str(result.id) + '"')
"""


def runs(folder: Path) -> list[tuple[str, int]]:
    log = folder / "runs.log"
    if not log.exists():
        return []
    return [
        (word, int(pid))
        for word, pid in (line.split() for line in log.read_text().split("\n") if line)
    ]


def wait_for(condition, what: str, processes, seconds: float = WAIT_SECONDS):
    deadline = time.monotonic() + seconds
    while True:
        found = condition()
        if found:
            return found
        for process in processes:
            assert process.poll() is None, f"{process.name} stopped:\n{process.output()[-3000:]}"
        assert time.monotonic() < deadline, f"never: {what}\n" + "\n".join(
            f"--- {p.name}\n{p.output()[-2000:]}" for p in processes
        )
        time.sleep(0.05)


def kill_drill(tmp_path: Path, env: dict, read_database) -> None:
    folder = tmp_path / "task"
    folder.mkdir()
    env = {
        **env,
        "TEST_FOLDER": str(folder),
        worker_liveness.ENVIRONMENT_VARIABLE: str(LOST_SECONDS),
    }
    task_id = marked_json(kiosque("shell", "-c", SETUP_SCRIPT, env=env).stdout, "QUEUED")

    options = ["--no-schedule", "--no-reload", "--no-startup-delay", "--interval", "0.1"]
    workers = {
        name: start(name, ["worker", *options, "--worker-id", name], env, tmp_path)
        for name in ("worker-a", "worker-b")
    }
    try:
        # One of them claims the task, which holds in the middle.
        (word, pid), *_ = wait_for(lambda: runs(folder), "the task started", workers.values())
        assert word == "start"
        killed = next(w for w in workers.values() if w.popen.pid == pid)
        survivor = next(w for w in workers.values() if w is not killed)
        os.kill(pid, signal.SIGKILL)
        killed.popen.wait(timeout=10)
        killed_at = time.monotonic()
        (folder / "release").touch()

        # The other notices, requeues, runs it from the start and to the end.
        wait_for(
            lambda: any(word == "done" for word, _ in runs(folder)),
            "the task finished",
            [survivor],
        )
        recovered_in = time.monotonic() - killed_at
        print(f"task finished by the other worker {recovered_in:.1f} s after the kill")
        assert recovered_in < RECOVERY_SECONDS
        # A few more beats: nothing runs it again.
        time.sleep(LOST_SECONDS + LOST_SECONDS / 3)
        survivor.popen.send_signal(signal.SIGTERM)
        assert survivor.wait(timeout=30) == 0, survivor.output()[-3000:]
    finally:
        for worker in workers.values():
            worker.stop_for_good()

    # Side effects: the killed run started, the survivor's run started and ended, once.
    assert runs(folder) == [
        ("start", killed.popen.pid),
        ("start", survivor.popen.pid),
        ("done", survivor.popen.pid),
    ]
    status, worker_ids, return_value, heartbeats = read_database(task_id)
    assert status == "SUCCESSFUL"
    assert worker_ids == [killed.name, survivor.name]
    assert return_value == survivor.popen.pid
    # The killed worker's row was reaped, the survivor's removed when it stopped.
    assert heartbeats == []
    assert "back in the queue: worker " + killed.name in survivor.output()
    # (The wire desk's lock release fails on this database without its tables: logged.)
    assert "heartbeat failed" not in survivor.output(), survivor.output()[-3000:]
    assert "heartbeat not written" not in survivor.output(), survivor.output()[-3000:]


def test_a_killed_workers_task_is_finished_once_by_the_other_on_sqlite(tmp_path):
    env = kiosque_env(tmp_path / "var", 0)
    database = tmp_path / "var" / "kiosque.sqlite3"

    def read_database(task_id):
        with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
            status, worker_ids, return_value = db.execute(
                "SELECT status, worker_ids, return_value FROM django_tasks_database_dbtaskresult"
                " WHERE id = ?",
                (task_id.replace("-", ""),),
            ).fetchone()
            heartbeats = db.execute("SELECT worker_id FROM core_workerheartbeat").fetchall()
        return status, json.loads(worker_ids), json.loads(return_value), heartbeats

    kill_drill(tmp_path, env, read_database)


@pytest.fixture
def fresh_postgresql_database():
    """An empty database on the PostgreSQL server of DATABASE_URL, dropped afterwards."""
    import psycopg

    on_postgresql()
    server = urlsplit(os.environ["DATABASE_URL"])
    name = f"kiosque_liveness_{secrets.token_hex(4)}"
    admin = urlunsplit(server._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(server._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_a_killed_workers_task_is_finished_once_by_the_other_on_postgresql(
    tmp_path, fresh_postgresql_database
):
    import psycopg

    env = kiosque_env(tmp_path / "var", 0, DATABASE_URL=fresh_postgresql_database)

    def read_database(task_id):
        with psycopg.connect(fresh_postgresql_database) as db:
            status, worker_ids, return_value = db.execute(
                "SELECT status, worker_ids, return_value FROM django_tasks_database_dbtaskresult"
                " WHERE id = %s",
                (task_id,),
            ).fetchone()
            heartbeats = db.execute("SELECT worker_id FROM core_workerheartbeat").fetchall()
        return status, worker_ids, return_value, heartbeats

    kill_drill(tmp_path, env, read_database)


# --- the reaper, in this process --------------------------------------------------------


def heartbeat(worker_id: str, seconds_ago: float) -> WorkerHeartbeat:
    return WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        host="redaction-1",
        pid=4242,
        started_at=Now(),
        last_seen=Now() - timedelta(seconds=seconds_ago),
    )


def running_task(*worker_ids: str, path: str = "kiosque.search.tasks.search_index_articles"):
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path=path,
        backend_name="default",
        run_after=timezone.now(),
        status="RUNNING",
        started_at=timezone.now(),
        worker_ids=list(worker_ids),
    )


@pytest.mark.django_db
def test_only_the_tasks_of_workers_unseen_past_the_bound_go_back(monkeypatch):
    released = []
    monkeypatch.setattr(worker_liveness, "_lost_worker_hooks", {"test": released.append})
    heartbeat("lost", seconds_ago=60)
    heartbeat("alive", seconds_ago=1)
    heartbeat("me", seconds_ago=60)  # the caller, whose own beat is late: never itself
    of_the_lost = running_task("alive", "lost")  # claimed again by `lost` after `alive`
    of_the_alive = running_task("lost", "alive")
    of_mine = running_task("me")
    of_an_unknown = running_task("old-version")  # no heartbeat row: dead or busy, unknown
    finished = running_task("lost")
    DBTaskResult.objects.filter(pk=finished.pk).update(status="SUCCESSFUL")

    requeued = worker_liveness.requeue_tasks_of_lost_workers(lost_after=30, sparing="me")

    assert requeued == [str(of_the_lost.pk)]
    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert statuses == {
        of_the_lost.pk: "READY",
        of_the_alive.pk: "RUNNING",
        of_mine.pk: "RUNNING",
        of_an_unknown.pk: "RUNNING",
        finished.pk: "SUCCESSFUL",
    }
    requeued_task = DBTaskResult.objects.get(pk=of_the_lost.pk)
    assert requeued_task.started_at is None
    assert requeued_task.worker_ids == ["alive", "lost"]  # the history stays
    assert sorted(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["alive", "me"]
    assert released == ["lost"]
    # Once reaped, the lost worker is nobody's business any more.
    assert worker_liveness.requeue_tasks_of_lost_workers(lost_after=30, sparing="me") == []
    assert released == ["lost"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_reapers_at_once_requeue_a_lost_workers_tasks_once():
    on_postgresql()
    heartbeat("lost", seconds_ago=60)
    tasks = [running_task("lost") for _ in range(3)]

    outcomes = run_together(
        [
            lambda: worker_liveness.requeue_tasks_of_lost_workers(lost_after=30, sparing="a"),
            lambda: worker_liveness.requeue_tasks_of_lost_workers(lost_after=30, sparing="b"),
        ]
    )

    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert sorted(outcomes[0] + outcomes[1]) == sorted(str(t.pk) for t in tasks)
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"READY"}
    assert not WorkerHeartbeat.objects.exists()


class Fenced(Exception):
    pass


@pytest.mark.django_db
def test_a_worker_reaped_while_it_ran_a_task_stops_and_leaves_its_row_to_be_reaped(
    monkeypatch,
):
    beat = worker_liveness.Heartbeat("frozen", lost_after=3)
    monkeypatch.setattr(beat, "fence", lambda task: (_ for _ in ()).throw(Fenced(task)))
    beat.register()
    WorkerHeartbeat.objects.filter(worker_id="frozen").update(last_seen=Now())
    beat.beat()  # its row is there: refreshed, nothing else
    assert WorkerHeartbeat.objects.filter(worker_id="frozen").count() == 1

    # Taken for lost while idle: it comes back and goes on.
    WorkerHeartbeat.objects.all().delete()
    beat.beat()
    assert WorkerHeartbeat.objects.filter(worker_id="frozen").exists()

    # Taken for lost while it ran a task: the task is someone else's now, it stops. Its
    # row is back, already past the bound, so what it still held is requeued.
    beat.task_in_progress = "4f1c"
    WorkerHeartbeat.objects.all().delete()
    with pytest.raises(Fenced, match="4f1c"):
        beat.beat()
    mine = running_task("frozen")
    assert worker_liveness.requeue_tasks_of_lost_workers(lost_after=3, sparing="x") == [
        str(mine.pk)
    ]


@pytest.mark.django_db
def test_a_lost_workers_wire_folder_locks_are_released_and_no_one_elses(tmp_path, newsroom):
    from kiosque.wires.models import WireSource
    from kiosque.wires.sources import locks_of_lost_worker_released

    WireSource.objects.create(
        name="afp-drop", agency=newsroom.agency, kind=WireSource.Kind.FOLDER, folder=str(tmp_path)
    )
    (tmp_path / ".depeche-1.xml.lock").write_text("lost")
    (tmp_path / ".depeche-2.xml.lock").write_text("alive")
    (tmp_path / ".depeche-3.xml.lock").write_text("")  # a CLI poll's: no worker id

    assert locks_of_lost_worker_released("lost") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".depeche-2.xml.lock",
        ".depeche-3.xml.lock",
    ]
    assert locks_of_lost_worker_released("") == 0  # an empty id matches nothing


@pytest.mark.parametrize("bad", ["0", "-5", "abc", "nan", "inf", "0.1", "7200"])
def test_a_bad_bound_stops_the_worker_with_a_clear_message(bad, monkeypatch, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with pytest.raises(ValueError):
        worker_liveness.lost_seconds(bad)
    with pytest.raises(CommandError, match="--lost-after or KIOSQUE_WORKER_LOST_SECONDS"):
        call_command("worker", "--lost-after", bad)
    monkeypatch.setenv(worker_liveness.ENVIRONMENT_VARIABLE, bad)
    with pytest.raises(ValueError, match="KIOSQUE_WORKER_LOST_SECONDS"):
        worker_liveness.lost_seconds_from_environment()
    with pytest.raises(CommandError, match=f"'{bad}'"):
        call_command("worker")  # the environment's value is checked like the option's


def test_the_bound_defaults_to_30_seconds_and_reads_the_environment(monkeypatch):
    monkeypatch.delenv(worker_liveness.ENVIRONMENT_VARIABLE, raising=False)
    assert worker_liveness.lost_seconds_from_environment() == 30
    monkeypatch.setenv(worker_liveness.ENVIRONMENT_VARIABLE, " 45 ")
    assert worker_liveness.lost_seconds_from_environment() == 45
