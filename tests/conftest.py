"""Shared fixtures, and the rule that a skipped test fails the run under CI=true."""

import atexit
import copy
import os
import shutil
import tempfile

import pytest
from django.db import transaction

from tests.factories import Newsroom, build_newsroom, days_ago, make_article

# The live demo site and the one Chromium of the session, for every browser test of the
# suite, wherever it lives: Playwright's sync API allows one browser session per process,
# so these fixtures are defined once, here, not imported into each test module.
pytest_plugins = ["tests.e2e.fixtures", "tests.checkout_guard"]

# Hypothesis (under schemathesis) keeps caches in .hypothesis/ of the current folder,
# the checkout: give it a throw-away folder, read when it first writes.
if "HYPOTHESIS_STORAGE_DIRECTORY" not in os.environ:
    _hypothesis_dir = tempfile.mkdtemp(prefix="kiosque-hypothesis-")
    os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = _hypothesis_dir
    atexit.register(shutil.rmtree, _hypothesis_dir, ignore_errors=True)

_skipped: list[str] = []


# A test may take longer than this only with @pytest.mark.slow(reason=...) next to it.
SLOW_SECONDS = 20
_slow_without_reason: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped:
        _skipped.append(report.nodeid)
    if report.when == "call" and report.duration > SLOW_SECONDS and "slow" not in report.keywords:
        _slow_without_reason.append(f"{report.nodeid} ({report.duration:.0f} s)")


def pytest_sessionfinish(session, exitstatus):
    # In CI the browser, PostgreSQL and multi-process tests must really run: a skip
    # there would hide exactly the failures they exist to catch.
    if os.environ.get("CI", "").lower() == "true" and _skipped and exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter):
    if _slow_without_reason:
        terminalreporter.write_line(
            f"Over {SLOW_SECONDS} s without @pytest.mark.slow(reason=...): "
            + ", ".join(_slow_without_reason),
            yellow=True,
        )
    if os.environ.get("CI", "").lower() == "true" and _skipped:
        terminalreporter.write_line(
            f"CI=true: {len(_skipped)} skipped test(s) fail the run: " + ", ".join(_skipped),
            red=True,
        )


TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server"}


# --- parallel workers (pytest-xdist, `--dist loadgroup`) -------------------------------
#
# What must share one process goes to one worker as one group: the demo site that
# `kiosque serve` runs for every browser test, with its Chromium (built once, not once per
# worker). Modules that need a group for their own reasons say so with
# `pytest.mark.xdist_group(...)` themselves.
LIVE_SITE_GROUP = "live-site"
LIVE_SITE_FIXTURES = {"live_site", "browser"}


def _live_site_group(item) -> None:
    if LIVE_SITE_FIXTURES & set(item.fixturenames) and not item.get_closest_marker("xdist_group"):
        item.add_marker(pytest.mark.xdist_group(LIVE_SITE_GROUP))


def _start_order(item) -> int:
    """Long work first, so that no worker is left alone with it at the end of the run."""
    group = item.get_closest_marker("xdist_group")
    if group and group.args and group.args[0] == LIVE_SITE_GROUP:
        return 0
    if item.get_closest_marker("slow"):
        return 1
    return 2


def _require_a_reason_for_slow(item) -> None:
    marker = item.get_closest_marker("slow")
    if marker and not marker.kwargs.get("reason"):
        raise pytest.UsageError(f"{item.nodeid}: @pytest.mark.slow needs reason=...")


# What `make test-fast` runs: tests that need no database, no other process and no
# browser (pure functions, parsers, templates tags, settings helpers).
NOT_UNIT_FIXTURES = {"django_db_setup", "live_server", "live_site", "browser"}
NOT_UNIT_MARKERS = ("django_db", "slow", "processes", "browser", "postgres")


def _mark_unit_tests(item) -> None:
    if NOT_UNIT_FIXTURES & set(item.fixturenames):
        return
    if any(item.get_closest_marker(name) for name in NOT_UNIT_MARKERS):
        return
    item.add_marker(pytest.mark.unit)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the xdist_group markers
