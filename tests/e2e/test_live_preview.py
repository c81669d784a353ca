"""In Chromium: the page editor's live preview shows the article being edited.

Wagtail's preview panel loads the preview, from the admin's own origin, in an iframe.
While the preview carried the reader pages' `frame-ancestors 'none'`, Chromium refused to
show it and the panel stayed blank (decision 0067).
"""

import re
from urllib.parse import quote

from playwright.sync_api import expect

from tests.e2e.helpers import demo_article
from tests.editorial.test_workflow_browser import log_in

# Any published demo article would do.
ARTICLE = "heloise-vigilance-rouge-finistere-morbihan"


def test_the_live_preview_shows_the_article_being_edited(page, live_site):
    title = demo_article(ARTICLE)["title"]
    log_in(page, live_site, live_site.admin_username, live_site.admin_password)

    page.goto(live_site.url("/admin/pages/search/?q=" + quote(title)))
    page.get_by_role("link", name=title, exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))

    page.locator("[data-side-panel-toggle=preview]").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("main h1")).to_contain_text(title)
