"""La une shows the running lives, marked « Direct », at no extra query."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from kiosque.newsroom.models import ArticlePage
from tests.factories import make_article
from tests.live.helpers import make_live

pytestmark = pytest.mark.django_db


def _strip(html: str) -> str:
    found = re.search(r'<section class="running-lives".*?</section>', html, re.S)
    return found.group(0) if found else ""


def test_running_lives_are_listed_on_la_une_and_ended_or_stale_ones_are_not(client, newsroom):
    make_article(newsroom.europe, slug="a-la-une", title="Un article ordinaire")
    first = make_live(newsroom.europe, slug="direct-un", title="DIRECT. Premier direct")
    second = make_live(newsroom.sport, slug="direct-deux", title="DIRECT. Second direct")
    ended = make_live(
        newsroom.europe, slug="direct-fini", title="DIRECT. Direct terminé",
        coverage_end=timezone.now() - timedelta(hours=2),
    )  # fmt: skip
    forgotten = make_live(newsroom.europe, slug="direct-oublie", title="DIRECT. Oublié")
    ArticlePage.objects.filter(pk=forgotten.pk).update(
        first_published_at=timezone.now() - timedelta(days=5)
    )
    newsroom.home.lead_story = ArticlePage.objects.get(slug="a-la-une")
    newsroom.home.save_revision().publish()

    strip = _strip(client.get("/").content.decode())
    assert "Second direct" in strip and "Premier direct" in strip
    assert strip.index("Second direct") < strip.index("Premier direct")  # newest first
    assert "Direct terminé" not in strip and "Oublié" not in strip
    assert f'href="{second.url}"' in strip and f'href="{first.url}"' in strip
    del ended


def test_a_live_that_leads_la_une_is_not_listed_twice(client, newsroom):
    live = make_live(newsroom.europe, slug="direct-lead", title="DIRECT. Le direct en tête")
    newsroom.home.lead_story = ArticlePage.objects.get(pk=live.pk)
    newsroom.home.save_revision().publish()
    html = client.get("/").content.decode()
    assert _strip(html) == ""
    assert "Le direct en tête" in html


def test_the_running_lives_cost_no_query(client, newsroom, django_assert_num_queries):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_article(newsroom.europe, slug="sans-direct")
    client.get("/")
    cache.clear()
    with CaptureQueriesContext(connection) as without_lives:
        client.get("/")
    make_live(newsroom.europe, slug="direct-a")
    make_live(newsroom.sport, slug="direct-b")
    client.get("/")
    cache.clear()
    with CaptureQueriesContext(connection) as with_lives:
        html = client.get("/").content.decode()
    assert _strip(html)
    assert len(with_lives) == len(without_lives)
