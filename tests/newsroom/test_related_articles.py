"""« Related articles » under an article: its story first, never a hidden page."""

import pytest
from wagtail.models import PageViewRestriction

from kiosque.newsroom.selectors import related_articles
from tests.factories import days_ago, make_article

pytestmark = pytest.mark.django_db


def slugs(articles) -> list[str]:
    return [article.slug for article in articles]


def test_the_latest_three_others_of_the_same_topic_newest_first(newsroom):
    story = make_article(newsroom.europe, slug="story", topic=newsroom.topic,
                         published_at=days_ago(2))  # fmt: skip
    for days in (1, 3, 4, 5):
        make_article(newsroom.sport, slug=f"dossier-{days}", topic=newsroom.topic,
                     published_at=days_ago(days))  # fmt: skip
    make_article(newsroom.europe, slug="meme-rubrique", published_at=days_ago(0.5))
    make_article(newsroom.sport, slug="brouillon", topic=newsroom.topic, live=False)

    assert slugs(related_articles(story)) == ["dossier-1", "dossier-3", "dossier-4"]


def test_without_a_topic_the_latest_of_the_same_section(newsroom):
    story = make_article(newsroom.europe, slug="story", published_at=days_ago(2))
    make_article(newsroom.europe, slug="voisin", published_at=days_ago(1))
    make_article(newsroom.sport, slug="ailleurs", published_at=days_ago(0.5))

    assert slugs(related_articles(story)) == ["voisin"]


def test_an_article_of_a_private_section_is_never_related(client, newsroom):
    story = make_article(newsroom.sport, slug="story", topic=newsroom.topic,
                         published_at=days_ago(2))  # fmt: skip
    make_article(newsroom.europe, slug="interne", topic=newsroom.topic, published_at=days_ago(1))
    make_article(newsroom.sport, slug="public", topic=newsroom.topic, published_at=days_ago(3))
    assert slugs(related_articles(story)) == ["interne", "public"]

    PageViewRestriction.objects.create(page=newsroom.monde, restriction_type="login")

    assert slugs(related_articles(story)) == ["public"]
    page = client.get(story.url).content.decode()
    assert "/sport/public/" in page and "/monde/europe/interne/" not in page
