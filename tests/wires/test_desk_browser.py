"""The wire desk in the browser, run in its own pytest process.

`browser/desk_journey.py` reuses the e2e fixtures (a real `kiosque serve`, Debian's
Chromium). Playwright's sync API cannot start while another browser session of the same
process is open, and the suite has several (tests/e2e, tests/e2e_accounts), so the
journey runs in a separate process whatever else the session contains.
"""

from pathlib import Path

import pytest

from tests.own_process import run_test_file_alone

JOURNEY = Path(__file__).resolve().parent / "browser" / "desk_journey.py"


@pytest.mark.browser
def test_create_an_article_from_a_dispatch_and_publish_it_in_chromium():
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("/usr/bin/chromium is missing: install Debian's chromium (`make browsers`)")
    run_test_file_alone(JOURNEY)
