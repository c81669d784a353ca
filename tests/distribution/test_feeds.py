"""RSS 2.0 and Atom feeds, read back with feedparser as a feed reader would."""

import calendar
import re
from datetime import timedelta

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree

from kiosque.distribution import selectors
from kiosque.newsroom.models import NewsRendition
from kiosque.newsroom.tasks import pregenerate_image_renditions
from tests.distribution.helpers import BASE_URL, head_of, make_private
from tests.factories import days_ago, make_article, make_image, set_publication_times

pytestmark = pytest.mark.django_db

FEEDS = ("rss", "atom")


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.BASE_URL = BASE_URL


def read_feed(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def links(parsed) -> list[str]:
    return [entry.link for entry in parsed.entries]


def epoch(moment) -> int:
    return calendar.timegm(moment.utctimetuple())


@pytest.mark.parametrize("kind", FEEDS)
def test_home_feed_lists_visible_articles_newest_first(client, newsroom, kind):
    old = make_article(newsroom.sport, slug="ancien", published_at=days_ago(3))
    new = make_article(newsroom.europe, slug="nouveau", published_at=days_ago(1))
    parsed = read_feed(client, f"/{kind}.xml")
    assert parsed.version == ("rss20" if kind == "rss" else "atom10")
    assert links(parsed) == [BASE_URL + new.url, BASE_URL + old.url]
    assert parsed.feed.title == "Kiosque Test"
    assert parsed.feed.language == "fr"
    # The self link and every item link are absolute, under BASE_URL.
    assert any(link.href == f"{BASE_URL}/{kind}.xml" for link in parsed.feed.links)
    if kind == "atom":
        assert re.fullmatch(r"urn:uuid:[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", parsed.feed.id)


@pytest.mark.parametrize("kind", FEEDS)
def test_drafts_private_unpublished_and_noindex_articles_never_appear(client, newsroom, kind):
    shown = make_article(newsroom.europe, slug="visible", published_at=days_ago(1))
    make_article(newsroom.europe, slug="brouillon", live=False)
    unpublished = make_article(newsroom.europe, slug="retire", published_at=days_ago(1))
    unpublished.unpublish()  # an editor's unpublication, an agency's kill
    make_article(newsroom.europe, slug="cache", published_at=days_ago(1), noindex=True)
    private = make_article(newsroom.sport, slug="prive", published_at=days_ago(1))
    make_private(newsroom.sport)

    for url in (f"/{kind}.xml", f"/monde/{kind}.xml", f"/monde/europe/{kind}.xml"):
        assert links(read_feed(client, url)) == [BASE_URL + shown.url], url
    # The private section has no feed at all, its article is in no other feed.
    assert client.get(f"/sport/{kind}.xml").status_code == 404
    assert BASE_URL + private.url not in links(read_feed(client, f"/{kind}.xml"))


@pytest.mark.parametrize("kind", FEEDS)
def test_section_feed_includes_its_sub_sections_like_its_page(client, newsroom, kind):
    in_europe = make_article(newsroom.europe, slug="europe", published_at=days_ago(2))
    in_monde = make_article(newsroom.monde, slug="monde", published_at=days_ago(1))
    make_article(newsroom.sport, slug="sport", published_at=days_ago(1))
    assert links(read_feed(client, f"/monde/{kind}.xml")) == [
        BASE_URL + in_monde.url,
        BASE_URL + in_europe.url,
    ]
    assert links(read_feed(client, f"/monde/europe/{kind}.xml")) == [BASE_URL + in_europe.url]


@pytest.mark.parametrize("kind", FEEDS)
def test_topic_and_author_feeds(client, newsroom, kind):
    on_topic = make_article(
        newsroom.sport, slug="dossier", topic=newsroom.topic, published_at=days_ago(1)
    )
    by_author = make_article(
        newsroom.europe, slug="signe", authors=[newsroom.author], published_at=days_ago(2)
    )
    make_article(newsroom.europe, slug="autre", published_at=days_ago(1))
    topic_feed = read_feed(client, f"/dossiers/crise-en-ukraine/{kind}.xml")
    assert links(topic_feed) == [BASE_URL + on_topic.url]
    assert topic_feed.feed.title == "Crise en Ukraine – Kiosque Test"
    assert links(read_feed(client, f"/auteurs/camille-roussel/{kind}.xml")) == [
        BASE_URL + by_author.url
    ]


@pytest.mark.parametrize("kind", FEEDS)
def test_entry_fields(client, newsroom, kind):
    image = make_image("Quai", photographer="", source="PRÉFECTURE", agency="AFP")
    pregenerate_image_renditions.enqueue(image.pk)  # what the worker does for new images
    article = make_article(
        newsroom.europe,
        slug="champs",
        title="Le « plan B » : 3 < 4 & </script>",
        standfirst="Un chapô avec <balises> & esperluette.",
        authors=[newsroom.author],
        topic=newsroom.topic,
        lead_image=image,
        published_at=days_ago(1),
    )
    entry = read_feed(client, f"/{kind}.xml").entries[0]
    # With the French no-break spaces the article page shows (the stored title has none).
    assert entry.title == "Le «\u00a0plan B\u00a0»\u00a0: 3 < 4 & </script>"
    summary = entry.summary if kind == "atom" else _html_text(entry.summary)
    assert summary == "Un chapô avec <balises> & esperluette."
    assert entry.id == f"urn:uuid:{article.translation_key}"
    assert [author.name for author in entry.authors] == ["Camille Roussel"]
    assert [tag.term for tag in entry.tags] == ["Europe", "Crise en Ukraine"]
    assert calendar.timegm(entry.published_parsed) == epoch(article.first_published_at)
    # The enclosure and media:content are the 16:9 rendition, credited.
    enclosure = next(link for link in entry.links if link.rel == "enclosure")
    assert enclosure.href.startswith(BASE_URL + "/media/")
    assert "cover-1200x675" in enclosure.href
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) > 0
    media = entry.media_content[0]
    assert media["url"] == enclosure.href
    assert (media["width"], media["height"], media["medium"]) == ("1200", "675", "image")
    assert entry.media_credit[0]["content"] == "PRÉFECTURE / AFP"


