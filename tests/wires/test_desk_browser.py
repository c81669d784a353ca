"""The wire desk in the browser, run in its own pytest process.

`browser/desk_journey.py` reuses the e2e fixtures (a real `kiosque serve`, Debian's
Chromium). Playwright's sync API cannot start while another browser session of the same
process is open, and the suite has several (tests/e2e, tests/e2e_accounts), so the
journey runs in a separate process whatever else the session contains.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

JOURNEY = Path(__file__).resolve().parent / "browser" / "desk_journey.py"
REPO = Path(__file__).resolve().parents[2]


@pytest.mark.browser
def test_create_an_article_from_a_dispatch_and_publish_it_in_chromium():
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("/usr/bin/chromium is missing: install Debian's chromium (`make browsers`)")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(JOURNEY)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-6000:] + completed.stderr[-2000:]
    assert "1 passed" in completed.stdout
