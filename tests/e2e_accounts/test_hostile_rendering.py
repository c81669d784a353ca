"""Fifty hostile payloads rendered in Chromium, run in a pytest process of its own.

`hostile_rendering_journey.py` needs the migrated data back after the transactional
tests before it (serialized rollback); in a long session another transactional test's
flush has already re-created the content types that the rollback restores, and the
restore fails on their unique constraint. A process of its own starts from a freshly
migrated test database, whatever ran before.
"""

from pathlib import Path

import pytest

from tests.own_process import run_test_file_alone

JOURNEY = Path(__file__).resolve().parent / "hostile_rendering_journey.py"


@pytest.mark.browser
def test_payloads_are_shown_literally_and_never_run():
    run_test_file_alone(JOURNEY)
