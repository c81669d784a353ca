"""Emails to readers about their comments, each with a signed one-click unsubscribe.

Queued with transaction.on_commit: nothing is sent for a change that is rolled back.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from kiosque.readers.profiles import profile_for

UNSUBSCRIBE_SALT = "kiosque.discussion.unsubscribe"
KINDS = {"replies": "notify_replies", "moderation": "notify_moderation"}


def unsubscribe_token(user_id: int, kind: str) -> str:
    return signing.dumps({"u": user_id, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if data.get("k") not in KINDS:
        raise signing.BadSignature("unknown kind")
    return int(data["u"]), data["k"]


def _send(user, kind: str, template: str, context: dict) -> None:
    if user is None or not user.email or not user.is_active:
        return
    profile = profile_for(user)
    if not getattr(profile, KINDS[kind]):
        return
    with translation.override(profile.language):
        token = unsubscribe_token(user.pk, kind)
        unsubscribe_url = settings.BASE_URL + reverse("discussion:unsubscribe", args=[token])
        context = {**context, "unsubscribe_url": unsubscribe_url, "profile": profile}
        subject = render_to_string(f"discussion/email/{template}_subject.txt", context)
        body = render_to_string(f"discussion/email/{template}.txt", context)
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()


def _comment_url(comment) -> str:
    return settings.BASE_URL + reverse("discussion:thread", args=[comment.article_id])


def _later(function, *args) -> None:
    transaction.on_commit(lambda: function(*args))


def queue_reply(reply) -> None:
    parent = reply.parent
    if parent.author_id is None or parent.author_id == reply.author_id:
        return
    context = {"reply": reply, "parent": parent, "url": _comment_url(reply)}
    _later(_send, parent.author, "replies", "reply", context)


def queue_rejected(comment) -> None:
    context = {"comment": comment, "url": _comment_url(comment)}
    _later(_send, comment.author, "moderation", "rejected", context)


def queue_featured(comment) -> None:
    context = {"comment": comment, "url": _comment_url(comment)}
    _later(_send, comment.author, "moderation", "featured", context)


def queue_report_outcome(report) -> None:
    # The reporter is always told (DSA art. 16): not a newsletter, no opt-out.
    def send():
        user = report.reporter
        if user is None or not user.email:
            return
        profile = profile_for(user)
        with translation.override(profile.language):
            context = {"report": report, "comment": report.comment}
            subject = render_to_string("discussion/email/report_outcome_subject.txt", context)
            body = render_to_string("discussion/email/report_outcome.txt", context)
        EmailMessage(subject=" ".join(subject.split()), body=body, to=[user.email]).send()

    transaction.on_commit(send)


def queue_sanction(sanction) -> None:
    def send():
        user = sanction.user
        if not user.email:
            return
        with translation.override(profile_for(user).language):
            context = {"sanction": sanction}
            subject = render_to_string("discussion/email/sanction_subject.txt", context)
            body = render_to_string("discussion/email/sanction.txt", context)
        EmailMessage(subject=" ".join(subject.split()), body=body, to=[user.email]).send()

    transaction.on_commit(send)
