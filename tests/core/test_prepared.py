"""A query compiled once per process gives what its queryset gives, for any values."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kiosque.core.prepared import PreparedQuery
from kiosque.newsroom.models import ArticlePage
from tests.factories import days_ago, make_article, make_image

pytestmark = pytest.mark.django_db


def by_slug_and_path(slug, url_path):
    return ArticlePage.objects.filter(slug=slug, url_path=url_path).order_by("pk")[:1]


def concrete_values(page) -> dict:
    return {field.attname: getattr(page, field.attname) for field in page._meta.concrete_fields}


def test_the_prepared_article_is_the_querysets_article_field_by_field(newsroom):
    article = make_article(newsroom.europe, slug="sommet", published_at=days_ago(3))
    prepared = PreparedQuery("newsroom.ArticlePage", by_slug_and_path, slug=str, url_path=str)

    with CaptureQueriesContext(connection) as queries:
        found = prepared.first(slug="sommet", url_path=article.url_path)
    expected = by_slug_and_path("sommet", article.url_path).get()

    assert len(queries) == 1
    assert concrete_values(found) == concrete_values(expected)
    assert list(found.body.raw_data) == list(expected.body.raw_data)  # converted StreamField
    assert found._state.adding is False and found._state.db == "default"


def test_values_are_parameters_never_sql(newsroom):
    article = make_article(newsroom.europe, slug="sommet", published_at=days_ago(1))
    prepared = PreparedQuery("newsroom.ArticlePage", by_slug_and_path, slug=str, url_path=str)
    assert prepared.first(slug="sommet", url_path=article.url_path) == article
    for hostile in ["x' OR '1'='1", "sommet'; DELETE FROM wagtailcore_page; --", "%", "_"]:
        assert prepared.first(slug=hostile, url_path=hostile) is None
    assert prepared.first(slug="sommet", url_path=article.url_path) == article


def test_a_queryset_that_takes_a_value_twice_or_not_at_all_is_refused():
    once = PreparedQuery(
        "newsroom.ArticlePage",
        lambda slug: ArticlePage.objects.filter(slug=slug, title=slug)[:1],
        slug=str,
    )
    with pytest.raises(ValueError, match="once"):
        once.first(slug="sommet")


def test_joined_and_prefetched_objects_come_as_the_querysets_do(newsroom):
    """The related articles: select_related topic and picture, prefetched renditions."""
    from kiosque.newsroom import selectors
    from kiosque.newsroom.models.restrictions import any_view_restriction

    picture = make_image("Quai")
    story = make_article(newsroom.europe, slug="story", topic=newsroom.topic,
                         published_at=days_ago(0.1))  # fmt: skip
    for number, image in enumerate([picture, None, picture, None]):
        make_article(newsroom.europe, slug=f"avant-{number}", topic=newsroom.topic,
                     lead_image=image, published_at=days_ago(1 + number))  # fmt: skip
    make_article(newsroom.sport, slug="ailleurs", published_at=days_ago(0.5))

    others = ArticlePage.objects.live().exclude(pk=story.pk).filter(topic=newsroom.topic)
    expected = list(selectors.as_cards(selectors.newest_first(others))[:3])
    assert not any_view_restriction()  # read once, remembered: not part of the count
    with CaptureQueriesContext(connection) as queries:
        cards = selectors.related_articles(story)
        shown = [
            (card.title, card.topic.title, card.lead_image_id,
             [r.filter_spec for r in card.lead_image.renditions.all()] if card.lead_image else [])
            for card in cards
        ]  # fmt: skip
    assert len(queries) == 2  # the cards, then the renditions of their pictures
    assert [card.slug for card in cards] == ["avant-0", "avant-1", "avant-2"]
    assert [card.pk for card in cards] == [card.pk for card in expected]
    assert shown[0][1] == "Crise en Ukraine" and shown[0][2] == picture.pk and shown[0][3]
    assert shown[1][2] is None and shown[1][3] == []


def test_a_value_of_the_wrong_kind_is_refused_before_the_query(newsroom):
    prepared = PreparedQuery(
        "newsroom.ArticlePage",
        lambda topic_id: ArticlePage.objects.filter(topic_id=topic_id),
        topic_id=int,
    )
    with pytest.raises(TypeError, match="topic_id must be int"):
        prepared.all(topic_id="1 OR 1=1")
    assert prepared.all(topic_id=newsroom.topic.pk) == []
