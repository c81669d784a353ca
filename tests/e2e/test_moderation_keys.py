"""In Chromium: a moderator works the queue from the keyboard (j / k, x, r, a)."""

import re

from playwright.sync_api import expect

from tests.editorial.test_workflow_browser import log_in


def test_a_moderator_moves_ticks_and_approves_from_the_keyboard(page, live_site):
    log_in(page, live_site, live_site.admin_username, live_site.admin_password)
    page.goto(live_site.url("/admin/moderation/file/held/"))
    rows = page.locator("tr[data-moderation-row]")
    expect(rows.first).to_be_visible()
    assert rows.count() >= 2, "the demo's held queue has comments"

    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    expect(rows.nth(0)).to_have_class(re.compile(r"\bis-current\b"))
    expect(rows.nth(1)).not_to_have_class(re.compile(r"\bis-current\b"))

    page.keyboard.press("x")  # ticked for the bulk actions
    expect(rows.nth(0).locator("input[name=comments]")).to_be_checked()

    page.keyboard.press("r")  # rejecting needs a reason: the reason list gets the focus
    expect(rows.nth(0).locator("select[name=preset]")).to_be_focused()
    page.keyboard.press("Escape")
    rows.nth(0).focus()

    # « a » sends the row's own approve button. The request is stopped at the browser:
    # the shared demo keeps its queue for the other tests.
    comment_id = rows.nth(0).get_attribute("id").removeprefix("mod-c")
    sent = []

    def hold(route):
        sent.append((route.request.url, route.request.post_data or ""))
        route.fulfill(status=204)

    page.route(re.compile(r"/admin/moderation/commentaire/\d+/$"), hold)
    page.keyboard.press("a")
    page.wait_for_timeout(500)
    assert len(sent) == 1
    url, body = sent[0]
    assert url.endswith(f"/admin/moderation/commentaire/{comment_id}/")
    assert "action=approve" in body
