"""Browser tests of accounts and comments.

The demo server is the e2e suite's own fixture (tests/e2e). Chromium runs in a thread of
its own for each test: the e2e suite's session-wide browser keeps Playwright's sync API
(and its event loop) busy in the main thread, and a second sync instance cannot start
there. Every test here is marked `browser`.
"""

import os
import threading
from pathlib import Path

import pytest

from tests.e2e.fixtures import CHROMIUM, CHROMIUM_ARGS, DEFAULT_VIEWPORT

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def in_chromium():
    """`in_chromium(fn)` runs fn(new_page) in a thread with its own Chromium."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (`make browsers`)")

    def run(function):
        failure = []

        def body():
            from playwright.sync_api import expect, sync_playwright

            expect.set_options(timeout=15_000)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )

                def new_page(**options):
                    options = {"viewport": DEFAULT_VIEWPORT, "locale": "fr-FR", **options}
                    context = browser.new_context(**options)
                    context.set_default_timeout(15_000)
                    return context.new_page()

                try:
                    function(new_page)
                except BaseException as error:  # re-raised in the test's thread
                    failure.append(error)
                finally:
                    browser.close()

        thread = threading.Thread(target=body)
        thread.start()
        thread.join()
        if failure:
            raise failure[0]

    return run


@pytest.fixture
def orm_beside_playwright():
    """Request first: lets the ORM run while the e2e suite's browser holds an event loop.

    Django takes Playwright's running loop in the main thread for an async context; the
    test code is synchronous, so the guard is lifted for this test only.
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous
