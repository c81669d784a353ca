"""The sitemap and feed queries on PostgreSQL, whose planner the id ranges are written
for (decision 0030): same answers as on SQLite, hidden articles still absent."""

from datetime import datetime

import feedparser
import pytest
from django.db import connection
from lxml import etree

from kiosque.distribution import selectors
from kiosque.newsroom.tasks import pregenerate_image_renditions
from tests.distribution.helpers import BASE_URL, make_private, recropped_image
from tests.factories import days_ago, make_article, make_image

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1"


@pytest.fixture(autouse=True)
def _postgres(settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")
    settings.BASE_URL = BASE_URL


def test_sitemaps_and_feeds_on_postgresql(client, newsroom, monkeypatch):
    monkeypatch.setattr(selectors, "SITEMAP_PAGE_SIZE", 4)
    image = make_image("PG")
    pregenerate_image_renditions.enqueue(image.pk)
    shown = [
        make_article(
            newsroom.europe, slug=f"pg{n}", lead_image=image, published_at=days_ago(n * 0.9)
        )
        for n in range(1, 7)
    ]
    make_article(newsroom.europe, slug="cache", noindex=True, published_at=days_ago(1))
    make_article(newsroom.europe, slug="brouillon", live=False)
    make_article(newsroom.sport, slug="prive", published_at=days_ago(1))
    make_private(newsroom.sport)

    index = etree.fromstring(client.get("/sitemap.xml").content)
    listed, images = [], []
    for sitemap in [loc.text for loc in index.iter(LOC)]:
        if "/sitemaps/articles-" in sitemap:
            page = etree.fromstring(client.get(sitemap.removeprefix(BASE_URL)).content)
            assert len(page.findall(f".//{LOC}")) <= 4
            listed += [loc.text for loc in page.iter(LOC) if "/media/" not in loc.text]
            images += [el.text for el in page.iter("{*}loc") if "cover-1200x675" in el.text]
    assert sorted(listed) == sorted(BASE_URL + a.url for a in shown)
    assert len(images) == len(shown)

    news = etree.fromstring(client.get("/sitemaps/news.xml").content)
    assert [loc.text for loc in news.iter(LOC)] == [
        BASE_URL + shown[0].url,
        BASE_URL + shown[1].url,
    ]

    feed = feedparser.parse(client.get("/monde/rss.xml").content)
    assert not feed.bozo
    assert [entry.link for entry in feed.entries] == [BASE_URL + a.url for a in shown]


def test_sitemap_dates_and_renditions_on_postgresql(client, newsroom):
    """PostgreSQL's own SQL for whole seconds, and its join for the newest rendition."""
    image, newest = recropped_image()
    summer = datetime.fromisoformat("2026-07-10T09:00:59.987654+00:00")
    winter = datetime.fromisoformat("2026-01-10T09:00:00+00:00")
    make_article(newsroom.europe, slug="ete", lead_image=image, published_at=summer)
    make_article(newsroom.europe, slug="hiver", lead_image=image, published_at=winter)
    make_article(newsroom.europe, slug="sans", published_at=winter)

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "i": IMAGE_NS}
    page = etree.fromstring(client.get("/sitemaps/articles-1.xml").content)
    found = [
        (
            url.findtext("s:loc", namespaces=ns).removeprefix(BASE_URL),
            url.findtext("s:lastmod", namespaces=ns),
            url.xpath("i:image/i:loc/text()", namespaces=ns),
        )
        for url in page.xpath("//s:url", namespaces=ns)
    ]
    image_url = f"{BASE_URL}/media/{newest.file.name}"
    assert found == [
        ("/monde/europe/ete/", "2026-07-10T11:00:59+02:00", [image_url]),
        ("/monde/europe/hiver/", "2026-01-10T10:00:00+01:00", [image_url]),
        ("/monde/europe/sans/", "2026-01-10T10:00:00+01:00", []),
    ]
