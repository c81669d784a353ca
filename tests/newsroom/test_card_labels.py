"""Cards show the article type and picture as the model and images module say."""

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from kiosque.newsroom.jinja2tags import article_type_label
from kiosque.newsroom.models import ArticlePage, ArticleType
from tests.factories import days_ago, make_article, make_image


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_type_label_is_djangos_display_in_either_language(language):
    with translation.override(language):
        for value in [*ArticleType.values, "rubrique-disparue"]:
            article = ArticlePage(article_type=value)
            assert article_type_label(article) == article.get_article_type_display()
    with translation.override("fr"):
        assert article_type_label(ArticlePage(article_type="analyse")) == "Analyse"


@pytest.mark.django_db
def test_one_picture_on_several_cards_is_worked_out_once_per_request(newsroom, monkeypatch):
    import kiosque.newsroom.jinja2tags as tags

    picture = make_image("Quai")
    cards = []
    for n in range(3):
        when = days_ago(n + 1)
        cards.append(make_article(newsroom.europe, slug=f"carte-{n}", lead_image=picture,
                                  published_at=when))  # fmt: skip
    worked_out = []
    real = tags.picture_sources
    monkeypatch.setattr(tags, "picture_sources", lambda *a: worked_out.append(a) or real(*a))
    template = engines["jinja2"].from_string(
        "{% for article in cards %}{% include 'newsroom/includes/card.html' %}{% endfor %}"
    )
    request = RequestFactory().get("/", HTTP_HOST="testserver")

    html = template.render({"cards": cards}, request)

    assert len(worked_out) == 1
    assert html.count('<source type="image/webp" srcset="') == 3
    assert html.count(real(picture, tags.KINDS["card"])["src"]) == 3
