"""Writes on comments. Keyword-only, validated, atomic; e-mails sent after commit."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kiosque.discussion import counts, notifications, policy, rules, threads
from kiosque.discussion.models import (
    Comment,
    CommentLike,
    CommentReport,
    CommentRevision,
    ModerationLog,
    ModerationMode,
)
from kiosque.discussion.public import discussion_changed
from kiosque.discussion.text import normalise_body


def _validate_body(body: str) -> str:
    body = normalise_body(body)
    if not body:
        raise ValidationError(_("Write something before posting."), code="empty")
    if len(body) > Comment._meta.get_field("body").max_length:
        raise ValidationError(_("A comment has at most 3,000 characters."), code="too_long")
    return body


def _pre_moderated(user, article, config) -> bool:
    if threads.moderation_mode(article) == ModerationMode.PRE:
        return True
    if policy.is_staff_writer(user):
        return False
    approved = Comment.objects.filter(author=user, status=Comment.Status.PUBLISHED).count()
    return approved < config.trusted_after_approved


def comment_post(*, user, article, body: str, parent: Comment | None = None) -> Comment:
    refusal = policy.posting_refusal(user)
    if refusal:
        raise PermissionDenied(refusal)
    if not threads.comments_open(article):
        raise ValidationError(_("Comments are closed."), code="closed")
    body = _validate_body(body)
    config = threads.site_settings(article)
    depth = 1
    if parent is not None:
        if parent.article_id != article.pk:
            raise ValidationError(_("This reply belongs to another article."), code="parent")
        if parent.status != Comment.Status.PUBLISHED:
            raise ValidationError(_("This comment can no longer be answered."), code="parent")
        if parent.depth >= config.max_depth:
            # Past the deepest level a reply joins its parent's level, as a sibling.
            parent = parent.parent
        if parent is None:
            raise ValidationError(_("Replies are not allowed here."), code="depth")
        depth = parent.depth + 1
    verdict = rules.initial_verdict(
        body=body, pre_moderated=_pre_moderated(user, article, config), config=config
    )
    comment = Comment(
        article=article,
        author=user,
        parent=parent,
        depth=depth,
        body=body,
        status=verdict.status,
        status_reason=verdict.reason,
        created_at=timezone.now(),
        by_staff=policy.is_staff_writer(user),
    )
    comment.full_clean(exclude=["thread"])
    with transaction.atomic():
        # One posting at a time per reader (a row lock on PostgreSQL): a double click
        # or two tabs cannot slip the same text past the duplicate check together.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        rules.check_duplicate(user_id=user.pk, body=body)
        rules.check_rate(user_id=user.pk, config=config)
        comment.save()
        comment.thread_id = parent.thread_id if parent else comment.pk
        Comment.objects.filter(pk=comment.pk).update(thread_id=comment.thread_id)
        counts.add(article.pk, counts.change(None, comment.status))
    if comment.status == Comment.Status.PUBLISHED:
        discussion_changed(article.pk)
        if parent is not None:
            notifications.queue_reply(comment)
    return comment


def comment_edit(*, user, comment: Comment, body: str) -> Comment:
    if comment.author_id != user.pk or comment.is_tombstone:
        raise PermissionDenied(_("You can only edit your own comments."))
    refusal = policy.posting_refusal(user)  # a suspension also stops rewriting
    if refusal:
        raise PermissionDenied(refusal)
    config = threads.site_settings(comment.article)
    if timezone.now() > comment.created_at + timedelta(minutes=config.edit_window_minutes):
        raise ValidationError(_("The time to edit this comment is over."), code="window")
    body = _validate_body(body)
    verdict = rules.initial_verdict(body=body, pre_moderated=False, config=config)
    with transaction.atomic():
        # The stored status wins over the one read earlier: a moderator may have
        # rejected the comment while its writer was editing it.
        stored = counts.locked_status(comment.pk)
        if stored in (None, Comment.Status.DELETED):
            raise PermissionDenied(_("You can only edit your own comments."))
        comment.status = stored
        CommentRevision.objects.create(comment=comment, body=comment.body)
        comment.body = body
        comment.edited_at = timezone.now()
        if verdict.status == Comment.Status.HELD:
            comment.status, comment.status_reason = verdict.status, verdict.reason
        comment.full_clean()
        comment.save()
        counts.add(comment.article_id, counts.change(stored, comment.status))
        discussion_changed(comment.article_id)
    return comment


def comment_delete(*, user, comment: Comment) -> Comment:
    """The writer removes their comment: a tombstone keeps the thread's shape."""
    if comment.author_id != user.pk:
        raise PermissionDenied(_("You can only delete your own comments."))
    with transaction.atomic():
        stored = counts.locked_status(comment.pk)
        comment.revisions.all().delete()
        comment.body = ""
        comment.status = Comment.Status.DELETED
        comment.is_featured = False
        comment.save(update_fields=["body", "status", "is_featured"])
        counts.add(comment.article_id, counts.change(stored, comment.status))
        discussion_changed(comment.article_id)
    return comment


