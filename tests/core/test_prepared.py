"""A query compiled once per process gives what its queryset gives, for any values."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kiosque.core.prepared import PreparedQuery
from kiosque.newsroom.models import ArticlePage
from tests.factories import days_ago, make_article

pytestmark = pytest.mark.django_db


def by_slug_and_path(slug, url_path):
    return ArticlePage.objects.filter(slug=slug, url_path=url_path).order_by("pk")[:1]


def concrete_values(page) -> dict:
    return {field.attname: getattr(page, field.attname) for field in page._meta.concrete_fields}


def test_the_prepared_article_is_the_querysets_article_field_by_field(newsroom):
    article = make_article(newsroom.europe, slug="sommet", published_at=days_ago(3))
    prepared = PreparedQuery("newsroom.ArticlePage", by_slug_and_path, "slug", "url_path")

    with CaptureQueriesContext(connection) as queries:
        found = prepared.first(slug="sommet", url_path=article.url_path)
    expected = by_slug_and_path("sommet", article.url_path).get()

    assert len(queries) == 1
    assert concrete_values(found) == concrete_values(expected)
    assert list(found.body.raw_data) == list(expected.body.raw_data)  # converted StreamField
    assert found._state.adding is False and found._state.db == "default"


def test_values_are_parameters_never_sql(newsroom):
    article = make_article(newsroom.europe, slug="sommet", published_at=days_ago(1))
    prepared = PreparedQuery("newsroom.ArticlePage", by_slug_and_path, "slug", "url_path")
    assert prepared.first(slug="sommet", url_path=article.url_path) == article
    for hostile in ["x' OR '1'='1", "sommet'; DELETE FROM wagtailcore_page; --", "%", "_"]:
        assert prepared.first(slug=hostile, url_path=hostile) is None
    assert prepared.first(slug="sommet", url_path=article.url_path) == article


def test_a_queryset_that_takes_a_value_twice_or_not_at_all_is_refused():
    once = PreparedQuery(
        "newsroom.ArticlePage",
        lambda slug: ArticlePage.objects.filter(slug=slug, title=slug)[:1],
        "slug",
    )
    with pytest.raises(ValueError, match="once"):
        once.first(slug="sommet")
