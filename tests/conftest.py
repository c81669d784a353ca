"""Shared fixtures, and the rule that a skipped test fails the run under CI=true."""

import os

import pytest

from tests.factories import Newsroom, build_newsroom

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


@pytest.fixture
def newsroom(db) -> Newsroom:
    """A small published site: home, sections (Monde > Europe), topic, author, agency."""
    return build_newsroom()
