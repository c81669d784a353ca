"""What surrounds every reader page: the footer's indexes, absolute language
alternates, and the English interface's note on articles staying in French."""

import re

import pytest
from django.conf import settings

from tests.factories import days_ago, make_article

pytestmark = pytest.mark.django_db


def footer(html: str) -> str:
    return html[html.index('<footer class="site-footer">') : html.index("</footer>")]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_footer_links_the_dossiers_and_the_authors(client, newsroom, prefix):
    article = make_article(newsroom.europe, published_at=days_ago(1))
    for path in ("/", article.url, newsroom.europe.url):
        links = footer(client.get(prefix + path).content.decode())
        assert f'<a href="{prefix}/dossiers/">Dossiers</a>' in links, path
        assert f'<a href="{prefix}/auteurs/">Auteurs</a>' in links, path


def test_language_alternates_are_absolute_urls(client, newsroom):
    article = make_article(newsroom.europe, slug="sommet", published_at=days_ago(1))
    html = client.get(article.url).content.decode()
    base = settings.BASE_URL.rstrip("/")
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', html))
    assert alternates == {"fr": base + article.url, "en": base + "/en" + article.url}


def test_the_english_home_page_says_once_that_articles_stay_in_french(client, newsroom):
    article = make_article(newsroom.europe, published_at=days_ago(1))
    note = "The articles are published in French"
    assert note in client.get("/en/").content.decode()
    assert note not in client.get("/en" + article.url).content.decode()
    assert 'class="interface-note"' not in client.get("/").content.decode()
