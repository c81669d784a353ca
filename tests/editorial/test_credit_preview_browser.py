"""In Chromium, against the demo site: the « Ligne de crédit publique » under a new
article's credit fields follows the agencies and authors as the journalist picks them
(credit-preview.js asking the server's credit_line(), decision 0070).

Reuses the browser tests' live site (tests/e2e/fixtures.py). Nothing is typed in the
title: the form is only looked at, and no article is created.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import SCREENSHOT_DIR

pytestmark = pytest.mark.browser

NEWSROOM = "Kiosque Info"  # the demo's (Settings › Newsroom)


def log_in(page, site) -> None:
    page.goto(site.url("/admin/login/"))
    page.fill("#id_username", site.admin_username)
    page.fill("#id_password", site.admin_password)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(site.url("/admin/"))


def test_the_credit_line_follows_the_credits_as_they_are_chosen(new_page, live_site):
    editor = new_page()
    asked = []
    editor.on(
        "request",
        lambda request: asked.append(request.url) if "ligne-de-credit" in request.url else None,
    )
    log_in(editor, live_site)
    # « Nouvel article dans Sport », from the dashboard.
    editor.locator(".newsroom-dashboard__sections a").filter(
        has_text=re.compile(r"\bSport\b")
    ).first.click()
    expect(editor).to_have_url(re.compile(r"/admin/pages/add/newsroom/articlepage/\d+/$"))
    line = editor.locator("output[data-credit-preview-line]")
    expect(line).to_have_text(f"Article rédigé par {NEWSROOM}")

    editor.select_option("#id_agencies", label=["AFP", "Reuters"])
    expect(line).to_have_text(f"Article rédigé par {NEWSROOM} avec AFP et Reuters")

    # An author, through Wagtail's own page chooser.
    editor.get_by_role("button", name=re.compile(r"Ajouter un\(e\) Auteur|Add Author")).click()
    editor.locator("#inline_child_article_authors-0 .chooser__choose-button").click()
    modal = editor.locator(".modal.in, .modal[aria-hidden=false]").first
    expect(modal).to_be_visible()  # it opens on the authors' pages, the only ones allowed
    modal.get_by_role("link", name="Camille Roussel").first.click()
    expect(modal).to_be_hidden()
    expect(line).to_have_text("Article rédigé par Camille Roussel avec AFP et Reuters")
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    line.locator("xpath=ancestor::section[1]").screenshot(
        path=str(SCREENSHOT_DIR / "test_credit_preview_browser-credits.png")
    )

    # The author row's bin button, then one agency fewer.
    editor.locator("#id_article_authors-0-DELETE-button").click()
    expect(line).to_have_text(f"Article rédigé par {NEWSROOM} avec AFP et Reuters")
    editor.select_option("#id_agencies", label=["Reuters"])
    expect(line).to_have_text(f"Article rédigé par {NEWSROOM} avec Reuters")
    # Asked of the server each time, never built in the browser.
    assert len(asked) >= 4, asked
    assert all("/admin/redaction/ligne-de-credit/" in url for url in asked)
