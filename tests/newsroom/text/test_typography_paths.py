"""Every text a reader gets keeps numbers with their groups and units: cards, the
article page, feeds, the API, search results and comments (issue 16)."""

import re
from html import unescape

import feedparser
import pytest
from django.test import Client
from wagtail.rich_text import RichText

from kiosque.discussion.services import comment_post
from tests.discussion.helpers import make_reader
from tests.factories import days_ago, make_article, make_image

pytestmark = pytest.mark.django_db

TITLE = "Des rafales à 172 km/h sur Ouessant"
STANDFIRST = "Plus de 240 000 foyers privés d’électricité."
TITLE_SPACED = "Des rafales à 172\u00a0km/h sur Ouessant"
STANDFIRST_SPACED = "Plus de 240\u202f000 foyers privés d’électricité."


@pytest.fixture
def storm(newsroom):
    return make_article(
        newsroom.europe,
        slug="tempete",
        title=TITLE,
        standfirst=STANDFIRST,
        body=[
            ("paragraph", RichText("<p>Le vent a soufflé dès 18 h 30 sur la pointe.</p>")),
            ("image", {"image": make_image("Digue"), "caption": "La digue, haute de 3 000 m."}),
        ],
        lead_image=make_image("Port"),
        lead_image_caption="Le port, où la houle a atteint 12 m.",
        published_at=days_ago(1),
    )


def text_of(html: str, pattern: str) -> str:
    """The text of the first element matched by `pattern` (its inner HTML, group 1)."""
    found = re.search(pattern, html, re.S)
    assert found, pattern
    return unescape(re.sub(r"<[^>]+>", "", found.group(1)))


def test_the_card_keeps_the_number_with_its_unit(client, storm, newsroom):
    html = client.get(newsroom.europe.url).content.decode()
    assert text_of(html, r'class="card__title">(.*?)</h') == TITLE_SPACED


def test_the_article_page_spaces_title_standfirst_body_and_captions(client, storm):
    html = client.get(storm.url).content.decode()
    assert text_of(html, r'<h1 class="article__title">(.*?)</h1>') == TITLE_SPACED
    assert text_of(html, r'<p class="standfirst">(.*?)</p>') == STANDFIRST_SPACED
    assert "dès 18\u00a0h\u00a030 sur" in html
    assert "haute de 3\u202f000\u00a0m." in html  # an image block's caption
    assert "atteint 12\u00a0m." in html  # the lead picture's caption


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_items_keep_numbers_with_their_units(client, storm, kind):
    entry = feedparser.parse(client.get(f"/{kind}.xml").content).entries[0]
    assert entry.title == TITLE_SPACED
    assert unescape(entry.summary) == STANDFIRST_SPACED


def test_the_api_gives_the_text_as_the_page_shows_it(client, storm):
    response = client.get(f"/api/v1/articles/{storm.pk}")
    assert response.status_code == 200, response.content
    item = response.json()
    assert item["title"] == TITLE_SPACED
    assert item["standfirst"] == STANDFIRST_SPACED
    assert item["lead_image"]["caption"] == "Le port, où la houle a atteint 12\u00a0m."
    listed = client.get("/api/v1/articles").json()["items"]
    assert [entry["title"] for entry in listed] == [TITLE_SPACED]


def test_the_api_leaves_english_articles_as_typed(client, newsroom):
    article = make_article(
        newsroom.europe, title="Winds at 172 km/h", language="en", published_at=days_ago(1)
    )
    assert client.get(f"/api/v1/articles/{article.pk}").json()["title"] == "Winds at 172 km/h"


def test_search_results_keep_numbers_with_their_units(client, storm):
    from kiosque.search.services import search_index_rebuild

    search_index_rebuild()
    html = client.get("/recherche/", {"q": "rafales"}).content.decode()
    title = text_of(html, r'class="search-result__title">(.*?)</h3>')
    assert title == TITLE_SPACED
    # An excerpt from the body, its query word in <mark>.
    html = client.get("/recherche/", {"q": "soufflé"}).content.decode()
    excerpt = text_of(html, r'<p class="search-result__excerpt">(.*?)</p>')
    assert "dès 18\u00a0h\u00a030 sur" in excerpt


def test_reader_comments_get_french_spacing(article):
    comment_post(
        user=make_reader(), article=article, body="Il y avait 3 000 personnes! Vers 18 h 30."
    )
    html = Client().get(article.url).text
    assert "Il y avait 3\u202f000 personnes\u202f! Vers 18\u00a0h\u00a030." in html