def pytest_collection_modifyitems(items):
    for item in items:
        _serialize_transactional_tests(item)
        _live_site_group(item)
        _require_a_reason_for_slow(item)
        _mark_unit_tests(item)
    items.sort(key=_start_order)  # stable: collection order within each rank


def _serialize_transactional_tests(item) -> None:
    """Every transactional test restores the migrations' data (serialized rollback).

    A transactional test ends by emptying every table. Without serialized rollback,
    Django then re-creates the content types and permissions (post_migrate) under new
    ids, and the next test with serialized rollback failed to restore the original
    ones ("duplicate key value violates unique constraint
    django_content_type_app_label_model"): whether a PostgreSQL concurrency test passed
    depended on which test ran before it. Serialized, every transactional test starts
    from the migrations' data, and none leaves re-created rows behind.
    """
    marker = item.get_closest_marker("django_db")
    kwargs = dict(marker.kwargs) if marker else {}
    if _is_transactional(item) and not kwargs.get("serialized_rollback"):
        kwargs |= {"transaction": True, "serialized_rollback": True}
        item.add_marker(pytest.mark.django_db(**kwargs), append=False)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends by emptying every table: put the migrations' data back.

    Django runs such tests after all the others, so that none finds the database empty;
    with several workers, each one's order follows the groups, and a non-transactional
    test (or a module's shared newsroom) could come after one. Saving the serialized
    rows again is harmless for the next transactional test, which saves them too.
    """
    yield
    # After the last test, the teardown above has already destroyed the test databases
    # and pointed the connections back at the real one: nothing to put back then.
    if nextitem is not None and _is_transactional(item):
        _put_back_the_migrations_data(item.config)


def _put_back_the_migrations_data(config) -> None:
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with config.stash[blocking_manager_key].unblock():
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)
        # The flush above skipped post_migrate (serialized rollback), and the tables it
        # empties are Django's models only: the SQLite search terms are not one.
        from kiosque.search.signals import terms_of_flushed_documents_deleted

        terms_of_flushed_documents_deleted(sender=None, using="default")


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(
        (marker and marker.kwargs.get("transaction"))
        or TRANSACTIONAL_FIXTURES & set(item.fixturenames)
    )


@pytest.fixture(scope="module")
def _module_newsroom(request, django_db_setup, django_db_blocker):
    """The newsroom built once for a module's tests, in a transaction rolled back after them.

    Publishing its nine pages through Wagtail costs ~0.5 s, and most tests need the same
    small site: each test now runs in a savepoint inside this transaction (pytest-django's
    `db`), as Django's setUpTestData does for a class. A module with a transactional test
    cannot keep a transaction open across its tests: it builds one per test (None here).
    """
    items = [item for item in request.session.items if item.module is request.module]
    if any(_is_transactional(item) for item in items):
        yield None
        return
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            built = build_newsroom()
        except BaseException:
            outer.__exit__(None, None, None)
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def newsroom(request, _module_newsroom) -> Newsroom:
    """A small published site: home, sections (Monde > Europe), topic, author, agency.

    A copy per test of the module's newsroom (what a test changes in the database is
    rolled back with its savepoint, what it changes on these objects stays in its copy).
    """
    if _module_newsroom is None:
        request.getfixturevalue("transactional_db" if _is_transactional(request.node) else "db")
        return build_newsroom()
    request.getfixturevalue("db")
    return copy.deepcopy(_module_newsroom)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache.

    The test database reuses primary keys after a rollback, so a value cached under
    "article 12" by one test would otherwise be served to the next test's article 12.
    """
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def config(newsroom):
    """Discussion settings with the new-account and flood limits out of the way."""
    from wagtail.models import Site

    from kiosque.discussion.models import DiscussionSettings

    settings = DiscussionSettings.for_site(Site.objects.get(is_default_site=True))
    settings.trusted_after_approved = 0
    settings.min_seconds_between_comments = 0
    settings.save()
    return settings


@pytest.fixture
def article(newsroom, config):
    """A published article open to comments."""
    return make_article(newsroom.europe, slug="debat", published_at=days_ago(1))
