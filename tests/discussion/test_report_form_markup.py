"""The comment report form: its choices are a group named by a legend."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from kiosque.discussion.services import comment_post
from tests.discussion.helpers import make_reader

pytestmark = pytest.mark.django_db


def test_the_report_reasons_are_a_fieldset_with_a_legend(article, config):
    comment = comment_post(user=make_reader("Autrice"), article=article, body="Un avis tranché")
    client = Client()
    client.force_login(make_reader("Lecteur"))
    html = client.get("/en" + reverse("discussion:report", args=[comment.pk])).content.decode()
    fieldset = re.search(r"<fieldset>(.*?)</fieldset>", html, re.S)
    assert fieldset is not None
    assert re.search(r"<legend[^>]*>What is wrong with this comment\?</legend>", fieldset.group(1))
    assert fieldset.group(1).count('type="radio"') >= 3


def test_the_comment_forms_help_is_in_the_readers_language():
    from django.utils import translation

    from kiosque.discussion.forms import CommentForm

    with translation.override("en"):
        assert str(CommentForm().fields["body"].help_text).startswith("Plain text, at most 3")
    with translation.override("fr"):
        assert str(CommentForm().fields["body"].help_text).startswith("Texte simple, 3")
