"""`kiosque worker` outlives a database outage (issue 19, decision 0081).

The database "goes away" in this process: while tests.core.outage_tasks.OUTAGE lasts,
the worker's calls to it fail as against a restarting PostgreSQL (recording a task's
end, looking for tasks, its tries to reach the server again). The calls are played,
not the connection broken: the test's transaction stays usable (a failed save would
mark it for rollback, a closed connection would end it). tests/faults restarts a real
PostgreSQL under a running worker.
"""

import logging

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult, DBTaskResultQuerySet

from kiosque.core.management.commands import worker as worker_command
from tests.core import outage_tasks
from tests.core.outage_tasks import OUTAGE, RUNS

pytestmark = pytest.mark.django_db

# The worker's three tries to record the task's end, then two tries to reach the server.
CALLS_FAILING_AFTER_AN_INTERRUPTION = 3 + 2


@pytest.fixture
def outage(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    real_save, real_get_locked = DBTaskResult.save, DBTaskResultQuerySet.get_locked

    def save(task, *args, **kwargs):
        if OUTAGE.fails():
            raise OperationalError("terminating connection due to administrator command")
        return real_save(task, *args, **kwargs)

    def get_locked(queryset):
        if OUTAGE.fails():
            raise OperationalError("the database system is shutting down")
        return real_get_locked(queryset)

    # In a test's transaction, Django's check of old connections closes the connection
    # (its autocommit looks changed), and with it the transaction: not here.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    worker = worker_command.ResilientWorker
    monkeypatch.setattr(DBTaskResult, "save", save)
    monkeypatch.setattr(DBTaskResultQuerySet, "get_locked", get_locked)
    monkeypatch.setattr(worker, "database_answers", staticmethod(lambda: not OUTAGE.fails()))
    monkeypatch.setattr(worker, "drop_connections", staticmethod(lambda: None))
    monkeypatch.setattr(worker_command, "OUTAGE_FIRST_WAIT_SECONDS", 0.01)
    monkeypatch.setattr(worker_command, "OUTAGE_LONGEST_WAIT_SECONDS", 0.05)
    monkeypatch.setattr(worker, "configure_signals", lambda self: None)  # pytest's stay
    RUNS.clear()
    OUTAGE.failing_calls = 0
    OUTAGE.length = CALLS_FAILING_AFTER_AN_INTERRUPTION
    yield OUTAGE
    OUTAGE.failing_calls = 0


def run_worker() -> None:
    """`kiosque worker` until the queue is empty; it returns instead of exiting."""
    call_command(
        "worker", "--batch", "--no-schedule", "--no-reload", "--no-startup-delay",
        "--interval", "0", "--worker-id", "outage-test", verbosity=0,
    )  # fmt: skip


def new_worker() -> worker_command.ResilientWorker:
    return worker_command.ResilientWorker(
        queue_names=["default"], excluded_queue_names=[], interval=0, batch=True,
        backend_name="default", startup_delay=False, max_tasks=None, worker_id="outage-test",
    )  # fmt: skip


def statuses() -> dict[str, tuple[str, list[str]]]:
    return {
        task.args_kwargs["args"][0]: (task.status, task.worker_ids)
        for task in DBTaskResult.objects.all()
    }


def outage_warnings(caplog) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "kiosque.worker" and "database is unreachable" in r.getMessage()
    ]


def test_the_worker_waits_out_outages_and_runs_the_interrupted_task_again(outage, caplog):
    caplog.set_level(logging.WARNING, logger="kiosque.worker")
    outage_tasks.interrupted.enqueue("A")
    outage_tasks.noted.enqueue("B")

    run_worker()  # before: the recording of A's failure raised, and the worker exited

    assert RUNS == ["A", "A", "B"]  # A again from the start, then the next task
    assert statuses() == {
        "A": ("SUCCESSFUL", ["outage-test", "outage-test"]),
        "B": ("SUCCESSFUL", ["outage-test"]),
    }
    assert len(outage_warnings(caplog)) == 1, caplog.text  # one per outage, not per try
    assert "back in the queue after the outage" in caplog.text

    # An outage while the worker looks for tasks: the poll, then two tries to reconnect.
    caplog.clear()
    outage_tasks.noted.enqueue("C")
    outage.length = 3
    outage.start()

    run_worker()

    assert RUNS[3:] == ["C"]
    assert statuses()["C"] == ("SUCCESSFUL", ["outage-test"])
    assert len(outage_warnings(caplog)) == 1, caplog.text
    assert "answers again after" in caplog.text


def test_a_task_interrupted_at_every_run_is_recorded_failed_after_three(outage):
    outage_tasks.interrupted.enqueue("poison", every_time=True)
    outage_tasks.noted.enqueue("B")

    run_worker()

    assert RUNS == ["poison"] * worker_command.MAX_INTERRUPTIONS + ["B"]
    failed = DBTaskResult.objects.get(args_kwargs__args=["poison"])
    assert failed.status == "FAILED"
    assert failed.exception_class_path.endswith("InterruptedByDatabaseOutage")
    assert statuses()["B"] == ("SUCCESSFUL", ["outage-test"])


def test_an_interrupted_task_claimed_since_by_another_worker_is_left_to_it(settings):
    """Another worker's reaper requeued it during the outage, and a worker claimed it
    again: this worker's requeue must not take it back."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    task = outage_tasks.noted.enqueue("C")
    row = DBTaskResult.objects.get(pk=task.id)
    row.claim("outage-test")
    row.claim("other-worker")  # the other's later claim
    mine = outage_tasks.noted.enqueue("D")
    DBTaskResult.objects.get(pk=mine.id).claim("outage-test")
    worker = new_worker()

    assert worker.requeue_interrupted_tasks() == [str(mine.id)]
    assert DBTaskResult.objects.get(pk=task.id).status == "RUNNING"
    assert DBTaskResult.objects.get(pk=mine.id).status == "READY"


def test_errors_again_soon_after_the_return_are_one_outage_with_a_growing_wait(outage, caplog):
    """A server that answers the worker's check, then fails its next query, again and
    again: no busy loop, no warning at each turn."""
    caplog.set_level(logging.WARNING, logger="kiosque.worker")
    worker = new_worker()
    waits = []
    for _ in range(4):
        waits.append(worker.wait)
        assert worker.wait_for_database(OperationalError("the connection is closed"))

    assert waits == [0.01, 0.02, 0.04, 0.05]  # doubling, up to the longest
    assert len(outage_warnings(caplog)) == 1, caplog.text
