"""A NUL character pasted into a comment is taken out; the reader's text is never lost."""

import pytest
from django.test import Client

from kiosque.discussion.forms import CommentForm, ReportForm
from kiosque.discussion.models import Comment
from tests.discussion.helpers import make_reader

pytestmark = pytest.mark.django_db


def test_the_form_keeps_the_text_without_its_nul_characters():
    form = CommentForm({"body": "Bon\x00jour\x00 à tous"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["body"] == "Bonjour à tous"
    # Only NULs: nothing was written, and the form says so as for an empty text.
    empty = CommentForm({"body": "\x00\x00"})
    assert not empty.is_valid() and "body" in empty.errors


def test_a_report_detail_with_a_nul_is_kept_too():
    form = ReportForm({"reason": "spam", "detail": "Publicité\x00 déguisée"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["detail"] == "Publicité déguisée"


def test_a_comment_with_a_nul_is_published_as_written(article, config):
    client = Client()
    client.force_login(make_reader())
    answer = client.post(
        f"/commentaires/{article.pk}/publier/", {"body": "Très juste\x00, merci pour l’article."}
    )
    assert answer.status_code == 302
    comment = Comment.objects.get(article=article)
    assert comment.body == "Très juste, merci pour l’article."
    page = client.get(answer["Location"]).content.decode()
    assert "Écrivez quelque chose" not in page and "Write something" not in page
