"""A live as machines read it: JSON-LD, its entries' feed, sitemaps, the API and ninjs."""

import re
from datetime import timedelta

import feedparser
import pytest
from django.core.cache import caches
from django.utils import timezone
from lxml import etree

from kiosque.edge import fragments
from kiosque.live import services
from kiosque.live.models import LiveEntry
from kiosque.newsroom.text.typography import typeset
from tests.api.ninjs_schema import ninjs_errors
from tests.distribution.helpers import BASE_URL, head_of, json_ld_blocks, json_ld_of_type
from tests.factories import make_article
from tests.live.helpers import add_entries, make_live, paragraph

pytestmark = pytest.mark.django_db

FEEDS = ("rss", "atom")


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.BASE_URL = BASE_URL


def _hidden_entries(live) -> list[LiveEntry]:
    """One entry of each kind readers must not see."""
    return [
        LiveEntry.objects.create(
            live=live, body=paragraph("En attente."), status=LiveEntry.Status.PENDING
        ),
        LiveEntry.objects.create(
            live=live, body=paragraph("Effacée."), status=LiveEntry.Status.DELETED
        ),
        LiveEntry.objects.create(
            live=live, body=paragraph("Programmée."), posted_at=timezone.now() + timedelta(hours=1)
        ),
    ]


def _entry_address(live, entry) -> str:
    return f"{BASE_URL}{live.url}entree/{entry.pk}/#entree-{entry.pk}"


def _local_iso(moment, newsroom) -> str:
    return timezone.localtime(moment, newsroom.settings.zone).replace(microsecond=0).isoformat()


# --- JSON-LD ----------------------------------------------------------------------------


def test_the_live_page_says_it_is_a_live_blog_with_its_coverage_and_latest_updates(
    client, newsroom
):
    start = timezone.now() - timedelta(hours=3)
    end = timezone.now() + timedelta(hours=5)
    live = make_live(newsroom.europe, coverage_start=start, coverage_end=end)
    entries = add_entries(live, 12)  # oldest first
    LiveEntry.objects.filter(pk=entries[-1].pk).update(title="Le pont de Brest fermé")
    _hidden_entries(live)

    response = client.get(live.url)
    data = json_ld_of_type(response, "LiveBlogPosting")
    types = [block["@type"] for block in json_ld_blocks(response)]
    assert "NewsArticle" not in types and "ReportageNewsArticle" not in types
    assert data["headline"] == typeset(live.title, "fr")  # as the page shows it
    assert data["coverageStartTime"] == _local_iso(start, newsroom)
    assert data["coverageEndTime"] == _local_iso(end, newsroom)
    updates = data["liveBlogUpdate"]
    # The latest ten, newest first; hidden and scheduled entries are not there.
    assert [u["url"] for u in updates] == [_entry_address(live, e) for e in entries[::-1][:10]]
    newest = updates[0]
    assert newest["@type"] == "BlogPosting"
    assert newest["headline"] == "Le pont de Brest fermé"
    assert updates[1]["headline"] == "Entrée numéro 11 du direct."  # untitled: its words
    assert newest["articleBody"] == "Entrée numéro 12 du direct."
    assert newest["datePublished"] == _local_iso(entries[-1].posted_at, newsroom)
    assert "Programmée." not in str(data) and "En attente." not in str(data)
    # « Mis à jour »: the latest entry, as on the page.
    assert data["dateModified"] >= newest["datePublished"]


def test_an_open_ended_live_starts_at_its_publication_and_states_no_end(client, newsroom):
    live = make_live(newsroom.europe)
    data = json_ld_of_type(client.get(live.url), "LiveBlogPosting")
    assert data["coverageStartTime"] == _local_iso(live.first_published_at, newsroom)
    assert "coverageEndTime" not in data
    assert "liveBlogUpdate" not in data  # no entry yet


def test_an_entry_s_own_address_carries_the_same_latest_updates(client, newsroom):
    live = make_live(newsroom.europe)
    entries = add_entries(live, 40)
    oldest = entries[0]
    response = client.get(f"{live.url}entree/{oldest.pk}/")
    updates = json_ld_of_type(response, "LiveBlogPosting")["liveBlogUpdate"]
    assert [u["url"] for u in updates] == [_entry_address(live, e) for e in entries[::-1][:10]]


def test_an_entry_cannot_break_out_of_the_json_ld(client, newsroom):
    live = make_live(newsroom.europe)
    hostile = '</script><script>alert("x")</script><!--'
    LiveEntry.objects.create(live=live, title=hostile, body=paragraph("Texte & <b>gras</b>"))
    response = client.get(live.url)
    html = response.content.decode()
    assert "<script>alert" not in html
    update = json_ld_of_type(response, "LiveBlogPosting")["liveBlogUpdate"][0]
    assert update["headline"] == hostile  # read back as typed
    assert update["articleBody"] == "Texte & gras"


