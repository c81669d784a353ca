"""The reader's own page: settings, their comments, data export and account deletion."""

import json

import pytest
from django.contrib.auth.models import User
from django.test import Client

from kiosque.discussion.models import Comment, CommentLike
from kiosque.discussion.services import comment_like_toggle, comment_post
from kiosque.readers.models import BannedEmail, ReaderProfile
from tests.discussion.helpers import PASSWORD, make_reader

pytestmark = pytest.mark.django_db


def test_the_page_shows_and_saves_name_and_preferences(article):
    reader = make_reader("Ancien nom")
    comment_post(user=reader, article=article, body="Mon premier commentaire")
    client = Client()
    client.force_login(reader)
    page = client.get("/compte/")
    assert page.status_code == 200 and "Mon premier commentaire" in page.text
    assert "private" in page["Cache-Control"]
    client.post("/compte/", {"display_name": "Nouveau nom", "notify_replies": ""})
    profile = ReaderProfile.objects.get(user=reader)
    assert profile.display_name == "Nouveau nom" and profile.notify_replies is False


def test_the_export_holds_everything_about_the_reader_as_json(article):
    reader = make_reader("Exportée")
    other = make_reader()
    comment = comment_post(user=reader, article=article, body="À exporter")
    comment_like_toggle(user=reader, comment=comment_post(user=other, article=article, body="x"))
    client = Client()
    client.force_login(reader)
    answer = client.get("/compte/mes-donnees/")
    assert answer["Content-Type"] == "application/json"
    assert "attachment" in answer["Content-Disposition"]
    data = json.loads(answer.content)
    assert data["account"]["display_name"] == "Exportée"
    assert data["account"]["emails"][0]["email"] == reader.email
    assert [c["body"] for c in data["comments"]] == ["À exporter"]
    assert len(data["likes"]) == 1
    assert comment.pk == data["comments"][0]["id"]


def test_deletion_is_immediate_ends_sessions_and_leaves_tombstones(article):
    reader = make_reader("Partant")
    other = make_reader("Restant")
    top = comment_post(user=reader, article=article, body="Je pars bientôt")
    reply = comment_post(user=other, article=article, body="Ta réponse reste", parent=top)
    comment_like_toggle(user=reader, comment=reply)
    here, elsewhere = Client(), Client()
    here.login(username=reader.username, password=PASSWORD)
    elsewhere.force_login(reader)
    # Deleting needs a recent authentication (allauth's reauthentication).
    here.post("/compte/reauthenticate/", {"password": PASSWORD})
    answer = here.post("/compte/suppression/", {"confirm": "yes"})
    assert answer.status_code == 302
    assert not User.objects.filter(pk=reader.pk).exists()
    assert elsewhere.get("/compte/").status_code == 302
    tombstone = Comment.objects.get(pk=top.pk)
    assert (tombstone.body, tombstone.status, tombstone.author) == ("", "deleted", None)
    assert Comment.objects.get(pk=reply.pk).like_count == 0
    assert not CommentLike.objects.exists()
    html = Client().get(article.url).text
    assert "Commentaire supprimé" in html and "Ta réponse reste" in html
    assert "Partant" not in html and "Je pars bientôt" not in html
    assert not BannedEmail.objects.exists()  # nothing kept for a reader who was not banned