@pytest.mark.parametrize("kind", FEEDS)
def test_before_the_worker_made_renditions_the_feed_offers_the_original(client, newsroom, kind):
    image = make_image("Brut")
    make_article(newsroom.europe, slug="brut", lead_image=image, published_at=days_ago(1))
    enclosure = next(
        link
        for link in read_feed(client, f"/{kind}.xml").entries[0].links
        if link.rel == "enclosure"
    )
    assert enclosure.href == BASE_URL + image.file.url
    assert int(enclosure.length) == image.file.size
    # The feed request itself never makes a reader wait for an image to be resized.
    assert not NewsRendition.objects.filter(image=image, filter_spec__startswith="cover-").exists()


def _html_text(fragment: str) -> str:
    return etree.fromstring(f"<p>{fragment}</p>", etree.HTMLParser()).xpath("string(//p)")


@pytest.mark.parametrize("kind", FEEDS)
def test_agency_copy_is_credited_to_the_newsroom_with_the_agency(client, newsroom, kind):
    make_article(
        newsroom.europe,
        slug="agence",
        authors=[newsroom.author],
        agencies=[newsroom.agency],
        published_at=days_ago(1),
    )
    entry = read_feed(client, f"/{kind}.xml").entries[0]
    assert [author.name for author in entry.authors] == ["franceinfo", "AFP"]


@pytest.mark.parametrize("kind", FEEDS)
def test_without_author_the_newsroom_is_credited(client, newsroom, kind):
    make_article(newsroom.europe, slug="sans-auteur", published_at=days_ago(1))
    entry = read_feed(client, f"/{kind}.xml").entries[0]
    assert [author.name for author in entry.authors] == ["franceinfo"]


@pytest.mark.parametrize("kind", FEEDS)
def test_update_date_follows_the_mis_a_jour_rule(client, newsroom, kind):
    first = days_ago(2)
    typo_fix = first + timedelta(minutes=5)  # within the 15-minute grace period
    real_update = first + timedelta(hours=6)
    minor_later = first + timedelta(hours=9)
    article = make_article(newsroom.europe, slug="maj", published_at=first)
    set_publication_times(article, [first, typo_fix], minor=[False, False])
    entry = read_feed(client, f"/{kind}.xml").entries[0]
    assert calendar.timegm(entry.updated_parsed) == epoch(first)

    set_publication_times(
        article, [first, typo_fix, real_update, minor_later], minor=[False, False, False, True]
    )
    entry = read_feed(client, f"/{kind}.xml").entries[0]
    assert calendar.timegm(entry.updated_parsed) == epoch(real_update)
    assert calendar.timegm(entry.published_parsed) == epoch(first)


@pytest.mark.parametrize("kind", FEEDS)
def test_guid_survives_retitle_and_move(client, newsroom, kind):
    article = make_article(newsroom.europe, slug="avant", published_at=days_ago(1))
    before = read_feed(client, f"/{kind}.xml").entries[0]
    article.title = "Un autre titre"
    article.slug = "apres"
    article.save_revision().publish()
    article.refresh_from_db()
    article.move(newsroom.sport, pos="last-child")
    after = read_feed(client, f"/{kind}.xml").entries[0]
    assert after.id == before.id
    assert after.link == BASE_URL + "/sport/apres/"
    assert after.title == "Un autre titre"


def test_feed_holds_the_latest_fifty(client, newsroom, monkeypatch):
    assert selectors.FEED_LENGTH == 50
    monkeypatch.setattr(selectors, "FEED_LENGTH", 3)
    articles = [
        make_article(newsroom.europe, slug=f"n{n}", published_at=days_ago(n + 1)) for n in range(5)
    ]
    assert links(read_feed(client, "/rss.xml")) == [BASE_URL + a.url for a in articles[:3]]