@pytest.fixture
def fragment_cache(settings, monkeypatch):
    settings.CACHES = {
        **settings.CACHES,
        "fragments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "live-distribution-tests",
        },
    }
    monkeypatch.setattr(fragments, "CLOCK_SKEW", 0.0)
    caches["fragments"].clear()
    yield caches["fragments"]
    caches["fragments"].clear()


def test_a_new_entry_renews_the_cached_head(
    client, newsroom, fragment_cache, django_capture_on_commit_callbacks
):
    live = make_live(newsroom.europe)
    add_entries(live, 2)
    # The second view is the one that finds every key of the head known: from then on
    # the cached head is served until one of them changes.
    for _view in range(3):
        before = json_ld_of_type(client.get(live.url), "LiveBlogPosting")["liveBlogUpdate"]
    assert len(before) == 2
    with django_capture_on_commit_callbacks(execute=True):
        posted = services.post_entry(
            live, None, services.EntryDraft(body=paragraph("Nouvelle alerte."))
        )
    after = json_ld_of_type(client.get(live.url), "LiveBlogPosting")["liveBlogUpdate"]
    assert after[0]["url"] == _entry_address(live, posted)


def test_an_ordinary_article_keeps_its_news_article(client, newsroom):
    article = make_article(newsroom.europe)
    assert json_ld_of_type(client.get(article.url), "ReportageNewsArticle")
    links = head_of(client.get(article.url)).findall("link")
    feeds = [link.get("href") for link in links if link.get("type", "").endswith("xml")]
    assert feeds == [f"{BASE_URL}/rss.xml", f"{BASE_URL}/atom.xml"]


# --- the live's own feed ---------------------------------------------------------------------


def _read(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    etree.fromstring(response.content)  # well-formed XML, or this raises
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


@pytest.mark.parametrize("kind", FEEDS)
def test_the_live_s_feed_has_one_item_per_visible_entry_newest_first(client, newsroom, kind):
    live = make_live(newsroom.europe, title="DIRECT. Tempête : alerte rouge")
    entries = add_entries(live, 3)
    oldest = entries[0]
    oldest.title = "Le vent souffle : 140 km/h"
    oldest.body = paragraph("Des rafales « inédites » !")
    oldest.save()
    _hidden_entries(live)
    response, parsed = _read(client, f"{live.url}{kind}.xml")
    assert parsed.version == ("rss20" if kind == "rss" else "atom10")
    assert parsed.feed.title == "DIRECT. Tempête : alerte rouge – Kiosque Test"
    assert [item.link for item in parsed.entries] == [
        _entry_address(live, e) for e in reversed(entries)
    ]
    oldest = parsed.entries[-1]
    # The words as the page prints them, French no-break spaces included.
    assert oldest.title == "Le vent souffle\xa0: 140\xa0km/h"
    assert "Des rafales «\xa0inédites\xa0»\u202f!" in oldest.summary
    assert parsed.entries[0].title == "Entrée numéro 3 du direct."
    ids = [item.id for item in parsed.entries]
    assert len(set(ids)) == 3 and all(i.startswith("urn:uuid:") for i in ids)
    published = [item.published_parsed for item in parsed.entries]
    assert published == sorted(published, reverse=True)
    text = response.content.decode()
    assert "En attente." not in text and "Effacée." not in text and "Programmée." not in text
    # Purged when an entry changes; kept no longer than the scheduled entry's time.
    keys = response["xkey"].split()
    assert f"l{live.pk}" in keys and "feeds" in keys
    max_shared = int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))
    assert max_shared <= 3600


def test_an_entry_keeps_its_guid_when_retitled(client, newsroom):
    live = make_live(newsroom.europe)
    (entry,) = add_entries(live, 1)
    first = _read(client, f"{live.url}atom.xml")[1].entries[0].id
    LiveEntry.objects.filter(pk=entry.pk).update(title="Nouveau titre")
    live.title = "DIRECT. Un autre titre"
    live.save_revision().publish()
    again = _read(client, f"{live.url}atom.xml")[1].entries[0]
    assert again.title == "Nouveau titre" and again.id == first


def test_the_live_page_links_its_feeds(client, newsroom):
    live = make_live(newsroom.europe)
    head = head_of(client.get(live.url))
    alternates = {
        link.get("type"): link.get("href")
        for link in head.findall("link")
        if link.get("rel") == "alternate" and link.get("type", "").endswith("xml")
        and link.get("href", "").startswith(BASE_URL + live.url)
    }  # fmt: skip
    assert alternates == {
        "application/rss+xml": f"{BASE_URL}{live.url}rss.xml",
        "application/atom+xml": f"{BASE_URL}{live.url}atom.xml",
    }


def test_the_english_address_of_the_feed_leads_to_the_french_one(client, newsroom):
    live = make_live(newsroom.europe)
    response = client.get(f"/en{live.url}rss.xml")
    assert response.status_code == 301
    assert response["Location"] == f"{live.url}rss.xml"


