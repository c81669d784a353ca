"""The « J'aime » endpoint as comments.js uses it (JSON) and as a plain form uses it."""

import re

import pytest
from django.test import Client

from kiosque.discussion.models import Comment
from kiosque.discussion.services import comment_post
from tests.discussion.helpers import make_reader
from tests.factories import inside_one_rate_window

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def target(article):
    return comment_post(user=make_reader("Autrice"), article=article, body="À aimer")


def like_url(comment) -> str:
    return f"/commentaires/commentaire/{comment.pk}/aimer/"


def test_json_toggles_and_answers_the_new_count_privately(target):
    client = Client()
    client.force_login(make_reader())
    liked = client.post(like_url(target), **JSON)
    assert liked.status_code == 200
    assert liked.json() == {"liked": True, "count": 1}
    assert "no-store" in liked["Cache-Control"] and "private" in liked["Cache-Control"]
    assert client.post(like_url(target), **JSON).json() == {"liked": False, "count": 0}
    assert Comment.objects.get(pk=target.pk).like_count == 0


def test_without_javascript_the_post_comes_back_to_the_comment(target):
    client = Client()
    client.force_login(make_reader())
    answer = client.post(like_url(target))
    assert answer.status_code == 302
    assert answer["Location"] == f"/commentaires/{target.article_id}/#c{target.pk}"
    assert Comment.objects.get(pk=target.pk).like_count == 1


def test_refusals_come_back_as_json_errors(target):
    unverified = Client()
    unverified.force_login(make_reader(verified=False))
    refused = unverified.post(like_url(target), **JSON)
    assert refused.status_code == 403
    assert "Confirmez votre adresse" in refused.json()["error"]

    eager = Client()
    eager.force_login(make_reader())
    with inside_one_rate_window():
        answers = [eager.post(like_url(target), **JSON) for _n in range(61)]
    assert answers[-1].status_code == 429
    assert "Trop d’actions" in answers[-1].json()["error"]
    assert Comment.objects.get(pk=target.pk).like_count in (0, 1)


def test_a_tombstone_cannot_be_liked(target):
    Comment.objects.filter(pk=target.pk).update(status=Comment.Status.DELETED, body="")
    client = Client()
    client.force_login(make_reader())
    assert client.post(like_url(target), **JSON).status_code == 403


def test_the_json_post_needs_the_csrf_token_the_private_fragment_gives(target):
    reader = make_reader()
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    assert client.post(like_url(target), **JSON).status_code == 403
    fragment = client.get(f"/commentaires/{target.article_id}/moi/").content.decode()
    token = re.search(r'data-csrf="([^"]+)"', fragment).group(1)
    answer = client.post(like_url(target), HTTP_X_CSRFTOKEN=token, **JSON)
    assert answer.status_code == 200 and answer.json()["liked"] is True


def test_no_token_in_the_fragment_of_a_reader_who_may_not_react(target):
    client = Client()
    client.force_login(make_reader(verified=False))
    fragment = client.get(f"/commentaires/{target.article_id}/moi/").content.decode()
    assert "data-csrf" not in fragment


def test_anonymous_json_likes_are_sent_to_log_in(target):
    answer = Client().post(like_url(target), **JSON)
    assert answer.status_code == 302 and answer["Location"].startswith("/compte/connexion/")
