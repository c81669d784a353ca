"""« En direct » in Chromium: an open live page catches up by itself.

The demo's running live is open; entries are posted, edited and deleted from a `kiosque
shell` as the newsroom's composer would (kiosque.live.services). The page's clock is
Playwright's, so each poll comes when the test says rather than after 10 s of waiting;
the requests themselves are real, to the running site.
"""

import json

import pytest
from playwright.sync_api import expect

from kiosque.demo.content.lives import RUNNING
from tests.e2e.test_edge import shell

pytestmark = pytest.mark.browser

LIVE_PATH = f"/{RUNNING['section']}/{RUNNING['slug']}/"
POLL = 30 * 1000  # the longest interval the setting allows: one step of the clock polls


def _post(live_site, title: str) -> int:
    code = (
        "from kiosque.live import services; from kiosque.live.models import LivePage; "
        f"live = LivePage.objects.get(slug={RUNNING['slug']!r}); "
        "body = [{'type': 'paragraph', 'value': '<p>Texte posté par le test.</p>'}]; "
        f"draft = services.EntryDraft(body=body, title={title!r}); "
        "entry = services.post_entry(live, None, draft); "
        "from kiosque.edge.purge import wait_for_pending_purges; wait_for_pending_purges(); "
        "print(entry.pk)"
    )
    return int(shell(live_site, code).strip().splitlines()[-1])


def _change(live_site, entry_id: int, action: str) -> None:
    code = (
        "from kiosque.live import services; from kiosque.live.models import LiveEntry; "
        f"entry = LiveEntry.objects.get(pk={entry_id}); "
        + (
            "services.delete_entry(entry, None)"
            if action == "delete"
            else "services.edit_entry(entry, None, services.EntryDraft(body=[{'type': "
            "'paragraph', 'value': '<p>Texte corrigé.</p>'}], title='Titre corrigé'), "
            "from_version=entry.version)"
        )
        + "; from kiosque.edge.purge import wait_for_pending_purges; wait_for_pending_purges()"
    )
    shell(live_site, code)


def test_new_entries_reach_an_open_page_without_moving_what_the_reader_reads(new_page, live_site):
    page = new_page(viewport={"width": 1366, "height": 900})
    page.clock.install()
    page.goto(live_site.url(LIVE_PATH))
    feed = page.locator("[data-live-feed]")
    notice = page.locator("[data-live-notice]")

    # At the top of the stream: a new entry comes in at once, and is announced.
    page.locator("#live-entries-title").scroll_into_view_if_needed()
    page.evaluate("window.scrollTo(0, 0)")
    first = _post(live_site, "Première entrée du test")
    page.clock.run_for(POLL)
    expect(feed.locator("li").first).to_have_id(f"entree-{first}", timeout=10_000)
    expect(notice).to_contain_text("1")

    # Reading further down: the text stays put; the entry waits behind the button.
    reading = feed.locator("li").nth(8)
    reading.scroll_into_view_if_needed()
    top_before = reading.bounding_box()["y"]
    second = _post(live_site, "Deuxième entrée du test")
    page.clock.run_for(POLL)
    button = notice.locator("button")
    expect(button).to_be_visible(timeout=10_000)
    assert abs(reading.bounding_box()["y"] - top_before) < 1
    expect(page.locator(f"#entree-{second}")).to_have_count(0)
    button.click()
    expect(feed.locator("li").first).to_have_id(f"entree-{second}")
    expect(page.locator(f"#entree-{second}")).to_be_focused()

    # Edited in place, deleted: every open page follows.
    _change(live_site, first, "edit")
    page.clock.run_for(POLL)
    expect(page.locator(f"#entree-{first} .live-entry__title")).to_have_text(
        "Titre corrigé", timeout=10_000
    )
    _change(live_site, second, "delete")
    page.clock.run_for(POLL)
    expect(page.locator(f"#entree-{second}")).to_have_count(0, timeout=10_000)


def test_the_polling_answer_is_public_and_the_same_for_everyone(live_site):
    from tests.e2e.test_edge import anonymous

    page = anonymous(live_site.url(LIVE_PATH)).body
    url = live_site.url(page.split('data-updates-url="')[1].split('"')[0])
    answer = anonymous(url)
    assert "public" in answer.headers["Cache-Control"]
    assert "Set-Cookie" not in answer.headers
    entries = json.loads(answer.body)["entries"]
    assert len(entries) == 30 and all("data-entry-id" in entry["html"] for entry in entries)
