"""A run of the suite leaves the checkout as it found it.

A stray run once wrote a database, a secret key and 420 renditions at the root of the
checkout, and they were committed. This plugin compares what `git status` reports
(untracked, modified and ignored entries) before and after the session, in the
controlling process only, and fails the run naming whatever the suite left behind.
Caches that Python and the test tools write by design are allowed.
"""

import hashlib
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Written by Python, pytest, ruff, pip and the browser tests' screenshots, on purpose.
TOOL_PARTS = {"__pycache__", ".pytest_cache", ".ruff_cache", ".venv", "test-artifacts"}
TOOL_SUFFIXES = (".egg-info",)


def _fingerprint(path: Path) -> str:
    if path.is_dir():
        return "folder"
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def checkout_state(repo: Path) -> dict[str, str] | None:
    """{path: fingerprint} of every entry git does not see as clean; None outside git."""
    try:
        completed = subprocess.run(
            ["git", "status", "--porcelain=v1", "-z", "--ignored=matching",
             "--untracked-files=normal"],
            cwd=repo, capture_output=True, check=True, timeout=60,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    state = {}
    for entry in completed.stdout.decode(errors="replace").split("\0"):
        if len(entry) < 4:
            continue
        name = entry[3:]
        state[name] = entry[:2] + " " + _fingerprint(repo / name)
    return state


def _written_by_tools(name: str) -> bool:
    parts = Path(name).parts
    return bool(TOOL_PARTS.intersection(parts)) or any(
        part.endswith(TOOL_SUFFIXES) for part in parts
    )


def left_behind(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """The entries that are new or changed since `before`, tool caches excepted."""
    return sorted(
        name
        for name, fingerprint in after.items()
        if before.get(name) != fingerprint and not _written_by_tools(name)
    )


def _is_controller(config) -> bool:
    return not hasattr(config, "workerinput")  # pytest-xdist's workers have it


def pytest_sessionstart(session):
    if _is_controller(session.config):
        session.config._checkout_before = checkout_state(REPO)


def pytest_sessionfinish(session, exitstatus):
    before = getattr(session.config, "_checkout_before", None)
    if before is None:
        return
    after = checkout_state(REPO)
    stray = left_behind(before, after or {})
    session.config._checkout_stray = stray
    if stray:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, config):
    stray = getattr(config, "_checkout_stray", None)
    if stray:
        terminalreporter.write_line(
            "The suite left files in the checkout (write under KIOSQUE_VAR_DIR or a "
            "test's tmp_path): " + ", ".join(stray),
            red=True,
        )
