"""robots.txt, the sitemap index, sitemap pages and the Google News sitemap."""

import re
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree
from wagtail.models import Page

from kiosque.distribution import selectors
from kiosque.distribution.images import WIDE
from kiosque.newsroom.models import NewsImage
from kiosque.newsroom.tasks import pregenerate_image_renditions
from tests.distribution.helpers import BASE_URL, make_private, recropped_image
from tests.factories import days_ago, make_article, make_image, set_publication_times

pytestmark = pytest.mark.django_db

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
W3C_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.BASE_URL = BASE_URL


def xml(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert not response.cookies
    return etree.fromstring(response.content)


def locations(tree) -> list[str]:
    return tree.xpath("//s:loc/text()", namespaces=NS)


def article_locations(client) -> list[str]:
    index = xml(client, "/sitemap.xml")
    urls = []
    for sitemap in locations(index):
        if "/sitemaps/articles-" in sitemap:
            urls += locations(xml(client, sitemap.removeprefix(BASE_URL)))
    return urls


def test_robots_txt_points_to_the_sitemap_index(client, newsroom):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {BASE_URL}/sitemap.xml" in lines
    # The configurable admin path is not advertised to every bot.
    assert "admin" not in response.content.decode()


def test_robots_txt_only_at_the_root(client, newsroom):
    assert client.get("/en/robots.txt").status_code == 404


def article_page_count() -> int:
    highest = Page.objects.order_by("-pk").values_list("pk", flat=True).first()
    return -(-highest // selectors.SITEMAP_PAGE_SIZE)


def test_index_lists_every_sitemap_under_base_url(client, newsroom, monkeypatch):
    monkeypatch.setattr(selectors, "SITEMAP_PAGE_SIZE", 4)
    for n in range(5):
        make_article(newsroom.europe, slug=f"a{n}", published_at=days_ago(n + 1))
    index = xml(client, "/sitemap.xml")
    assert index.tag == f"{{{NS['s']}}}sitemapindex"
    count = article_page_count()
    assert count >= 2
    assert locations(index) == [
        f"{BASE_URL}/sitemaps/pages.xml",
        *(f"{BASE_URL}/sitemaps/articles-{n}.xml" for n in range(1, count + 1)),
        f"{BASE_URL}/sitemaps/news.xml",
    ]


def test_article_pages_split_without_loss_or_overlap(client, newsroom, monkeypatch):
    assert selectors.SITEMAP_PAGE_SIZE <= 10_000
    monkeypatch.setattr(selectors, "SITEMAP_PAGE_SIZE", 4)
    articles = [
        make_article(newsroom.europe, slug=f"a{n}", published_at=days_ago(n + 1)) for n in range(9)
    ]
    count = article_page_count()
    pages = [locations(xml(client, f"/sitemaps/articles-{n}.xml")) for n in range(1, count + 1)]
    assert all(len(page) <= 4 for page in pages)
    listed = [url for page in pages for url in page]
    assert sorted(listed) == sorted(BASE_URL + a.url for a in articles)
    assert len(set(listed)) == len(listed)
    assert client.get(f"/sitemaps/articles-{count + 1}.xml").status_code == 404
    assert client.get("/sitemaps/articles-0.xml").status_code == 404
    assert client.get("/sitemaps/articles-99999999999999999999.xml").status_code == 404
    assert client.get("/sitemaps/articles--1.xml").status_code == 404
    assert client.get("/sitemaps/articles-x.xml").status_code == 404


def test_an_article_stays_in_its_sitemap_page(client, newsroom, monkeypatch):
    monkeypatch.setattr(selectors, "SITEMAP_PAGE_SIZE", 4)
    first = make_article(newsroom.europe, slug="premier", published_at=days_ago(3))
    page_of_first = -(-first.pk // 4)
    before = locations(xml(client, f"/sitemaps/articles-{page_of_first}.xml"))
    for n in range(6):
        make_article(newsroom.europe, slug=f"suite{n}", published_at=days_ago(1))
    assert BASE_URL + first.url in before
    assert BASE_URL + first.url in locations(xml(client, f"/sitemaps/articles-{page_of_first}.xml"))


def test_an_empty_site_still_has_one_article_page(client, newsroom):
    assert locations(xml(client, "/sitemaps/articles-1.xml")) == []


def test_hidden_articles_are_in_no_sitemap(client, newsroom):
    shown = make_article(newsroom.europe, slug="visible", published_at=days_ago(1))
    make_article(newsroom.europe, slug="brouillon", live=False)
    unpublished = make_article(newsroom.europe, slug="retire", published_at=days_ago(1))
    unpublished.unpublish()
    make_article(newsroom.europe, slug="noindex", published_at=days_ago(1), noindex=True)
    make_article(newsroom.sport, slug="prive", published_at=days_ago(1))
    make_private(newsroom.sport)

    assert article_locations(client) == [BASE_URL + shown.url]
    assert locations(xml(client, "/sitemaps/news.xml")) == [BASE_URL + shown.url]
    pages = locations(xml(client, "/sitemaps/pages.xml"))
    assert f"{BASE_URL}/sport/" not in pages
    assert not [
        url for url in pages if "/monde/europe/" in url and url != f"{BASE_URL}/monde/europe/"
    ]


def test_pages_sitemap_lists_the_other_visible_pages(client, newsroom):
    pages = locations(xml(client, "/sitemaps/pages.xml"))
    assert pages == [
        f"{BASE_URL}/",
        f"{BASE_URL}/monde/",
        f"{BASE_URL}/monde/europe/",
        f"{BASE_URL}/sport/",
        f"{BASE_URL}/dossiers/",
        f"{BASE_URL}/dossiers/crise-en-ukraine/",
        f"{BASE_URL}/auteurs/",
        f"{BASE_URL}/auteurs/camille-roussel/",
        f"{BASE_URL}/rectificatifs/",
    ]


def test_lastmod_is_the_visible_update_time_with_offset(client, newsroom):
    first = datetime.fromisoformat("2026-01-10T09:00:00+00:00")
    article = make_article(newsroom.europe, slug="maj", published_at=first)
    set_publication_times(article, [first, first + timedelta(hours=3)])
    url = xml(client, "/sitemaps/articles-1.xml").xpath("//s:url", namespaces=NS)[0]
    # 12:00 UTC in January is 13:00 in Paris.
    assert url.findtext("s:lastmod", namespaces=NS) == "2026-01-10T13:00:00+01:00"


def test_lastmod_drops_fractions_of_a_second_and_follows_summer_time(client, newsroom):
    # Dates are read as whole seconds from the database (selectors.EpochSeconds): the
    # fraction is dropped, not rounded, and the offset is the one of that day.
    summer = datetime.fromisoformat("2026-07-10T09:00:59.987654+00:00")
    make_article(newsroom.europe, slug="ete", published_at=summer)
    url = xml(client, "/sitemaps/articles-1.xml").xpath("//s:url", namespaces=NS)[0]
    assert url.findtext("s:lastmod", namespaces=NS) == "2026-07-10T11:00:59+02:00"


def test_pages_sitemap_lastmod_is_the_last_publication(client, newsroom):
    moment = datetime.fromisoformat("2026-03-01T08:30:00.5+00:00")
    Page.objects.filter(pk=newsroom.sport.pk).update(last_published_at=moment)
    Page.objects.filter(pk=newsroom.topics.pk).update(last_published_at=None)
    urls = {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in xml(client, "/sitemaps/pages.xml").xpath("//s:url", namespaces=NS)
    }
    assert urls[f"{BASE_URL}/sport/"] == "2026-03-01T09:30:00+01:00"
    assert urls[f"{BASE_URL}/dossiers/"] is None  # never published: no lastmod, no error


def test_a_recropped_image_is_listed_once_with_its_newest_rendition(client, newsroom):
    image, newest = recropped_image()
    assert image.renditions.filter(filter_spec=WIDE.spec).count() == 2
    for slug in ("un", "deux"):
        make_article(newsroom.europe, slug=slug, lead_image=image, published_at=days_ago(1))
    tree = xml(client, "/sitemaps/articles-1.xml")
    urls = tree.xpath("//s:url", namespaces=NS)
    assert [u.findtext("s:loc", namespaces=NS) for u in urls] == [
        f"{BASE_URL}/monde/europe/un/",
        f"{BASE_URL}/monde/europe/deux/",
    ]
    for url in urls:
        assert url.xpath("image:image/image:loc/text()", namespaces=NS) == [
            f"{BASE_URL}/media/{newest.file.name}"
        ]


def test_image_file_names_are_quoted_and_escaped(client, newsroom):
    image = make_image("Photo", with_renditions=False)
    NewsImage.objects.filter(pk=image.pk).update(file="original_images/été & co <1>.jpg")
    make_article(newsroom.europe, slug="nom", lead_image=image, published_at=days_ago(1))
    response = client.get("/sitemaps/articles-1.xml")
    tree = etree.fromstring(response.content)  # well-formed despite "&" and "<"
    assert tree.xpath("//image:loc/text()", namespaces=NS) == [
        f"{BASE_URL}/media/original_images/%C3%A9t%C3%A9%20%26%20co%20%3C1%3E.jpg"
    ]


def test_lead_images_use_the_image_extension(client, newsroom):
    ready = make_image("Prete")
    pregenerate_image_renditions.enqueue(ready.pk)
    raw = make_image("Brute")
    make_article(newsroom.europe, slug="prete", lead_image=ready, published_at=days_ago(2))
    make_article(newsroom.europe, slug="brute", lead_image=raw, published_at=days_ago(1))
    make_article(newsroom.europe, slug="sans", published_at=days_ago(1))
    tree = xml(client, "/sitemaps/articles-1.xml")
    images = {
        url.findtext("s:loc", namespaces=NS).rsplit("/", 2)[-2]: url.xpath(
            "image:image/image:loc/text()", namespaces=NS
        )
        for url in tree.xpath("//s:url", namespaces=NS)
    }
    assert len(images["prete"]) == 1 and "cover-1200x675" in images["prete"][0]
    assert images["prete"][0].startswith(BASE_URL + "/media/")
    assert images["brute"] == [BASE_URL + raw.file.url]
    assert images["sans"] == []
    for lastmod in tree.xpath("//s:lastmod/text()", namespaces=NS):
        assert W3C_DATETIME.match(lastmod), lastmod


def test_news_sitemap_has_the_last_two_days_with_required_tags(client, newsroom):
    recent = make_article(
        newsroom.europe,
        slug="recent",
        title="Trêve & « négociations » <fin>",
        published_at=days_ago(0.1),
    )
    edge = make_article(newsroom.europe, slug="limite", published_at=days_ago(1.95))
    make_article(newsroom.europe, slug="vieux", published_at=days_ago(2.05))
    make_article(newsroom.europe, slug="anglais", published_at=days_ago(3), language="en")
    tree = xml(client, "/sitemaps/news.xml")
    urls = tree.xpath("//s:url", namespaces=NS)
    assert [u.findtext("s:loc", namespaces=NS) for u in urls] == [
        BASE_URL + recent.url,
        BASE_URL + edge.url,
    ]
    first = urls[0]
    assert first.findtext("news:news/news:publication/news:name", namespaces=NS) == "Kiosque Test"
    assert first.findtext("news:news/news:publication/news:language", namespaces=NS) == "fr"
    # Escaped, and typeset as on the page (no-break spaces inside the guillemets).
    title = "Trêve & «\u00a0négociations\u00a0» <fin>"
    assert first.findtext("news:news/news:title", namespaces=NS) == title
    published = first.findtext("news:news/news:publication_date", namespaces=NS)
    assert W3C_DATETIME.match(published), published
    assert datetime.fromisoformat(published) == recent.first_published_at.replace(microsecond=0)


def test_news_sitemap_holds_at_most_a_thousand(client, newsroom, monkeypatch):
    assert selectors.NEWS_SITEMAP_MAX == 1_000
    assert timedelta(days=2) == selectors.NEWS_SITEMAP_WINDOW
    monkeypatch.setattr(selectors, "NEWS_SITEMAP_MAX", 2)
    articles = [
        make_article(newsroom.europe, slug=f"n{n}", published_at=days_ago(0.1 * (n + 1)))
        for n in range(4)
    ]
    assert locations(xml(client, "/sitemaps/news.xml")) == [
        BASE_URL + articles[0].url,
        BASE_URL + articles[1].url,
    ]


def test_news_language_codes():
    from kiosque.distribution.sitemaps import news_language

    assert news_language("fr") == "fr"
    assert news_language("fr-FR") == "fr"
    assert news_language("EN_gb") == "en"
    assert news_language("zh-TW") == "zh-tw"
    assert news_language("") == "fr"


def test_sitemap_page_costs_the_same_queries_for_few_or_many(client, newsroom):
    def count(url) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    make_article(newsroom.europe, slug="a", lead_image=make_image("A"), published_at=days_ago(1))
    # The process reads its site and settings once (site_memo), and whether any page is
    # private once (a cached answer): a first view of each, then the measured ones.
    urls = ("/sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/news.xml")
    for url in urls:
        client.get(url)
    few = [count(u) for u in ("/sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/news.xml")]
    for n in range(6):
        make_article(
            newsroom.sport, slug=f"b{n}", lead_image=make_image(f"B{n}"), published_at=days_ago(1)
        )
    many = [count(u) for u in ("/sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/news.xml")]
    assert many == few


def test_sitemaps_use_base_url_whatever_the_host_asked(client, newsroom):
    make_article(newsroom.europe, slug="hote", published_at=days_ago(1))
    response = client.get("/sitemaps/articles-1.xml", HTTP_HOST="localhost")
    assert b"http://localhost" not in response.content
    assert locations(etree.fromstring(response.content)) == [f"{BASE_URL}/monde/europe/hote/"]


def test_sitemaps_refuse_writes(client, newsroom):
    for url in ("/sitemap.xml", "/sitemaps/news.xml", "/robots.txt"):
        assert client.post(url).status_code == 405
