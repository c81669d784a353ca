"""« Les plus lus »: what the lists hold, when they are purged, and the block readers see."""

import copy
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from kiosque.audience import most_read
from kiosque.audience.models import HourlyPageViews, MostRead
from kiosque.core import periodic_jobs
from kiosque.edge.keys import MOST_READ
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def hour_ago(hours: float):
    now = timezone.now()
    return now.replace(minute=0, second=0, microsecond=0) - timedelta(hours=hours)


def read(page, views: int, *, hours_ago: float = 1) -> None:
    HourlyPageViews.objects.update_or_create(
        page_id=page.pk, hour=hour_ago(hours_ago), defaults={"views": views}
    )


@pytest.fixture
def purges(monkeypatch):
    sent = []
    monkeypatch.setattr(most_read, "purge_keys_on_commit", lambda keys: sent.append(set(keys)))
    return sent


@pytest.fixture(scope="module")
def _module_articles(_module_newsroom, django_db_blocker):
    """Three articles in Monde > Europe, two in Monde itself, two in Sport: published once
    for the module, in its newsroom's transaction (each test runs in a savepoint)."""
    newsroom = _module_newsroom
    with django_db_blocker.unblock():
        europe = [
            make_article(newsroom.europe, title=f"Europe {n}", slug=f"eu-{n}") for n in range(3)
        ]
        monde = [make_article(newsroom.monde, title=f"Monde {n}", slug=f"mo-{n}") for n in range(2)]
        sport = [make_article(newsroom.sport, title=f"Sport {n}", slug=f"sp-{n}") for n in range(2)]
    return {"europe": europe, "monde": monde, "sport": sport}


@pytest.fixture
def articles(newsroom, _module_articles):
    return copy.deepcopy(_module_articles)  # what a test does to them stays in its copy


def test_the_site_list_ranks_the_last_24_hours_views(newsroom, articles, purges):
    eu, mo, sp = articles["europe"], articles["monde"], articles["sport"]
    read(eu[0], 50)
    read(eu[0], 30, hours_ago=5)  # the same article, another hour: 80 in all
    read(sp[0], 70)
    read(mo[1], 10)
    read(sp[1], 1000, hours_ago=24)  # a day ago to the hour: out of the window
    read(newsroom.monde, 500)  # a section page is no article
    lists = most_read.compute_lists()
    assert lists[most_read.SITE] == [eu[0].pk, sp[0].pk, mo[1].pk]


def test_an_article_counts_for_its_section_and_every_section_above(newsroom, articles):
    eu, mo, sp = articles["europe"], articles["monde"], articles["sport"]
    read(eu[1], 40)
    read(mo[0], 60)
    read(sp[0], 5)
    lists = most_read.compute_lists()
    assert lists[str(newsroom.europe.pk)] == [eu[1].pk]
    assert lists[str(newsroom.monde.pk)] == [mo[0].pk, eu[1].pk]
    assert lists[str(newsroom.sport.pk)] == [sp[0].pk]


def test_ten_at_most_and_ties_go_to_the_newer_article(newsroom, articles):
    more = [make_article(newsroom.sport, title=f"N {n}", slug=f"n-{n}") for n in range(5)]
    every = [article for group in articles.values() for article in group] + more
    for article in every:
        read(article, 7)
    newest_first = sorted((a.pk for a in every), reverse=True)
    assert most_read.compute_lists()[most_read.SITE] == newest_first[:10]


def test_unpublished_private_and_expired_articles_are_left_out(newsroom, articles):
    eu, mo, sp = articles["europe"], articles["monde"], articles["sport"]
    for article, views in ((eu[0], 90), (eu[1], 80), (mo[0], 70), (sp[0], 60), (sp[1], 50)):
        read(article, views)
    eu[0].unpublish()  # withdrawn by an editor (or killed by the agency)
    Page.objects.filter(pk=eu[1].pk).update(live=False, expired=True)  # expired
    PageViewRestriction.objects.create(page=newsroom.sport, restriction_type="login")
    lists = most_read.compute_lists()
    assert lists[most_read.SITE] == [mo[0].pk]
    assert str(newsroom.sport.pk) not in lists  # a private section has no list either


