"""The article's type label comes just before its title, and the dateline opens the body
when set (the Trust Project's « type of work » and « dateline » indicators)."""

import re

import pytest

from kiosque.newsroom.models import ArticleType
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("article_type", "french", "english"),
    [
        (ArticleType.INFO, "Info", "News"),
        (ArticleType.ANALYSE, "Analyse", "Analysis"),
        (ArticleType.OPINION, "Opinion", "Opinion"),
        (ArticleType.ENTRETIEN, "Entretien", "Interview"),
        (ArticleType.VRAI_OU_FAUX, "Vrai ou faux", "Fact check"),
    ],
)
def test_the_type_label_is_just_before_the_title(client, newsroom, article_type, french, english):
    article = make_article(newsroom.europe, slug=f"type-{article_type}", article_type=article_type)
    for prefix, label in (("", french), ("/en", english)):
        html = client.get(prefix + article.url).content.decode()
        main = html[html.index("<main") :]
        match = re.search(r'<p class="article-type"[^>]*>([^<]+)</p>\s*<h1', main)
        assert match, "the type label is not the element right before the title"
        assert match.group(1) == label


def test_the_dateline_opens_the_body_only_when_set(client, newsroom):
    with_dateline = make_article(
        newsroom.europe, slug="avec-lieu", dateline="WILMINGTON (Etats-Unis) –"
    )
    html = client.get(with_dateline.url).content.decode()
    body = html[html.index('class="article__body"') :]
    assert "WILMINGTON (Etats-Unis)\u00a0–" in body[: body.index("mot")]
    without = make_article(newsroom.europe, slug="sans-lieu")
    body = client.get(without.url).content.decode()
    assert "WILMINGTON" not in body
