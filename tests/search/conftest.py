"""Search tests: articles with real French text, indexed the way the worker does it."""

import pytest
from django.db import connection
from wagtail.rich_text import RichText

from tests.factories import days_ago, make_article


def paragraphs(*texts: str) -> list:
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


@pytest.fixture
def write(newsroom):
    """`write(title, body=..., days=..., **fields)`: a published article, dated `days` ago."""

    def make(title, *, body="Texte sans rapport.", days=1.0, section=None, **fields):
        return make_article(
            section or newsroom.monde,
            title=title,
            body=paragraphs(body) if isinstance(body, str) else body,
            published_at=days_ago(days),
            **fields,
        )

    return make


@pytest.fixture
def reindex(db):
    """Rebuild the index as `kiosque search_rebuild` does (tests backdate articles with
    queryset updates, which send no signal)."""
    from kiosque.search.services import search_index_rebuild

    return search_index_rebuild


@pytest.fixture
def on_postgresql(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/…")


def found_titles(client, query: str, **params) -> list[str]:
    """Titles of the results, in order, as the page lists them."""
    import re
    from html import unescape

    response = client.get("/recherche/", {"q": query, **params})
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    titles = re.findall(r'class="search-result__title"><a href="[^"]*">(.*?)</a>', html)
    return [
        unescape(re.sub(r"<[^>]+>", "", title)).replace("\u00a0", " ").replace("\u202f", " ")
        for title in titles
    ]