def test_no_feed_for_a_live_hidden_from_search_engines_nor_under_an_article(client, newsroom):
    hidden = make_live(newsroom.europe, slug="cache", noindex=True)
    article = make_article(newsroom.europe, slug="ordinaire")
    unpublished = make_live(newsroom.europe, slug="brouillon")
    unpublished.unpublish()
    assert client.get(f"{hidden.url}rss.xml").status_code == 404
    assert client.get(f"{article.url}rss.xml").status_code == 404
    assert client.get(f"/monde/europe/{unpublished.slug}/atom.xml").status_code == 404
    assert client.get(f"{hidden.url}entree/rss.xml").status_code == 404
    head = head_of(client.get(hidden.url))
    assert not [link for link in head.findall("link") if hidden.url + "rss" in link.get("href")]
    assert client.get(f"/api/v1/articles/{hidden.pk}").json()["live"]["feed_url"] is None


# --- sitemaps --------------------------------------------------------------------------


def test_a_live_is_in_the_articles_and_google_news_sitemaps(client, newsroom):
    live = make_live(newsroom.europe)
    address = f"<loc>{BASE_URL}{live.url}</loc>"
    assert address in client.get("/sitemaps/articles-1.xml").content.decode()
    news = client.get("/sitemaps/news.xml").content.decode()
    assert address in news and "<news:title>DIRECT. Tempête Ilona" in news
    assert address not in client.get("/sitemaps/pages.xml").content.decode()


# --- the API and ninjs -------------------------------------------------------------------


def test_the_api_says_an_article_is_a_live(client, newsroom):
    start = timezone.now() - timedelta(hours=2)
    live = make_live(newsroom.europe, coverage_start=start)
    plain = make_article(newsroom.monde)
    response = client.get(f"/api/v1/articles/{live.pk}")
    assert response.status_code == 200, response.content
    detail = response.json()
    assert detail["article_type"] == "direct"
    assert detail["live"]["state"] == "running"
    assert detail["live"]["coverage_start"].startswith(start.strftime("%Y-%m-%dT%H:%M:%S"))
    assert detail["live"]["coverage_end"] is None
    assert detail["live"]["feed_url"] == f"{BASE_URL}{live.url}atom.xml"
    assert detail["live"]["updates_url"] == f"{BASE_URL}/direct/{live.pk}/nouveautes.json"
    assert client.get(f"/api/v1/articles/{plain.pk}").json()["live"] is None

    listed = client.get("/api/v1/articles")
    assert listed.status_code == 200, listed.content
    by_id = {item["id"]: item for item in listed.json()["items"]}
    assert by_id[live.pk]["live"]["state"] == "running"
    assert by_id[plain.pk]["live"] is None


def test_an_ended_live_is_ended_in_the_api(client, newsroom):
    live = make_live(
        newsroom.europe,
        coverage_start=timezone.now() - timedelta(days=1),
        coverage_end=timezone.now() - timedelta(hours=1),
    )
    detail = client.get(f"/api/v1/articles/{live.pk}").json()
    assert detail["article_type"] == "direct-termine"
    assert detail["live"]["state"] == "ended"
    assert detail["live"]["coverage_end"] is not None


def test_the_ninjs_of_a_live_is_valid_and_carries_its_entries(client, newsroom):
    live = make_live(newsroom.europe)
    entries = add_entries(live, 3)
    LiveEntry.objects.filter(pk=entries[-1].pk).update(
        title="Le pont fermé", author=newsroom.author
    )
    _hidden_entries(live)
    response = client.get(f"/api/v1/articles/{live.pk}/ninjs")
    assert response.status_code == 200, response.content
    item = response.json()
    assert ninjs_errors(item) == []
    assert item["profile"] == "kiosque-live"
    assert item["genres"] == [{"name": "Live", "literal": "direct"}]
    associated = [a for a in item["associations"] if a["type"] == "text"]
    assert [a["uri"] for a in associated] == [_entry_address(live, e) for e in reversed(entries)]
    newest = associated[0]
    assert newest["headlines"] == [{"role": "main", "value": "Le pont fermé"}]
    assert newest["by"] == "Camille Roussel"
    assert newest["bodies"][0]["value"] == "<p>Entrée numéro 3 du direct.</p>"
    assert "Programmée." not in response.content.decode()
    assert item["versioncreated"] >= entries[-1].posted_at.isoformat()[:19]
    assert f"l{live.pk}" in response["xkey"].split()


def test_the_ninjs_of_an_ordinary_article_is_unchanged(client, newsroom):
    article = make_article(newsroom.europe)
    item = client.get(f"/api/v1/articles/{article.pk}/ninjs").json()
    assert item["profile"] == "kiosque-article"
    assert "associations" not in item


def test_a_long_entry_title_is_cut_at_a_word_for_search_engines(client, newsroom):
    live = make_live(newsroom.europe)
    title = "Très long titre " * 12
    LiveEntry.objects.create(live=live, title=title.strip(), body=paragraph("Texte."))
    headline = json_ld_of_type(client.get(live.url), "LiveBlogPosting")["liveBlogUpdate"][0][
        "headline"
    ]
    assert len(headline) <= 110 and headline.endswith("…")
    assert title.startswith(headline[:-1] + " ")  # whole words only
