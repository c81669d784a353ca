"""Cursor pagination: every article once, even while the newsroom keeps publishing."""

from __future__ import annotations

from datetime import timedelta

from django.core import signing

from kiosque.api.cursor import SALT
from tests.factories import days_ago, make_article


def _walk(api_get, first_path: str, during_walk=None) -> list[list[int]]:
    pages = []
    response = api_get(first_path)
    while True:
        assert response.status_code == 200, response.content
        data = response.json()
        pages.append([item["id"] for item in data["items"]])
        if during_walk is not None:
            during_walk(len(pages))
        if data["next"] is None:
            assert data["next_url"] is None
            return pages
        assert data["next_url"].startswith("http://127.0.0.1:8000/api/v1/articles?")
        # The next address keeps the filters and only changes the cursor.
        response = api_get(data["next_url"].removeprefix("http://127.0.0.1:8000/api/v1/"))


def test_walk_sees_every_article_once_while_new_ones_are_published(api_get, newsroom):
    base = days_ago(10)
    existing = [
        make_article(newsroom.europe, title=f"Article {n}", published_at=base + timedelta(hours=n))
        for n in range(11)
    ]
    # Two articles published in the same second: the page id breaks the tie.
    same_time = base + timedelta(hours=5)
    twins = [
        make_article(newsroom.monde, title=f"Jumeau {n}", published_at=same_time) for n in range(2)
    ]
    newest_first = sorted(
        [*existing, *twins], key=lambda a: (a.first_published_at, a.pk), reverse=True
    )
    expected = [a.pk for a in newest_first]
    fresh = []

    def publish_more(page_number):
        fresh.append(
            make_article(newsroom.sport, title=f"Nouveau {page_number}", published_at=days_ago(0))
        )

    pages = _walk(api_get, "articles?page_size=3", during_walk=publish_more)

    seen = [pk for page in pages for pk in page]
    assert seen == expected  # the same order, no duplicate, no gap
    assert all(len(page) == 3 for page in pages[:-1])
    assert not {a.pk for a in fresh} & set(seen)
    # A new walk starts with what was published meanwhile.
    assert _walk(api_get, "articles?page_size=50")[0][: len(fresh)] == [
        a.pk for a in reversed(fresh)
    ]


def test_walk_with_filters_and_search(api_get, newsroom):
    for n in range(5):
        make_article(newsroom.europe, title=f"Sommet européen {n}", published_at=days_ago(5 - n))
        make_article(newsroom.sport, title=f"Match {n}", published_at=days_ago(5 - n))
    pages = _walk(api_get, f"articles?section={newsroom.europe.pk}&page_size=2")
    assert [len(p) for p in pages] == [2, 2, 1]
    pages = _walk(api_get, "articles?q=Sommet&page_size=2")
    assert sum(len(p) for p in pages) == 5
    assert len({pk for p in pages for pk in p}) == 5


def test_cursor_is_opaque_and_tamper_proof(api_get, published):
    first = api_get("articles?page_size=1").json()
    cursor = first["next"]
    second = api_get("articles", data={"page_size": 1, "cursor": cursor})
    assert [i["id"] for i in second.json()["items"]] == [published[1].pk]

    forged = signing.dumps(["2099-01-01T00:00:00+00:00", 10**6], salt="another.salt")
    unsigned_change = cursor[:-3] + ("aaa" if not cursor.endswith("aaa") else "bbb")
    wrong_key = signing.dumps(["2099-01-01T00:00:00+00:00", 1], salt=SALT, key="not-the-secret")
    for bad in (forged, unsigned_change, wrong_key, "abc", "::", "a" * 400):
        response = api_get("articles", data={"cursor": bad})
        assert response.status_code == 400, bad
        assert response.json() == {
            "detail": "invalid cursor: use the `next` value of a previous page as is"
        }


def test_page_size_bounds(api_get, published):
    assert len(api_get("articles?page_size=1").json()["items"]) == 1
    assert len(api_get("articles?page_size=100").json()["items"]) == 3
    for size in ("0", "-5", "101", "1000000", "99999999999999999999999", "dix", "2.5"):
        response = api_get(f"articles?page_size={size}")
        assert response.status_code == 422, size
        assert response.json()["detail"][0]["loc"] == ["query", "page_size"]
