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


def test_a_moderator_filters_the_queue_and_comes_back_to_the_next_row(page, live_site):
    log_in(page, live_site, live_site.admin_username, live_site.admin_password)
    held = live_site.url("/admin/moderation/file/held/")
    page.goto(held)
    rows = page.locator("tr[data-moderation-row]")
    expect(rows.first).to_be_visible()
    assert rows.count() >= 2, "the demo's held queue has comments"
    second_id = rows.nth(1).get_attribute("id")

    # The filters are a plain GET form: the filtered queue has its own address.
    choice = page.locator("#filter-article option").nth(1)
    article_id, title = choice.get_attribute("value"), choice.inner_text()
    page.select_option("#filter-article", article_id)
    page.locator("form.moderation-filters button").click()
    expect(page).to_have_url(re.compile(rf"/file/held/\?article={article_id}&"))
    expect(rows.first).to_be_visible()
    for index in range(rows.count()):
        assert title.rstrip("…") in rows.nth(index).locator("td").nth(3).inner_text()
    # Each action comes back to the same filtered queue.
    back = rows.first.locator("input[name=back]").first.get_attribute("value")
    assert back.startswith(f"/admin/moderation/file/held/?article={article_id}")

    # Coming back after an action, the row named in the address is the current one, so
    # the keys carry on from there.
    page.goto(f"{held}#{second_id}")
    expect(rows.nth(1)).to_have_class(re.compile(r"\bis-current\b"))
    expect(rows.nth(1)).to_be_focused()
