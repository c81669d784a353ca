"""Shared fixtures, and the rule that a skipped test fails the run under CI=true."""

import os

import pytest

from tests.factories import Newsroom, build_newsroom, days_ago, make_article

# The live demo site and the one Chromium of the session, for every browser test of the
# suite, wherever it lives: Playwright's sync API allows one browser session per process,
# so these fixtures are defined once, here, not imported into each test module.
pytest_plugins = ["tests.e2e.fixtures", "tests.checkout_guard"]

_skipped: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    # In CI the browser, PostgreSQL and multi-process tests must really run: a skip
    # there would hide exactly the failures they exist to catch.
    if os.environ.get("CI", "").lower() == "true" and _skipped and exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter):
    if os.environ.get("CI", "").lower() == "true" and _skipped:
        terminalreporter.write_line(
            f"CI=true: {len(_skipped)} skipped test(s) fail the run: " + ", ".join(_skipped),
            red=True,
        )


TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server"}


def pytest_collection_modifyitems(items):
    """Every transactional test restores the migrations' data (serialized rollback).

    A transactional test ends by emptying every table. Without serialized rollback,
    Django then re-creates the content types and permissions (post_migrate) under new
    ids, and the next test with serialized rollback failed to restore the original
    ones ("duplicate key value violates unique constraint
    django_content_type_app_label_model"): whether a PostgreSQL concurrency test passed
    depended on which test ran before it. Serialized, every transactional test starts
    from the migrations' data, and none leaves re-created rows behind.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        kwargs = dict(marker.kwargs) if marker else {}
        transactional = kwargs.get("transaction") or TRANSACTIONAL_FIXTURES & set(item.fixturenames)
        if transactional and not kwargs.get("serialized_rollback"):
            kwargs |= {"transaction": True, "serialized_rollback": True}
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


@pytest.fixture
def newsroom(db) -> Newsroom:
    """A small published site: home, sections (Monde > Europe), topic, author, agency."""
    return build_newsroom()


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
