"""One build of the demo for every test in this folder that reads it.

`kiosque demo` takes ~20 s; built once per test session here instead of once per test.
The build runs inside a transaction that is rolled back when the folder's tests end, and
each test runs in a savepoint of its own inside it (pytest-django's `db`), so a test that
writes (running the demo a second time, say) leaves the next one the same demo.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

# The folder's tests go to one worker together (pytest-xdist --dist loadgroup), so the
# build is made once, not once per worker.
DEMO_GROUP = pytest.mark.xdist_group("demo-build")


@pytest.fixture(scope="package")
def demo_build(django_db_setup, django_db_blocker) -> str:
    """What `kiosque demo` printed the first time it ran (passwords included)."""
    # No worker runs here: what a page queues for it (the renditions it misses) waits.
    no_worker = override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    )
    with django_db_blocker.unblock(), no_worker:
        outer = transaction.atomic()
        outer.__enter__()
        try:
            output = io.StringIO()
            # The folder reads the demo's content, never its pictures' files: the
            # renditions (most of the build's time) are left to a worker that never runs.
            call_command("demo", "--renditions-by-worker", stdout=output)
            yield output.getvalue()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
