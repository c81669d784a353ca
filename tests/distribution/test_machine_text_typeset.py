"""The words machines pass on to readers (share cards, JSON-LD, the news sitemap) are
typeset as the page is: a share card never breaks « 150 000 » or leaves « : » alone."""

import json
import re

import pytest

from tests.factories import days_ago, make_article

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
TITLE = "Crue : 150 000 sinistrés et 172 km/h de vent"


def test_share_tags_and_json_ld_carry_the_typeset_title(client, newsroom):
    article = make_article(
        newsroom.europe, slug="crue", title=TITLE, standfirst="Un bilan : 3 000 m de digues.",
        published_at=days_ago(0.1),
    )  # fmt: skip
    html = client.get(article.url).content.decode()
    og_title = re.search(r'<meta property="og:title" content="([^"]*)"', html).group(1)
    assert f"150{NBSP}000" in og_title or "150&#8239;000" in og_title or "150\u202f000" in og_title
    assert " : " not in og_title.replace(NBSP, "~").replace("\u202f", "~")
    data = [json.loads(block) for block in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]  # fmt: skip
    article_ld = next(item for item in data if "headline" in item)
    assert "150 000" not in article_ld["headline"]  # no plain space inside the number
    assert "3 000 m" not in article_ld["description"]


def test_the_news_sitemap_titles_are_typeset(client, newsroom):
    make_article(newsroom.europe, slug="crue-plan", title=TITLE, published_at=days_ago(0.1))
    body = client.get("/sitemaps/news.xml").content.decode()
    title = re.search(r"<news:title>(.*?)</news:title>", body).group(1)
    assert "150 000" not in title and "Crue :" not in title
