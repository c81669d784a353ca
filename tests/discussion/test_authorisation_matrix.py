"""Who may do what, cell by cell: nine kinds of people against thirteen actions.

Every action goes through HTTP like a browser would, and its effect is checked in the
database, so a view that forgot a check fails here even if the service has one.
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from kiosque.discussion.models import Comment, CommentLike, CommentReport, Sanction
from kiosque.newsroom import roles
from tests.discussion.helpers import make_reader, make_staff

pytestmark = pytest.mark.django_db

PEOPLE = (
    "anonymous", "unverified", "reader", "suspended", "banned",
    "journalist", "moderator", "editor", "administrator",
)  # fmt: skip
Y, N = True, False
EXPECTED = {
    #                   anon unver reader susp banned journ moder editor admin
    "post":            (N,   N,    Y,     N,   N,     Y,    Y,    Y,     Y),
    "reply":           (N,   N,    Y,     N,   N,     Y,    Y,    Y,     Y),
    "edit_own":        (N,   N,    Y,     N,   N,     Y,    Y,    Y,     Y),
    "edit_another":    (N,   N,    N,     N,   N,     N,    N,    N,     N),
    "delete_own":      (N,   Y,    Y,     Y,   Y,     Y,    Y,    Y,     Y),
    "delete_another":  (N,   N,    N,     N,   N,     N,    N,    N,     N),
    "react":           (N,   N,    Y,     N,   N,     Y,    Y,    Y,     Y),
    "report":          (N,   N,    Y,     N,   N,     Y,    Y,    Y,     Y),
    "see_queues":      (N,   N,    N,     N,   N,     N,    Y,    N,     Y),
    "moderate":        (N,   N,    N,     N,   N,     N,    Y,    N,     Y),
    "feature":         (N,   N,    N,     N,   N,     N,    Y,    Y,     Y),
    "sanction":        (N,   N,    N,     N,   N,     N,    Y,    N,     Y),
    "see_email":       (N,   N,    N,     N,   N,     N,    Y,    N,     Y),
}  # fmt: skip
CELLS = [(action, who) for action in EXPECTED for who in PEOPLE]


def person(kind: str):
    if kind == "anonymous":
        return None
    if kind == "unverified":
        return make_reader(verified=False)
    if kind in ("reader", "suspended", "banned"):
        user = make_reader()
        if kind == "suspended":
            until = timezone.now() + timedelta(days=3)
            Sanction.objects.create(user=user, kind="suspension", reason="Insultes", until=until)
        if kind == "banned":
            Sanction.objects.create(user=user, kind="ban", reason="Spam répété")
        return user
    role = {
        "journalist": roles.JOURNALIST,
        "moderator": roles.MODERATOR,
        "editor": roles.EDITOR,
        "administrator": roles.ADMINISTRATOR,
    }[kind]
    return make_staff(role)


def comment_by(user, article, body="Un avis") -> Comment:
    return Comment.objects.create(
        article=article, author=user, body=body, created_at=timezone.now(), status="published"
    )


def attempt(action: str, client: Client, user, article) -> bool:
    other = make_reader("Quelqu'un d'autre")
    theirs = comment_by(other, article, "Le commentaire d'un autre")
    if action in ("post", "reply"):
        data = {"body": f"Essai {action}"}
        if action == "reply":
            data["parent"] = theirs.pk
        client.post(f"/commentaires/{article.pk}/publier/", data)
        return Comment.objects.filter(body=f"Essai {action}", author__isnull=False).exists()
    if action == "edit_own":
        if user is None:
            return False
        mine = comment_by(user, article)
        client.post(f"/commentaires/commentaire/{mine.pk}/modifier/", {"body": "Corrigé"})
        return Comment.objects.get(pk=mine.pk).body == "Corrigé"
    if action == "edit_another":
        client.post(f"/commentaires/commentaire/{theirs.pk}/modifier/", {"body": "Piraté"})
        return Comment.objects.get(pk=theirs.pk).body == "Piraté"
    if action == "delete_own":
        if user is None:
            return False
        mine = comment_by(user, article)
        client.post(f"/commentaires/commentaire/{mine.pk}/supprimer/")
        return Comment.objects.get(pk=mine.pk).status == "deleted"
    if action == "delete_another":
        client.post(f"/commentaires/commentaire/{theirs.pk}/supprimer/")
        return Comment.objects.get(pk=theirs.pk).status == "deleted"
    if action == "react":
        client.post(f"/commentaires/commentaire/{theirs.pk}/aimer/")
        return CommentLike.objects.filter(comment=theirs).exists()
    if action == "report":
        client.post(f"/commentaires/commentaire/{theirs.pk}/signaler/", {"reason": "spam"})
        return CommentReport.objects.filter(comment=theirs).exists()
    if action == "see_queues":
        answer = client.get("/admin/moderation/file/approved/")
        return answer.status_code == 200 and "Le commentaire d&#x27;un autre" in answer.text
    if action in ("moderate", "feature"):
        wanted = (
            {"action": "reject", "reason": "Hors charte"}
            if action == "moderate"
            else {"action": "feature"}
        )
        client.post(f"/admin/moderation/commentaire/{theirs.pk}/", wanted)
        theirs.refresh_from_db()
        return theirs.status == "rejected" if action == "moderate" else theirs.is_featured
    if action == "sanction":
        client.post(
            f"/admin/moderation/lecteur/{other.pk}/",
            {"kind": "warning", "reason": "Restez courtois"},
        )
        return Sanction.objects.filter(user=other).exists()
    if action == "see_email":
        pages = [
            client.get(f"/admin/moderation/lecteur/{other.pk}/"),
            client.get(f"/commentaires/{article.pk}/"),
            client.get(f"/commentaires/{article.pk}/moi/"),
            client.get(article.url),
        ]
        return any(other.email.encode() in page.content for page in pages)
    raise AssertionError(action)


@pytest.mark.parametrize(("action", "who"), CELLS, ids=[f"{a}-{w}" for a, w in CELLS])
def test_cell(article, action, who):
    user = person(who)
    client = Client()
    if user is not None:
        client.force_login(user)
    allowed = attempt(action, client, user, article)
    assert allowed == EXPECTED[action][PEOPLE.index(who)]
