"""The web server's workers keep their long-lived objects out of the garbage collector."""

import gc
import weakref
from types import SimpleNamespace

import pytest

from kiosque.core import gunicorn_hooks


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()  # the test process goes on as before


class Node:
    pass


def test_a_worker_freezes_what_it_loaded_and_collects_garbage_first(unfrozen):
    node = Node()
    node.itself = node  # garbage only the collector can free: it must not be frozen
    garbage = weakref.ref(node)
    del node
    assert gc.get_freeze_count() == 0 and garbage() is not None

    gunicorn_hooks.post_worker_init(SimpleNamespace())

    assert gc.get_freeze_count() > 1000  # the interpreter, Django, Wagtail...
    assert garbage() is None


def test_it_freezes_once_more_after_its_first_requests(unfrozen, monkeypatch):
    freezes = []
    monkeypatch.setattr(gunicorn_hooks, "freeze_what_lives", lambda: freezes.append(1))
    worker = SimpleNamespace()
    gunicorn_hooks.post_worker_init(worker)
    for _ in range(gunicorn_hooks.FREEZE_AGAIN_AFTER_REQUESTS * 3):
        gunicorn_hooks.post_request(worker, None, {}, None)
    assert len(freezes) == 2  # at start, then once after the first requests
