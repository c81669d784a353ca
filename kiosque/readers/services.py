"""Writes on a reader's account: export of their data and deletion."""

from collections import Counter

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Q

from kiosque.discussion import counts
from kiosque.discussion.models import Comment, CommentLike, CommentReport, CommentRevision
from kiosque.discussion.policy import is_banned
from kiosque.discussion.public import discussion_changed
from kiosque.readers.models import BannedEmail, email_digest
from kiosque.readers.profiles import display_name


def reader_export(*, user) -> dict:
    """Everything Kiosque holds about the reader, as JSON-ready data (GDPR art. 15, 20)."""
    from allauth.account.models import EmailAddress

    profile = user.reader_profile if hasattr(user, "reader_profile") else None
    return {
        "account": {
            "display_name": display_name(user),
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "emails": [
                {"email": e.email, "verified": e.verified, "primary": e.primary}
                for e in EmailAddress.objects.filter(user=user)
            ],
            "notify_replies": profile.notify_replies if profile else None,
            "notify_moderation": profile.notify_moderation if profile else None,
        },
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


def reader_delete(*, user) -> None:
    """Delete the account now. Comments become tombstones so threads keep their shape.

    Nothing else remains, except the keyed hash of the email of a banned reader
    (so deleting and re-registering does not lift a ban).
    """
    with transaction.atomic():
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
        # Sessions end with the user: every session's user id now points nowhere.
        get_user_model().objects.filter(pk=user.pk).delete()
