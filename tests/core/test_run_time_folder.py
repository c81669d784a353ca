"""Run-time files never land among the sources, and a published secret key is refused."""

import hashlib
import secrets
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from kiosque.settings.environment import (
    refuse_published_secret_key,
    var_dir_from_environment,
)

PROJECT = Path(__file__).resolve().parents[2]
PACKAGE = PROJECT / "kiosque"


def test_the_default_is_var_in_the_checkout(monkeypatch):
    monkeypatch.delenv("KIOSQUE_VAR_DIR", raising=False)
    assert var_dir_from_environment(PROJECT, PACKAGE) == PROJECT / "var"


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_value_means_the_default_not_the_current_folder(monkeypatch, blank, tmp_path):
    # The stray secret_key, kiosque.sqlite3 and media/ once committed at the root came
    # from Path("").resolve(): the current folder.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KIOSQUE_VAR_DIR", blank)
    assert var_dir_from_environment(PROJECT, PACKAGE) == PROJECT / "var"


def test_a_folder_of_its_own_is_taken_as_given(monkeypatch, tmp_path):
    monkeypatch.setenv("KIOSQUE_VAR_DIR", str(tmp_path / "data"))
    assert var_dir_from_environment(PROJECT, PACKAGE) == tmp_path / "data"


@pytest.mark.parametrize("inside", [".", "kiosque", "kiosque/static"])
def test_the_checkout_itself_or_the_package_is_refused(monkeypatch, inside):
    monkeypatch.setenv("KIOSQUE_VAR_DIR", str(PROJECT / inside))
    with pytest.raises(ImproperlyConfigured, match="among the sources"):
        var_dir_from_environment(PROJECT, PACKAGE)


def test_the_checkout_reached_through_a_relative_path_is_refused(monkeypatch):
    monkeypatch.chdir(PROJECT / "tests")
    monkeypatch.setenv("KIOSQUE_VAR_DIR", "..")
    with pytest.raises(ImproperlyConfigured):
        var_dir_from_environment(PROJECT, PACKAGE)


def test_a_published_key_is_refused_and_a_fresh_one_is_kept(monkeypatch):
    from kiosque.settings import environment

    fresh = secrets.token_urlsafe(50)
    assert refuse_published_secret_key(fresh) == fresh
    # The published key itself is not in the tree, only its digest: plant another one.
    planted = environment.PUBLISHED_SECRET_KEY_DIGESTS | {
        hashlib.sha256(fresh.encode()).hexdigest()
    }
    monkeypatch.setattr(environment, "PUBLISHED_SECRET_KEY_DIGESTS", planted)
    with pytest.raises(ImproperlyConfigured, match="published"):
        refuse_published_secret_key(fresh + "\n")
