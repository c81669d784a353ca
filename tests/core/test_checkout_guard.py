"""The guard that fails the run when the suite leaves files in the checkout."""

import subprocess

from tests.checkout_guard import checkout_state, left_behind


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def make_repo(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / ".gitignore").write_text("__pycache__/\n/var/\n")
    (tmp_path / "app.py").write_text("print('hello')\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "-qm", "one")
    return tmp_path


def test_new_changed_and_ignored_files_are_reported(tmp_path):
    repo = make_repo(tmp_path)
    before = checkout_state(repo)
    (repo / "kiosque.sqlite3").write_bytes(b"SQLite format 3")
    (repo / "app.py").write_text("print('changed')\n")
    (repo / "var").mkdir()
    (repo / "var" / "secret_key").write_text("x")

    assert left_behind(before, checkout_state(repo)) == ["app.py", "kiosque.sqlite3", "var/"]


def test_a_file_already_modified_is_reported_when_the_suite_changes_it_again(tmp_path):
    repo = make_repo(tmp_path)
    (repo / "app.py").write_text("print('work in progress')\n")
    before = checkout_state(repo)
    assert left_behind(before, checkout_state(repo)) == []

    (repo / "app.py").write_text("print('overwritten by a test')\n")
    assert left_behind(before, checkout_state(repo)) == ["app.py"]


def test_python_and_test_tool_caches_are_allowed(tmp_path):
    repo = make_repo(tmp_path)
    before = checkout_state(repo)
    (repo / "__pycache__").mkdir()
    (repo / "__pycache__" / "app.cpython-311.pyc").write_bytes(b"\0")
    (repo / "test-artifacts" / "screenshots").mkdir(parents=True)

    assert left_behind(before, checkout_state(repo)) == []


def test_outside_a_git_checkout_the_guard_stands_aside(tmp_path):
    assert checkout_state(tmp_path / "not-a-repo") is None
