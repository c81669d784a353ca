"""The published-comment counter of each article, exact under concurrency.

Every write that may move a comment into or out of "published" locks the comment's row,
reads the status it really has, and applies the difference to the counter in the same
transaction: two moderators approving the same comment at once count it once, and an
increment is a single `UPDATE … SET published = published + 1`, so concurrent posts
never overwrite each other (decision 0025).
"""

from django.db import transaction
from django.db.models import Count, F
from django.db.models.functions import Greatest

from kiosque.discussion.models import Comment, CommentCount

PUBLISHED = Comment.Status.PUBLISHED


def change(old_status: str | None, new_status: str) -> int:
    """+1, -1 or 0: what a status change does to the published count."""
    return int(new_status == PUBLISHED) - int(old_status == PUBLISHED)


def locked_status(comment_id: int) -> str | None:
    """The comment's status as stored, its row locked until the transaction ends."""
    assert transaction.get_connection().in_atomic_block, "call inside the write's transaction"
    return (
        Comment.objects.select_for_update()
        .filter(pk=comment_id)
        .values_list("status", flat=True)
        .first()
    )


def add(article_id: int, delta: int) -> None:
    """Apply delta to the article's counter (created at 0 on first use).

    Never below zero: comments written around the services (an import, a shell) could
    otherwise make a reader's deletion fail; recount() repairs such drift.
    """
    if not delta:
        return
    counter = CommentCount.objects.filter(article_id=article_id)
    if counter.update(published=Greatest(F("published") + delta, 0)):
        return
    # First published comment of the article: create the row, tolerating a concurrent
    # creator, then apply the change as an update like any other.
    CommentCount.objects.bulk_create(
        [CommentCount(article_id=article_id, published=0)], ignore_conflicts=True
    )
    counter.update(published=Greatest(F("published") + delta, 0))


def recount(article_ids=None) -> None:
    """Rebuild counters from the comments (bulk imports, the demo, the bench, repairs)."""
    comments = Comment.objects.filter(status=PUBLISHED)
    counters = CommentCount.objects.all()
    if article_ids is not None:
        comments = comments.filter(article_id__in=article_ids)
        counters = counters.filter(article_id__in=article_ids)
    totals = dict(comments.values_list("article_id").annotate(n=Count("id")))
    with transaction.atomic():
        counters.delete()
        CommentCount.objects.bulk_create(
            CommentCount(article_id=article_id, published=n) for article_id, n in totals.items()
        )
