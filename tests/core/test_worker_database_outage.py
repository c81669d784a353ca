"""`kiosque worker` outlives a database outage (issue 19, decision 0081).

The database "goes away" in this process: an execute wrapper makes every query fail
while tests.core.outage_tasks.OUTAGE lasts, as a restarting PostgreSQL does (the task
running then, the worker's attempts to record its end, its first tries to reach the
server again). tests/faults restarts a real PostgreSQL under a running worker.
"""

import logging

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django_tasks_db.models import DBTaskResult

from kiosque.core.management.commands import worker as worker_command
from tests.core import outage_tasks
from tests.core.outage_tasks import OUTAGE, RUNS

# The worker closes connections, and a failed save marks an enclosing transaction for
# rollback: the worker runs in real transactions here, as in production. Only the two
# apps it needs, whose tables alone are emptied after each test.
transactional = pytest.mark.django_db(
    transaction=True, available_apps=["django_tasks_db", "kiosque.core"]
)

# The worker's three tries to record the task's end, then two tries to reach the server.
QUERIES_FAILING_AFTER_AN_INTERRUPTION = 3 + 2


def fail_during_outage(execute, sql, params, many, context):
    if OUTAGE.starts_at_the_poll and "dbtaskresult" in sql:
        OUTAGE.starts_at_the_poll = False
        OUTAGE.start()
    if OUTAGE.failing_queries > 0:
        OUTAGE.failing_queries -= 1
        raise OperationalError("the database system is shutting down")
    return execute(sql, params, many, context)


@pytest.fixture
def outage(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(worker_command, "OUTAGE_FIRST_WAIT_SECONDS", 0.01)
    # The test runner's own signal handlers stay.
    monkeypatch.setattr(worker_command.ResilientWorker, "configure_signals", lambda self: None)
    RUNS.clear()
    OUTAGE.failing_queries = 0
    OUTAGE.starts_at_the_poll = False
    OUTAGE.length = QUERIES_FAILING_AFTER_AN_INTERRUPTION
    with connection.execute_wrapper(fail_during_outage):
        yield OUTAGE
    OUTAGE.failing_queries = 0


def run_worker() -> None:
    """`kiosque worker` until the queue is empty; it returns instead of exiting."""
    call_command(
        "worker", "--batch", "--no-schedule", "--no-reload", "--no-startup-delay",
        "--interval", "0", "--worker-id", "outage-test", verbosity=0,
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


@transactional
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
    outage.starts_at_the_poll = True

    run_worker()

    assert RUNS[3:] == ["C"]
    assert statuses()["C"] == ("SUCCESSFUL", ["outage-test"])
    assert len(outage_warnings(caplog)) == 1, caplog.text
    assert "answers again after" in caplog.text


@transactional
def test_a_task_interrupted_at_every_run_is_recorded_failed_after_three(outage):
    outage_tasks.interrupted.enqueue("poison", every_time=True)
    outage_tasks.noted.enqueue("B")

    run_worker()

    assert RUNS == ["poison"] * worker_command.MAX_INTERRUPTIONS + ["B"]
    failed = DBTaskResult.objects.get(args_kwargs__args=["poison"])
    assert failed.status == "FAILED"
    assert failed.exception_class_path.endswith("InterruptedByDatabaseOutage")
    assert statuses()["B"] == ("SUCCESSFUL", ["outage-test"])


@pytest.mark.django_db
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
    worker = worker_command.ResilientWorker(
        queue_names=["default"], excluded_queue_names=[], interval=0, batch=True,
        backend_name="default", startup_delay=False, max_tasks=None, worker_id="outage-test",
    )  # fmt: skip

    assert worker.requeue_interrupted_tasks() == [str(mine.id)]
    assert DBTaskResult.objects.get(pk=task.id).status == "RUNNING"
    assert DBTaskResult.objects.get(pk=mine.id).status == "READY"
