"""Moderators' work: queues, decisions, sanctions, the audit log and the emails readers get."""

import re

import pytest
from django.core import mail
from django.test import Client

from kiosque.discussion.models import Comment, CommentReport, ModerationLog, Sanction
from kiosque.discussion.services import (
    comment_edit,
    comment_moderate,
    comment_post,
    comment_report,
    user_sanction,
)
from kiosque.newsroom import roles
from tests.discussion.helpers import make_reader, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(newsroom):
    return make_staff(roles.MODERATOR, "Modératrice")


def test_a_rejection_tells_the_writer_why_and_the_reporter_the_outcome(
    article, moderator, django_capture_on_commit_callbacks
):
    writer, reporter = make_reader("Écrivain"), make_reader("Vigilante")
    comment = comment_post(user=writer, article=article, body="Propos douteux")
    comment_report(user=reporter, comment=comment, reason="abusive")
    with django_capture_on_commit_callbacks(execute=True):
        comment_moderate(
            moderator=moderator, comment=comment, action="reject", reason="Attaque personnelle"
        )
    by_recipient = {m.to[0]: m for m in mail.outbox}
    rejected = by_recipient[writer.email]
    assert "Attaque personnelle" in rejected.body and "Propos douteux" in rejected.body
    assert rejected.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    outcome = by_recipient[reporter.email]
    assert "Commentaire retiré" in outcome.body
    assert CommentReport.objects.get().outcome == "upheld"
    entry = ModerationLog.objects.get()
    assert (entry.actor, entry.action, entry.reason) == (moderator, "reject", "Attaque personnelle")
    # Rejected comments leave the public thread.
    assert "Propos douteux" not in Client().get(article.url).text


def test_a_reply_mails_the_parent_writer_who_can_unsubscribe_in_one_click(
    article, django_capture_on_commit_callbacks
):
    first, second = make_reader("Alice"), make_reader("Bob")
    parent = comment_post(user=first, article=article, body="Question ?")
    with django_capture_on_commit_callbacks(execute=True):
        comment_post(user=second, article=article, body="Réponse !", parent=parent)
    [message] = mail.outbox
    assert message.to == [first.email]
    assert "Bob" in message.body and "Réponse !" in message.body
    link = re.search(r"http://\S+/desabonnement/\S+/", message.body).group(0)
    path = "/" + link.split("/", 3)[3]
    assert Client().get(path).status_code == 200  # a page with a button: scanners click nothing
    assert Client(enforce_csrf_checks=True).post(path).status_code == 200
    first.reader_profile.refresh_from_db()
    assert first.reader_profile.notify_replies is False
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        comment_post(user=second, article=article, body="Encore moi", parent=parent)
    assert mail.outbox == []
    assert Client().get(path[:-6] + "abcdef/").status_code == 404  # a forged token


def test_featuring_mails_the_writer_and_shows_first(
    article, newsroom, django_capture_on_commit_callbacks
):
    writer = make_reader("Sélectionnée")
    comment = comment_post(user=writer, article=article, body="Remarquable")
    comment_post(user=make_reader(), article=article, body="Plus récent")
    editor = make_staff(roles.EDITOR)
    with django_capture_on_commit_callbacks(execute=True):
        comment_moderate(moderator=editor, comment=comment, action="feature")
    assert mail.outbox[0].to == [writer.email]
    html = Client().get(article.url).text
    assert html.index("Remarquable") < html.index("Plus récent")


def test_queues_list_pending_held_and_reported_with_counts_on_the_dashboard(
    article, moderator, config
):
    config.trusted_after_approved = 5
    config.save()
    pending = comment_post(user=make_reader(), article=article, body="Premier message en attente")
    assert pending.status == "pending"
    client = Client()
    client.force_login(moderator)
    queue = client.get("/admin/moderation/")
    assert queue.status_code == 200 and "Premier message en attente" in queue.text
    dashboard = client.get("/admin/")
    assert "Commentaires à modérer" in dashboard.text and "En attente : 1" in dashboard.text
    client.post(f"/admin/moderation/commentaire/{pending.pk}/", {"action": "approve"})
    assert Comment.objects.get(pk=pending.pk).status == "published"
    assert "Premier message en attente" not in client.get("/admin/moderation/").text


def test_moderators_see_the_edit_history(article, moderator, config):
    writer = make_reader()
    config.trusted_after_approved = 0
    config.save()
    comment = comment_post(user=writer, article=article, body="Version un")
    comment_edit(user=writer, comment=comment, body="Version deux")
    client = Client()
    client.force_login(moderator)
    page = client.get("/admin/moderation/file/approved/").text
    assert "Version deux" in page and "Version un" in page


def test_the_edit_window_closes(article, time_machine):
    writer = make_reader()
    comment = comment_post(user=writer, article=article, body="Texte")
    time_machine.move_to(comment.created_at.timestamp() + 6 * 60)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        comment_edit(user=writer, comment=comment, body="Trop tard")


def test_sanctions_stop_posting_with_the_reason_and_a_ban_survives_account_deletion(
    article, moderator, django_capture_on_commit_callbacks
):
    from kiosque.readers.services import reader_delete
    from tests.discussion.helpers import PASSWORD

    reader = make_reader()
    with django_capture_on_commit_callbacks(execute=True):
        user_sanction(
            moderator=moderator, user=reader, kind="suspension", reason="Insultes", days=2
        )
    assert "Insultes" in mail.outbox[-1].body
    client = Client()
    client.force_login(reader)
    assert "Insultes" in client.get(f"/commentaires/{article.pk}/moi/").text
    banned = make_reader()
    user_sanction(moderator=moderator, user=banned, kind="ban", reason="Trolls")
    email = banned.email
    reader_delete(user=banned)
    again = make_reader()
    again.email = email
    again.save()
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        comment_post(user=again, article=article, body="Je suis de retour")
    assert PASSWORD  # the helper's password is the same for all readers
    assert ModerationLog.objects.filter(action="ban").exists()
    assert Sanction.objects.filter(kind="suspension", user=reader).exists()


def test_reader_history_shows_the_approval_rate(article, moderator):
    reader = make_reader("Historique")
    kept = comment_post(user=reader, article=article, body="Gardé")
    refused = comment_post(user=reader, article=article, body="Refusé")
    comment_moderate(moderator=moderator, comment=refused, action="reject", reason="Hors sujet")
    assert kept.status == "published"
    client = Client()
    client.force_login(moderator)
    page = client.get(f"/admin/moderation/lecteur/{reader.pk}/").text
    assert "50" in page and reader.email in page
