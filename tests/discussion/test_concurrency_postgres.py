"""Readers posting to the same thread at the same moment, on PostgreSQL."""

import os
import threading

import pytest
from django.db import close_old_connections, connection

from kiosque.discussion.models import Comment
from kiosque.discussion.services import comment_post
from tests.discussion.helpers import make_reader

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def on_postgresql() -> None:
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://…")
    assert connection.vendor == "postgresql"


def run_together(jobs) -> list:
    barrier = threading.Barrier(len(jobs))
    outcomes = [None] * len(jobs)

    def worker(index, job):
        try:
            barrier.wait(timeout=30)
            outcomes[index] = job()
        except Exception as error:
            outcomes[index] = error
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_20_readers_replying_at_once_lose_nothing_and_duplicate_nothing(article):
    on_postgresql()
    top = comment_post(user=make_reader(), article=article, body="Le sujet du jour")
    readers = [make_reader(f"Lecteur simultané {n}") for n in range(20)]
    jobs = [
        (lambda reader=reader, n=n: comment_post(
            user=reader, article=article, body=f"Réponse {n}", parent=top))
        for n, reader in enumerate(readers)
    ]  # fmt: skip
    outcomes = run_together(jobs)
    assert all(isinstance(o, Comment) for o in outcomes), outcomes
    replies = Comment.objects.filter(parent=top)
    assert sorted(replies.values_list("body", flat=True)) == sorted(
        f"Réponse {n}" for n in range(20)
    )
    assert set(replies.values_list("thread_id", flat=True)) == {top.pk}


def test_one_reader_double_posting_at_once_gets_one_comment(article):
    on_postgresql()
    reader = make_reader()
    outcomes = run_together(
        [lambda: comment_post(user=reader, article=article, body="Clic clic") for _n in range(5)]
    )
    assert sum(isinstance(o, Comment) for o in outcomes) == 1
    assert Comment.objects.filter(author=reader).count() == 1