def test_feed_costs_the_same_queries_for_few_or_many_items(client, newsroom):
    def count() -> int:
        client.get("/rss.xml")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/rss.xml").status_code == 200
        return len(captured)

    for n in range(2):
        make_article(
            newsroom.europe,
            slug=f"a{n}",
            authors=[newsroom.author],
            lead_image=make_image(f"A{n}"),
            published_at=days_ago(1),
        )
    few = count()
    for n in range(6):
        make_article(
            newsroom.sport,
            slug=f"b{n}",
            topic=newsroom.topic,
            agencies=[newsroom.agency],
            lead_image=make_image(f"B{n}"),
            published_at=days_ago(1),
        )
    assert count() == few


def test_feed_links_do_not_read_the_site_root_for_each_item(client, newsroom, monkeypatch):
    # Wagtail keeps the sites' root paths in the cache: a database query per read with
    # the production cache, once per link before (a hundred per feed).
    from wagtail.models import Site

    reads = []
    original = Site.get_site_root_paths
    monkeypatch.setattr(Site, "get_site_root_paths", lambda: reads.append(1) or original())
    for n in range(3):
        make_article(
            newsroom.europe, slug=f"a{n}", authors=[newsroom.author], published_at=days_ago(1)
        )
    for url in ("/rss.xml", "/atom.xml", "/monde/rss.xml", "/auteurs/camille-roussel/rss.xml"):
        reads.clear()
        parsed = read_feed(client, url)
        # At most the site memo's one read for its clock (edge/site_memo.py), none per link.
        assert parsed.entries and len(reads) <= 1, (url, len(reads))


def test_private_sections_have_no_feed(client, newsroom):
    make_article(newsroom.sport, slug="prive", published_at=days_ago(1))
    make_private(newsroom.sport)
    assert client.get("/sport/rss.xml").status_code == 404
    assert client.get("/sport/atom.xml").status_code == 404


def test_feeds_are_identical_for_everyone_and_set_no_cookie(client, newsroom):
    make_article(
        newsroom.europe, slug="stable", lead_image=make_image("S"), published_at=days_ago(1)
    )
    first = client.get("/atom.xml")
    second = client.get("/atom.xml", HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="en")
    assert first.content == second.content
    assert not first.cookies and not second.cookies
    assert first["Content-Type"] == "application/atom+xml; charset=utf-8"


def test_an_empty_feed_is_still_valid_and_stable(client, newsroom):
    first = client.get("/monde/rss.xml")
    assert first.status_code == 200
    assert not feedparser.parse(first.content).bozo
    assert client.get("/monde/rss.xml").content == first.content


@pytest.mark.parametrize(
    "path",
    [
        "/rectificatifs/rss.xml",  # a policy page has no feed
        "/dossiers/rss.xml",  # nor the topic index
        "/monde/europe/inexistant/rss.xml",
        "/sport/europe/rss.xml",  # the right slug under another section
        "/europe/rss.xml",  # the right slug at another depth
        "/monde/monde/rss.xml",
        "/monde/europe/article-1/atom.xml",  # nor an article
        "/monde/feed.xml",
        "/monde/rss.json",
        "/../rss.xml",
        "/monde%00/rss.xml",
    ],
)
def test_pages_without_a_feed_answer_not_found(client, newsroom, path):
    make_article(newsroom.europe, slug="article-1", published_at=days_ago(1))
    assert client.get(path).status_code in (400, 404)


def test_feeds_refuse_writes(client, newsroom):
    assert client.post("/rss.xml").status_code == 405


def test_english_feed_urls_lead_to_the_one_feed(client, newsroom):
    response = client.get("/en/monde/rss.xml")
    assert response.status_code == 301
    assert response["Location"] == "/monde/rss.xml"
    assert client.get("/en/atom.xml")["Location"] == "/atom.xml"
    assert client.get("/en/rectificatifs/rss.xml").status_code == 404


@pytest.mark.parametrize(
    ("path", "feed_path", "title"),
    [
        ("/", "/", "Kiosque Test"),
        ("/monde/", "/monde/", "Monde – Kiosque Test"),
        (
            "/dossiers/crise-en-ukraine/",
            "/dossiers/crise-en-ukraine/",
            "Crise en Ukraine – Kiosque Test",
        ),
        (
            "/auteurs/camille-roussel/",
            "/auteurs/camille-roussel/",
            "Camille Roussel – Kiosque Test",
        ),
        ("/en/monde/", "/monde/", "Monde – Kiosque Test"),
        ("/monde/europe/lu/", "/", "Kiosque Test"),  # an article links the site's feeds
    ],
)
def test_pages_link_their_feeds(client, newsroom, path, feed_path, title):
    make_article(newsroom.europe, slug="lu", published_at=days_ago(1))
    head = head_of(client.get(path))
    alternates = {
        link.get("type"): (link.get("href"), link.get("title"))
        for link in head.findall("link")
        if link.get("rel") == "alternate" and link.get("type")
    }
    assert alternates == {
        "application/rss+xml": (f"{BASE_URL}{feed_path}rss.xml", f"{title} (RSS)"),
        "application/atom+xml": (f"{BASE_URL}{feed_path}atom.xml", f"{title} (Atom)"),
    }
