"""Fifty hostile payloads rendered in Chromium, run in a pytest process of its own.

`hostile_rendering_journey.py` needs the migrated data back after the transactional
tests before it (serialized rollback); in a long session another transactional test's
flush has already re-created the content types that the rollback restores, and the
restore fails on their unique constraint. A process of its own starts from a freshly
migrated test database, whatever ran before.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

JOURNEY = Path(__file__).resolve().parent / "hostile_rendering_journey.py"
REPO = Path(__file__).resolve().parents[2]


@pytest.mark.browser
def test_payloads_are_shown_literally_and_never_run():
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
