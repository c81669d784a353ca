"""A reader's own comment: no liking it, and « Modifier » only while it can be edited."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from kiosque.discussion.models import Comment
from kiosque.discussion.services import comment_post
from tests.discussion.helpers import make_reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer():
    return make_reader("Plume")


@pytest.fixture
def own(article, writer, config):
    return comment_post(user=writer, article=article, body="Mon avis sur la question")


def thread_html(client, comment) -> str:
    url = "/en" + reverse("discussion:thread", args=[comment.article_id])
    card = client.get(url).content.decode()
    start = card.index(f'id="c{comment.pk}"')
    return card[start : card.index("</article>", start)]


def test_a_reader_cannot_like_their_own_comment(own, writer):
    client = Client()
    client.force_login(writer)
    refused = client.post(
        f"/commentaires/commentaire/{own.pk}/aimer/", HTTP_ACCEPT="application/json"
    )
    assert refused.status_code == 403
    assert refused.json()["error"] == "Vous ne pouvez pas aimer votre propre commentaire."
    assert Comment.objects.get(pk=own.pk).like_count == 0
    card = thread_html(client, own)
    assert "data-like-form" not in card  # the count, without a button
    assert 'class="comment__likes">0<' in card

    other = Client()
    other.force_login(make_reader("Lectrice"))
    assert "data-like-form" in thread_html(other, own)


def test_edit_is_offered_only_while_the_edit_window_is_open(own, writer, config):
    client = Client()
    client.force_login(writer)
    edit_url = reverse("discussion:edit", args=[own.pk])
    assert edit_url in thread_html(client, own)

    Comment.objects.filter(pk=own.pk).update(
        created_at=own.created_at - timedelta(minutes=config.edit_window_minutes + 1)
    )
    card = thread_html(client, own)
    assert edit_url not in card
    assert reverse("discussion:delete", args=[own.pk]) in card  # deleting stays possible


def test_posting_from_the_article_comes_back_to_the_article_at_the_comment(article, writer):
    client = Client()
    client.force_login(writer)
    fragment = client.get(reverse("discussion:fragment", args=[article.pk])).content.decode()
    assert 'name="origine" value="article"' in fragment  # the form on the article page

    answer = client.post(
        reverse("discussion:post", args=[article.pk]),
        {"body": "Un point de vue réfléchi", "origine": "article"},
    )
    comment = Comment.objects.get(article=article, author=writer)
    assert answer.status_code == 302
    assert answer["Location"] == f"{article.url}#c{comment.pk}"
    # The message is shown where the reader lands (the article's personal part)...
    landed = client.get(reverse("discussion:fragment", args=[article.pk])).content.decode()
    assert 'class="message message--success"' in landed
    # ...and does not wait for a later page.
    later = client.get(reverse("discussion:thread", args=[article.pk])).content.decode()
    assert 'class="message' not in later

    # From the comments page (no JavaScript), the reader stays there.
    answer = client.post(reverse("discussion:post", args=[article.pk]), {"body": "Autre chose"})
    assert answer["Location"].startswith(reverse("discussion:thread", args=[article.pk]))
