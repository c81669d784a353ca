"""La une in Chromium: « Fil info » says how old each story is now, whatever the edge
kept, and a phone reader gets the whole front page in a few screens."""

import re
from datetime import datetime

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}


def test_the_latest_news_column_counts_the_minutes_in_the_browser(page, live_site):
    page.goto(live_site.url("/"))
    wire = page.get_by_role("region", name="Fil info")
    times = wire.locator("time[datetime]")
    expect(times).to_have_count(10)
    newest = times.first
    # The script rewrote the absolute time it was served with, from the datetime attribute.
    expect(newest).to_have_text(re.compile(r"^(À l’instant|Il y a \d+\u00a0(min|h))$"))
    served = newest.get_attribute("title")  # the absolute time, kept for hover
    moment = datetime.fromisoformat(newest.get_attribute("datetime"))
    assert served == moment.strftime("%d/%m/%Y %H:%M")

    page.goto(live_site.url("/en/"))
    expect(page.get_by_role("region", name="Latest news").locator("time").first).to_have_text(
        re.compile(r"^(Just now|\d+ min ago|1 hour ago|\d+ hours ago)$")
    )


def test_without_javascript_the_absolute_time_stays(new_page, live_site):
    page = new_page(java_script_enabled=False)
    page.goto(live_site.url("/"))
    first = page.get_by_role("region", name="Fil info").locator("time").first
    expect(first).to_have_text(re.compile(r"^\d\d/\d\d/\d{4} \d\d:\d\d$"))


def test_a_phone_reader_gets_la_une_in_six_screens_with_compact_rows(new_page, live_site):
    page = new_page(viewport=PHONE)
    page.goto(live_site.url("/"))
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 6 * PHONE["height"], f"{height} px: more than six phone screens"
    # Secondary stories are rows: the thumbnail beside the title, not above it.
    card = page.locator(".front-featured .card").first
    picture = card.locator("picture").bounding_box()
    title = card.locator(".card__title").bounding_box()
    assert picture["x"] > title["x"] and picture["width"] < PHONE["width"] / 3
    # The lead's picture loads at once, first: it is the largest thing above the fold.
    lead_image = page.locator(".front-lead img")
    expect(lead_image).to_have_attribute("fetchpriority", "high")
    assert lead_image.get_attribute("loading") is None
