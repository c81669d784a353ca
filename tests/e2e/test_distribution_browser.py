"""In Chromium, on the demo site served by `kiosque serve`: the JSON-LD blocks parse,
and the strict Content-Security-Policy reports no violation for them (they are data,
never executed). Feeds and sitemaps of the demo are read over HTTP as machines do.

Reuses the e2e fixtures (a real server on a throw-away SQLite demo, Debian's Chromium).
"""

import time

import feedparser
import pytest
from lxml import etree

from tests.e2e.helpers import article_path, demo_article, flat
from tests.e2e.test_reader_journey import RECENT_AGENCY_ARTICLE

pytestmark = pytest.mark.browser

RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""
SHARE_SIZES = {(1200, 675), (1200, 900), (1200, 1200)}
READ_JSON_LD = """
Array.from(document.querySelectorAll('script[type="application/ld+json"]'))
  .map((element) => JSON.parse(element.textContent))
"""


def open_recording(new_page, url: str):
    page = new_page()
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    response = page.goto(url)
    assert response.status == 200
    return page, console_errors


def news_article(blocks: list[dict]) -> dict:
    return next(block for block in blocks if block["@type"].endswith("NewsArticle"))


def test_json_ld_parses_under_the_strict_policy(live_site, new_page):
    article = demo_article(RECENT_AGENCY_ARTICLE)
    url = live_site.url(article_path(article))
    page, console_errors = open_recording(new_page, url)
    blocks = page.evaluate(READ_JSON_LD)
    news = news_article(blocks)
    # The headline is typeset as the page's title is (no-break spaces before « : »…).
    assert flat(news["headline"]) == flat(article["title"])
    assert news["url"] == url
    assert [a["name"] for a in news["author"]][1:] == ["AFP"]
    assert any(block["@type"] == "BreadcrumbList" for block in blocks)
    assert page.evaluate("window.__cspViolations") == []
    assert not [text for text in console_errors if "Content Security Policy" in text]

    # The first view asked the worker for the sharing renditions; they soon appear.
    deadline = time.monotonic() + 60
    while {(i["width"], i["height"]) for i in news["image"]} != SHARE_SIZES:
        assert time.monotonic() < deadline, news["image"]
        time.sleep(1)
        page.reload()
        news = news_article(page.evaluate(READ_JSON_LD))

    home, home_errors = open_recording(new_page, live_site.url("/"))
    assert [b["@type"] for b in home.evaluate(READ_JSON_LD)] == ["WebSite"]
    assert home.evaluate("window.__cspViolations") == []
    assert not [text for text in home_errors if "Content Security Policy" in text]


def test_demo_feeds_and_sitemaps_read_as_machines_do(live_site, new_page):
    page = new_page()
    feed = feedparser.parse(page.request.get(live_site.url("/rss.xml")).body())
    assert not feed.bozo and 0 < len(feed.entries) <= 50
    assert all(entry.link.startswith(live_site.url("/")) for entry in feed.entries)
    atom = feedparser.parse(page.request.get(live_site.url("/monde/atom.xml")).body())
    assert not atom.bozo and atom.entries
    index = etree.fromstring(page.request.get(live_site.url("/sitemap.xml")).body())
    sitemaps = [loc.text for loc in index.iter("{*}loc")]
    assert live_site.url("/sitemaps/news.xml") in sitemaps
    for url in sitemaps:
        response = page.request.get(url)
        assert response.status == 200, url
        etree.fromstring(response.body())