def comment_like_toggle(*, user, comment: Comment) -> bool:
    """Like or unlike; True when the comment is now liked by user."""
    refusal = policy.posting_refusal(user)
    if refusal:
        raise PermissionDenied(refusal)
    if comment.status != Comment.Status.PUBLISHED:
        raise ValidationError(_("This comment cannot be liked."), code="status")
    if comment.author_id == user.pk:
        raise ValidationError(_("You cannot like your own comment."), code="own")
    rules.throttle(user_id=user.pk, action="like", limit=60, seconds=60)
    discussion_changed(comment.article_id)
    with transaction.atomic():
        deleted, _unused = CommentLike.objects.filter(comment=comment, user=user).delete()
        if deleted:
            Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") - 1)
            return False
        try:
            with transaction.atomic():
                CommentLike.objects.create(comment=comment, user=user)
        except IntegrityError:  # a double click raced us: already liked
            return True
        Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") + 1)
        return True


def comment_report(*, user, comment: Comment, reason: str, detail: str = "") -> CommentReport:
    refusal = policy.posting_refusal(user)
    if refusal:
        raise PermissionDenied(refusal)
    if comment.author_id == user.pk:
        raise ValidationError(_("You cannot report your own comment."), code="own")
    if reason == CommentReport.Reason.OTHER and not detail.strip():
        raise ValidationError(_("Tell us what is wrong with this comment."), code="detail")
    rules.throttle(user_id=user.pk, action="report", limit=10, seconds=600)
    report = CommentReport(comment=comment, reporter=user, reason=reason, detail=detail.strip())
    report.full_clean(exclude=["comment", "reporter"])
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        raise ValidationError(_("You have already reported this comment."), code="twice") from None
    return report


def _log(actor, action: str, *, comment=None, target=None, reason: str = "") -> None:
    ModerationLog.objects.create(
        actor=actor, action=action, comment=comment, target=target, reason=reason[:300]
    )


def _close_reports(comment: Comment, outcome: str) -> None:
    reports = list(comment.reports.filter(outcome=CommentReport.Outcome.OPEN))
    CommentReport.objects.filter(pk__in=[r.pk for r in reports]).update(
        outcome=outcome, resolved_at=timezone.now()
    )
    for report in reports:
        report.outcome = outcome
        notifications.queue_report_outcome(report)


def comment_moderate(*, moderator, comment: Comment, action: str, reason: str = "") -> Comment:
    """approve, reject (with a reason), feature or unfeature; logged and notified."""
    if action in ("feature", "unfeature"):
        if not policy.can_feature(moderator):
            raise PermissionDenied(_("You may not feature comments."))
    elif not policy.can_moderate(moderator):
        raise PermissionDenied(_("You may not moderate comments."))
    with transaction.atomic():
        # Decide on the status as stored, row locked: two moderators approving the
        # same comment at once change the count once.
        stored = counts.locked_status(comment.pk)
        if stored in (None, Comment.Status.DELETED):
            raise ValidationError(_("This comment was deleted by its writer."), code="deleted")
        comment.status = stored
        if action == "approve":
            comment.status, comment.status_reason = Comment.Status.PUBLISHED, ""
            _close_reports(comment, CommentReport.Outcome.DISMISSED)
        elif action == "reject":
            if not reason.strip():
                raise ValidationError(_("Give the reader a reason."), code="reason")
            comment.status, comment.status_reason = Comment.Status.REJECTED, reason.strip()
            comment.is_featured = False
            _close_reports(comment, CommentReport.Outcome.UPHELD)
            notifications.queue_rejected(comment)
        elif action in ("feature", "unfeature"):
            if comment.status != Comment.Status.PUBLISHED and action == "feature":
                raise ValidationError(_("Only published comments can be featured."))
            comment.is_featured = action == "feature"
            if comment.is_featured:
                notifications.queue_featured(comment)
        else:
            raise ValidationError(f"unknown action {action!r}")
        comment.full_clean()
        comment.save()
        counts.add(comment.article_id, counts.change(stored, comment.status))
        _log(moderator, action, comment=comment, target=comment.author, reason=reason)
        discussion_changed(comment.article_id)
    return comment


def user_sanction(*, moderator, user, kind: str, reason: str, days: int | None = None):
    from kiosque.discussion.models import Sanction
    from kiosque.readers.models import BannedEmail, email_digest

    if not policy.can_moderate(moderator):
        raise PermissionDenied(_("You may not sanction readers."))
    if not reason.strip():
        raise ValidationError(_("Give the reader a reason."), code="reason")
    until = None
    if kind == Sanction.Kind.SUSPENSION:
        if not days or days < 1:
            raise ValidationError(_("A suspension lasts at least one day."), code="days")
        until = timezone.now() + timedelta(days=days)
    sanction = Sanction(
        user=user, kind=kind, reason=reason.strip(), until=until, created_by=moderator
    )
    sanction.full_clean()
    with transaction.atomic():
        sanction.save()
        if kind == Sanction.Kind.BAN and user.email:
            BannedEmail.objects.get_or_create(digest=email_digest(user.email))
        _log(moderator, kind, target=user, reason=reason)
    notifications.queue_sanction(sanction)
    return sanction
