"""Changing an article's slug or moving it leaves a permanent redirect behind."""

import pytest

from kiosque.newsroom.models import ArticlePage
from tests.factories import make_article, publish

pytestmark = pytest.mark.django_db


def test_a_new_slug_leaves_a_permanent_redirect(
    client, newsroom, django_capture_on_commit_callbacks
):
    article = make_article(newsroom.sport, slug="ancien-titre")
    article.slug = "nouveau-titre"
    # Wagtail announces the slug change once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        publish(article)
    response = client.get("/sport/ancien-titre/")
    assert response.status_code == 301
    assert response["Location"].endswith("/sport/nouveau-titre/")
    assert client.get("/sport/nouveau-titre/").status_code == 200


def test_moving_an_article_leaves_a_permanent_redirect(client, newsroom):
    article = make_article(newsroom.sport, slug="deplace")
    ArticlePage.objects.get(pk=article.pk).move(newsroom.europe, pos="last-child")
    response = client.get("/sport/deplace/")
    assert response.status_code == 301
    assert response["Location"].endswith("/monde/europe/deplace/")
