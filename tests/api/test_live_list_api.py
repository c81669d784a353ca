"""GET /api/v1/lives: the published lives with their state now, cached like the rest of
the API and kept by the edge no longer than the next start or end of one of them."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from kiosque.live.models import LivePage
from tests.factories import make_article
from tests.live.helpers import make_live

pytestmark = pytest.mark.django_db


@pytest.fixture
def lives(newsroom):
    now = timezone.now()
    running = make_live(newsroom.europe, title="DIRECT. Sommet européen", slug="sommet")
    ended = make_live(
        newsroom.monde,
        title="DIRECT. Élections au Chili",
        slug="chili",
        coverage_start=now - timedelta(days=2),
        coverage_end=now - timedelta(hours=3),
    )
    upcoming = make_live(newsroom.sport, title="DIRECT. Finale de la Coupe", slug="finale",
                         coverage_start=now + timedelta(hours=2))  # fmt: skip
    hidden = make_live(newsroom.europe, title="DIRECT. Brouillon", slug="brouillon")
    LivePage.objects.filter(pk=hidden.pk).update(live=False)
    make_article(newsroom.europe, title="Un article, pas un direct", slug="article")
    return {"running": running, "ended": ended, "upcoming": upcoming}


def test_the_list_gives_each_published_live_with_its_state(client, lives):
    response = client.get("/api/v1/lives")
    assert response.status_code == 200
    items = {item["id"]: item for item in response.json()["items"]}
    assert set(items) == {live.pk for live in lives.values()}
    for state, live in lives.items():
        item = items[live.pk]
        assert item["state"] == state
        assert item["title"] == live.title
        assert item["url"].endswith(live.url)
        assert item["entries_url"].endswith(f"/api/v1/lives/{live.pk}/entries")
        assert item["api_url"].endswith(f"/api/v1/articles/{live.pk}")
    assert items[lives["ended"].pk]["coverage_end"] is not None
    assert items[lives["running"].pk]["coverage_end"] is None
    assert response.json()["next"] is None


@pytest.mark.parametrize("state", ["running", "ended", "upcoming"])
def test_the_list_filters_by_state(client, lives, state):
    items = client.get(f"/api/v1/lives?state={state}").json()["items"]
    assert [item["id"] for item in items] == [lives[state].pk]


def test_bad_parameters_are_refused(client, lives):
    assert client.get("/api/v1/lives?state=live").status_code == 422
    assert client.get("/api/v1/lives?page_size=0").status_code == 422
    assert client.get("/api/v1/lives?cursor=abc").status_code == 400
    unknown = client.get("/api/v1/lives?etat=running")
    assert unknown.status_code == 400 and "etat" in unknown.json()["detail"]


def test_the_list_is_walked_a_page_at_a_time(client, lives):
    seen = []
    url = "/api/v1/lives?page_size=1"
    while url:
        page = client.get(url).json()
        seen += [item["id"] for item in page["items"]]
        url = page["next_url"] and page["next_url"].split("testserver", 1)[-1]
        url = url and url[url.index("/api/") :]
    assert sorted(seen) == sorted(live.pk for live in lives.values())
    assert len(seen) == len(set(seen))


def test_the_list_is_public_tagged_and_kept_no_longer_than_the_next_state_change(client, lives):
    response = client.get("/api/v1/lives")
    keys = set(response["xkey"].split())
    assert {"api", "all"} <= keys
    assert {f"a{live.pk}" for live in lives.values()} <= keys
    assert "public" in response["Cache-Control"] and response.has_header("ETag")
    # The upcoming live starts in two hours: the edge must not keep "upcoming" past that.
    shared = int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))
    assert shared <= 2 * 3600
    soon = lives["upcoming"]
    LivePage.objects.filter(pk=soon.pk).update(
        coverage_start=timezone.now() + timedelta(seconds=90)
    )
    capped = client.get("/api/v1/lives?page_size=5")
    assert int(re.search(r"s-maxage=(\d+)", capped["Cache-Control"]).group(1)) <= 90
