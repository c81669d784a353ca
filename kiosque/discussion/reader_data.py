"""The discussion's part of a reader's account page, data export and deletion.

Registered with kiosque.readers.data_holders in apps.py: readers (accounts) is below
the discussion and calls these without importing them.
"""

from collections import Counter

from django.db.models import F, Q

from kiosque.discussion import counts
from kiosque.discussion.models import Comment, CommentLike, CommentReport, CommentRevision
from kiosque.discussion.policy import is_banned
from kiosque.discussion.public import discussion_changed
from kiosque.readers.data_holders import ReaderDataHolder
from kiosque.readers.models import BannedEmail, email_digest


def account_context(user) -> dict:
    comments = (
        Comment.objects.filter(author=user)
        .exclude(status=Comment.Status.DELETED)
        .select_related("article")
        .order_by("-created_at")[:50]
    )
    return {"comments": comments}


def export(user) -> dict:
    return {
        "comments": [
            {
                "id": c.pk,
                "article": c.article.title,
                "article_url": c.article.full_url,
                "parent_id": c.parent_id,
                "body": c.body,
                "status": c.status,
                "created_at": c.created_at.isoformat(),
                "edited_at": c.edited_at.isoformat() if c.edited_at else None,
                "previous_versions": [r.body for r in c.revisions.all()],
            }
            for c in Comment.objects.filter(author=user).select_related("article")
        ],
        "likes": list(CommentLike.objects.filter(user=user).values_list("comment_id", flat=True)),
        "reports": [
            {
                "comment_id": r.comment_id,
                "reason": r.reason,
                "detail": r.detail,
                "outcome": r.outcome,
            }
            for r in CommentReport.objects.filter(reporter=user)
        ],
        "sanctions": [
            {"kind": s.kind, "reason": s.reason, "until": s.until.isoformat() if s.until else None}
            for s in user.sanctions.all()
        ],
    }


def erase(user) -> None:
    """Comments become tombstones so threads keep their shape; likes and edits go.

    A banned reader's email is kept as a keyed hash, so deleting the account and
    registering again does not lift the ban.
    """
    if is_banned(user) and user.email:
        BannedEmail.objects.get_or_create(digest=email_digest(user.email))
    liked = list(CommentLike.objects.filter(user=user).values_list("comment_id", flat=True))
    CommentLike.objects.filter(user=user).delete()
    Comment.objects.filter(pk__in=liked).update(like_count=F("like_count") - 1)
    CommentRevision.objects.filter(comment__author=user).delete()
    # Rows locked so a moderator's concurrent decision cannot skew the counters.
    published = Counter(
        article_id
        for article_id, status in Comment.objects.select_for_update()
        .filter(author=user)
        .values_list("article_id", "status")
        if status == Comment.Status.PUBLISHED
    )
    for article_id in set(
        Comment.objects.filter(Q(author=user) | Q(pk__in=liked)).values_list(
            "article_id", flat=True
        )
    ):
        discussion_changed(article_id)
    Comment.objects.filter(author=user).update(
        body="", status=Comment.Status.DELETED, is_featured=False, author=None
    )
    for article_id, n in published.items():
        counts.add(article_id, -n)


HOLDER = ReaderDataHolder(
    app="discussion", account_context=account_context, export=export, erase=erase
)
