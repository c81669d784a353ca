"""« Partager » without third-party scripts: plain links that work without JavaScript,
to the article's absolute canonical address, every value percent-encoded; the buttons
hidden until share.js shows them."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings

from kiosque.editorial.share_links import share_links
from tests.factories import days_ago, make_article

TITLE = "Grève & « accord » ? 100 % sûr"


def hrefs(html: str) -> dict[str, str]:
    """network → href of each share link, unescaped as a browser reads the attribute."""
    found = re.findall(r'class="share__link share__link--(\w+)" href="([^"]+)"', html)
    return {network: href.replace("&amp;", "&") for network, href in found}


def test_links_encode_the_title_and_the_address():
    url = "https://kiosque.example/monde/europe/greve/"
    links = {link.network: link.href for link in share_links(url, TITLE, "E-mail")}
    assert links["email"] == (
        "mailto:?subject=Gr%C3%A8ve%20%26%20%C2%AB%20accord%20%C2%BB%20%3F%20100%20%25%20s%C3%BBr"
        "&body=https%3A%2F%2Fkiosque.example%2Fmonde%2Feurope%2Fgreve%2F"
    )
    assert "+" not in links["email"]  # %20: mail clients show a "+" as written
    assert parse_qs(urlsplit(links["x"]).query) == {"text": [TITLE], "url": [url]}
    assert links["facebook"].startswith("https://www.facebook.com/sharer/sharer.php?u=")
    assert parse_qs(urlsplit(links["facebook"]).query) == {"u": [url]}
    assert parse_qs(urlsplit(links["linkedin"]).query) == {"url": [url]}
    assert parse_qs(urlsplit(links["whatsapp"]).query) == {"text": [f"{TITLE} {url}"]}


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_article_shares_its_absolute_canonical_address_without_javascript(
    client, newsroom, prefix
):
    article = make_article(newsroom.europe, slug="greve", title=TITLE, published_at=days_ago(1))
    html = client.get(prefix + article.url).text
    canonical = settings.BASE_URL.rstrip("/") + "/monde/europe/greve/"  # French, also on /en/
    assert f'<link rel="canonical" href="{canonical}">' in html
    links = hrefs(html)
    assert set(links) == {"email", "x", "facebook", "linkedin", "whatsapp"}
    assert parse_qs(urlsplit(links["email"]).query) == {"subject": [TITLE], "body": [canonical]}
    assert parse_qs(urlsplit(links["x"]).query)["url"] == [canonical]
    assert parse_qs(urlsplit(links["facebook"]).query)["u"] == [canonical]
    assert parse_qs(urlsplit(links["linkedin"]).query)["url"] == [canonical]
    # Plain links only: nothing loaded from the networks, no iframe, no inline script.
    assert "<iframe" not in html
    assert not re.search(r'<script[^>]+src="(https?:)?//', html)
    assert '<script src="/static/kiosque/share.js" defer></script>' in html
    # Both buttons wait for share.js to say the browser can do it.
    assert re.search(r"<button [^>]*data-share-native hidden>", html)
    assert re.search(r"<button [^>]*data-share-copy hidden>", html)
    assert f'data-share-url="{canonical}"' in html
