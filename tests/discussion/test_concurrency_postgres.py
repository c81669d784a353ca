"""Readers posting to the same thread at the same moment, on PostgreSQL."""

import pytest

from kiosque.discussion.models import Comment, CommentCount
from kiosque.discussion.services import comment_delete, comment_moderate, comment_post
from tests.concurrency import on_postgresql, run_together
from tests.discussion.helpers import make_reader, make_staff

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


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
    # The denormalised counter saw every one of them (decision 0025).
    assert CommentCount.objects.get(article=article).published == 21


def test_moderators_deciding_at_once_keep_the_counter_exact(article, config):
    on_postgresql()
    config.max_links = 0
    config.save()
    held = [
        comment_post(user=make_reader(), article=article, body=f"Lien https://ex.invalid/{n}")
        for n in range(6)
    ]
    assert {c.status for c in held} == {Comment.Status.HELD}
    moderators = [make_staff("Modérateurs", f"Modo {n}") for n in range(4)]
    writer = held[5].author
    jobs = [
        # Four moderators approve the same comments at the same moment...
        *(
            (lambda m=m: [comment_moderate(moderator=m, comment=c, action="approve")
                          for c in held[:3]])
            for m in moderators
        ),
        # ...while another comment is approved, then deleted by its writer at once.
        lambda: comment_moderate(moderator=moderators[0], comment=held[4], action="approve"),
        lambda: comment_delete(user=writer, comment=Comment.objects.get(pk=held[5].pk)),
        lambda: comment_moderate(moderator=moderators[1], comment=held[5], action="approve"),
    ]  # fmt: skip
    run_together(jobs)
    published = Comment.objects.filter(article=article, status=Comment.Status.PUBLISHED).count()
    assert published == 4  # held[5] ends deleted whichever of the two came first
    assert CommentCount.objects.get(article=article).published == published


def test_one_reader_double_posting_at_once_gets_one_comment(article):
    on_postgresql()
    reader = make_reader()
    outcomes = run_together(
        [lambda: comment_post(user=reader, article=article, body="Clic clic") for _n in range(5)]
    )
    assert sum(isinstance(o, Comment) for o in outcomes) == 1
    assert Comment.objects.filter(author=reader).count() == 1