def test_a_refresh_stores_the_lists_and_purges_only_when_one_changed(newsroom, articles, purges):
    eu, sp = articles["europe"], articles["sport"]
    read(eu[0], 10)
    read(sp[0], 5)
    assert most_read.refresh_most_read() is True
    assert purges == [{MOST_READ}]
    stored = dict(MostRead.objects.values_list("scope", "article_ids"))
    assert stored[""] == [eu[0].pk, sp[0].pk]
    assert stored[str(newsroom.europe.pk)] == [eu[0].pk]

    read(eu[0], 11)  # more views, same order: nothing for readers to see
    assert most_read.refresh_most_read() is False
    assert purges == [{MOST_READ}]

    read(sp[0], 50)  # the order changes
    assert most_read.refresh_most_read() is True
    assert purges == [{MOST_READ}, {MOST_READ}]
    assert MostRead.objects.get(scope="").article_ids == [sp[0].pk, eu[0].pk]

    HourlyPageViews.objects.filter(page_id=sp[0].pk).delete()  # Sport no longer read
    assert most_read.refresh_most_read() is True
    assert not MostRead.objects.filter(scope=str(newsroom.sport.pk)).exists()


def test_the_computation_is_a_few_queries_whatever_the_number_of_articles(
    newsroom, articles, purges
):
    many = [article for group in articles.values() for article in group]
    for n, article in enumerate(many):
        read(article, n + 1)
    most_read.refresh_most_read()  # first run: creates the rows
    read(many[0], 100)
    with CaptureQueriesContext(connection) as queries:
        assert most_read.refresh_most_read() is True
    # one aggregate, the sections, the stored lists, the upsert, the unchanged ones'
    # time (and the savepoint's two statements).
    aggregates = [q["sql"] for q in queries if "SUM(" in q["sql"].upper()]
    assert len(aggregates) == 1
    assert len(queries) <= 7, [q["sql"] for q in queries]


def test_the_worker_job_runs_once_per_refresh_period(newsroom, articles, purges, settings):
    settings.AUDIENCE_REFRESH_SECONDS = 300
    job = next(j for j in periodic_jobs.registered() if j.run is most_read.run_when_due)
    read(articles["sport"][0], 3)
    assert job.seconds_until_due() == 0
    job.run()
    assert MostRead.objects.get(scope="").article_ids == [articles["sport"][0].pk]
    assert 295 < job.seconds_until_due() <= 300
    read(articles["sport"][1], 30)
    job.run()  # not due: the list waits for the next period
    assert MostRead.objects.get(scope="").article_ids == [articles["sport"][0].pk]
    MostRead.objects.update(computed_at=timezone.now() - timedelta(seconds=301))
    job.run()
    assert MostRead.objects.get(scope="").article_ids[0] == articles["sport"][1].pk


# --- the block -------------------------------------------------------------------------


def test_la_une_shows_the_site_list_in_order_and_nothing_when_empty(client, newsroom, articles):
    response = client.get("/")
    assert 'class="most-read"' not in response.content.decode()  # no list yet: no block
    eu, sp = articles["europe"], articles["sport"]
    read(eu[2], 4)
    read(sp[1], 9)
    most_read.refresh_most_read()
    html = client.get("/").content.decode()
    block = html.split('class="most-read"', 1)[1].split("</section>", 1)[0]
    assert "Les plus lus" in block
    assert block.index("Sport 1") < block.index("Europe 2")
    assert "<esi:" not in html
    assert "Surrogate-Control" not in client.get("/")


