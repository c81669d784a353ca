"""Articles are found by their whole address in one query, with Wagtail's answers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from kiosque.newsroom.selectors import live_article_at
from tests.factories import days_ago, make_article

pytestmark = pytest.mark.django_db


def components(url: str) -> list[str]:
    return [part for part in url.split("/") if part]


def test_an_article_is_found_by_its_address_in_one_query(newsroom):
    article = make_article(newsroom.europe, slug="sommet", published_at=days_ago(1))
    with CaptureQueriesContext(connection) as queries:
        found = live_article_at(newsroom.home, components(article.url))
    assert found == article
    assert type(found).__name__ == "ArticlePage"  # the specific page, no second query
    assert len(queries) == 1


@pytest.mark.parametrize(
    "address",
    [
        "/monde/sommet/",  # right slug, wrong section
        "/monde/europe/sommet/suite/",  # a sub-path of the article
        "/monde/europe/",  # a section, for Wagtail's own route
        "/",
    ],
)
def test_other_addresses_are_left_to_wagtail(newsroom, address):
    make_article(newsroom.europe, slug="sommet", published_at=days_ago(1))
    assert live_article_at(newsroom.home, components(address)) is None


def test_readers_get_the_same_answers_as_with_wagtails_route(client, newsroom):
    article = make_article(newsroom.europe, slug="sommet", published_at=days_ago(1))
    draft = make_article(newsroom.europe, slug="brouillon", live=False)
    assert client.get(article.url).status_code == 200
    assert client.get(newsroom.europe.url).status_code == 200
    assert client.get("/monde/europe/brouillon/").status_code == 404
    assert client.get("/monde/sommet/").status_code == 404
    assert client.get(article.url + "suite/").status_code == 404
    assert client.get("/en" + article.url).status_code == 200
    assert not draft.live


def test_an_article_under_an_unpublished_section_is_served_as_wagtail_would(client, newsroom):
    # Wagtail checks only the last page of the address; so does the one-query route.
    article = make_article(newsroom.europe, slug="sous-rubrique", published_at=days_ago(1))
    Page.objects.filter(pk=newsroom.europe.pk).update(live=False)
    assert client.get(article.url).status_code == 200


def test_an_alias_of_an_article_is_still_served(client, newsroom):
    article = make_article(newsroom.europe, slug="original", published_at=days_ago(1))
    alias = article.create_alias(parent=newsroom.sport, update_slug="copie")
    response = client.get(alias.url)
    assert response.status_code == 200
    assert article.title in response.content.decode()


def test_making_an_article_private_hides_it_at_once_despite_the_cached_answer(client, newsroom):
    article = make_article(newsroom.europe, slug="confidentiel", published_at=days_ago(1))
    assert client.get(article.url).status_code == 200  # "no restriction anywhere" is cached
    restriction = PageViewRestriction.objects.create(page=article, restriction_type="login")
    assert client.get(article.url).status_code == 404
    restriction.delete()
    assert client.get(article.url).status_code == 200


def test_a_private_section_hides_its_articles(client, newsroom):
    article = make_article(newsroom.europe, slug="interne", published_at=days_ago(1))
    client.get(article.url)
    PageViewRestriction.objects.create(page=newsroom.monde, restriction_type="login")
    assert client.get(article.url).status_code == 404
