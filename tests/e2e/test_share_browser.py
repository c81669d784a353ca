"""« Partager » in Chromium: share.js shows the buttons the browser can honour, the
share sheet gets the article's address, and « Copier le lien » puts it in the clipboard.
Without JavaScript only the plain links show."""

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import article_path, demo_article
from tests.e2e.test_reader_journey import RECENT_AGENCY_ARTICLE

pytestmark = pytest.mark.browser

# Linux Chromium has no navigator.share: a stand-in records what the page would share.
FAKE_SHARE_SHEET = "navigator.share = async (data) => { window.__shared = data; };"


def test_the_share_buttons_share_and_copy_the_article_address(new_page, live_site):
    path = article_path(demo_article(RECENT_AGENCY_ARTICLE))
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.add_init_script(FAKE_SHARE_SHEET)
    page.goto(live_site.url(path))
    share = page.locator("section.share")  # its heading is translated with the catalogue
    native = share.locator("button[data-share-native]")
    copy = share.locator("button[data-share-copy]")
    expect(native).to_be_visible()
    native.click()
    page.wait_for_function("window.__shared !== undefined")
    assert page.evaluate("window.__shared.url") == live_site.url(path)

    copy.click()
    expect(share.locator("[data-share-status]")).not_to_be_empty()
    assert page.evaluate("navigator.clipboard.readText()") == live_site.url(path)


def test_without_javascript_only_the_plain_links_show(new_page, live_site):
    page = new_page(java_script_enabled=False)
    page.goto(live_site.url(article_path(demo_article(RECENT_AGENCY_ARTICLE))))
    share = page.locator("section.share")
    expect(share.locator("button")).to_have_count(2)
    expect(share.locator("button:visible")).to_have_count(0)
    expect(share.locator("a.share__link:visible")).to_have_count(5)