def test_an_article_shows_its_section_list_or_the_site_one(client, newsroom, articles):
    eu, sp = articles["europe"], articles["sport"]
    for n, article in enumerate(eu):
        read(article, 10 + n)
    read(sp[0], 100)
    most_read.refresh_most_read()
    europe_page = client.get(eu[0].url).content.decode()
    block = europe_page.split('class="most-read"', 1)[1].split("</section>", 1)[0]
    assert "Europe" in block.split("</h2>")[0]  # « Les plus lus : Europe »
    assert "Sport 0" not in block and "Europe 2" in block
    # Sport has one article read: too short a list, the site's is shown.
    sport_page = client.get(sp[1].url).content.decode()
    block = sport_page.split('class="most-read"', 1)[1].split("</section>", 1)[0]
    assert "Sport" not in block.split("</h2>")[0]
    assert "Sport 0" in block and "Europe 2" in block


def test_a_withdrawn_article_leaves_the_block_at_once(client, newsroom, articles):
    eu = articles["europe"]
    read(eu[0], 10)
    read(eu[1], 5)
    most_read.refresh_most_read()
    eu[0].unpublish()
    html = client.get("/").content.decode()
    assert "Europe 1" in html.split('class="most-read"', 1)[1]
    assert "Europe 0" not in html.split('class="most-read"', 1)[1]


# --- behind an edge that assembles pages (ESI) -------------------------------------------

EDGE = {"HTTP_SURROGATE_CAPABILITY": 'kiosque="ESI/1.0"'}


def test_behind_the_edge_the_page_includes_the_block_and_is_not_filed_under_it(
    client, newsroom, articles
):
    eu = articles["europe"]
    for n, article in enumerate(eu):
        read(article, 10 + n)
    most_read.refresh_most_read()
    home = client.get("/", **EDGE)
    assert home["Surrogate-Control"] == 'content="ESI/1.0"'
    assert '<esi:include src="/plus-lus/" onerror="continue"/>' in home.content.decode()
    assert MOST_READ not in home["xkey"].split()  # a list change leaves the page cached
    page = client.get(eu[0].url, **EDGE)
    include = f'<esi:include src="/plus-lus/{newsroom.europe.pk}/"'
    assert include in page.content.decode()
    assert MOST_READ not in page["xkey"].split()
    english = client.get("/en" + eu[0].url, **EDGE).content.decode()
    assert f'<esi:include src="/en/plus-lus/{newsroom.europe.pk}/"' in english


def test_the_block_at_its_own_address_is_shared_and_filed_under_its_keys(
    client, newsroom, articles, settings
):
    settings.AUDIENCE_REFRESH_SECONDS = 120
    eu = articles["europe"]
    for n, article in enumerate(eu):
        read(article, 10 + n)
    most_read.refresh_most_read()
    response = client.get(f"/plus-lus/{newsroom.europe.pk}/")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "s-maxage=120" in response["Cache-Control"]
    assert not response.cookies and "Cookie" not in response.get("Vary", "")
    keys = set(response["xkey"].split())
    assert {MOST_READ, "all", f"a{eu[2].pk}", f"a{eu[0].pk}"} <= keys
    html = response.content.decode()
    assert html.index("Europe 2") < html.index("Europe 0") and "<esi:" not in html
    # The site's list; a section that is none (or a made-up number) is a 404.
    assert client.get("/plus-lus/").status_code == 200
    for bad in (f"/plus-lus/{eu[0].pk}/", "/plus-lus/99999999/", "/plus-lus/1" + "0" * 30 + "/"):
        assert client.get(bad).status_code == 404


def test_a_preview_or_a_request_without_the_edge_gets_no_include(client, newsroom, articles):
    read(articles["sport"][0], 3)
    most_read.refresh_most_read()
    for headers in ({}, {"HTTP_SURROGATE_CAPABILITY": "other=ESI/0.9"}):
        response = client.get("/", **headers)
        assert "<esi:" not in response.content.decode()
        assert not response.has_header("Surrogate-Control")
