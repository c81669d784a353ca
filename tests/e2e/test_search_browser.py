"""A reader searches from the site header, in Chromium, on the demo site (320 px wide).

Reuses the live demo server and the browser of tests/e2e (`kiosque demo`, then
`kiosque serve` with its worker): the demo must end with a searchable index.
"""

import re

import pytest

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}


def test_a_reader_searches_from_the_header_in_french(live_site, new_page):
    from playwright.sync_api import expect

    page = new_page(viewport=NARROW)
    page.goto(live_site.url("/"))
    header_search = page.get_by_role("search", name="Recherche sur le site")
    # Typed without accents, singular: the demo has « barrage de Sainte-Agathe » stories.
    header_search.get_by_label("Rechercher dans les articles").fill("proces barrages")
    header_search.get_by_role("button", name="Rechercher").click()

    expect(page).to_have_url(re.compile(r"/recherche/\?q=proces\+barrages$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Rechercher")
    first = page.locator(".search-result").first
    expect(first).to_contain_text("Procès du barrage de Sainte-Agathe")
    expect(first.locator("mark").first).to_be_visible()
    # The header form and the results fit the narrow screen: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]

    first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sainte-Agathe")


def test_the_english_interface_searches_from_its_header(live_site, new_page):
    from playwright.sync_api import expect

    page = new_page(locale="en-GB")
    page.goto(live_site.url("/en/"))
    header_search = page.get_by_role("search", name="Search the site")
    header_search.get_by_label("Search the articles").fill("tempete heloise")
    header_search.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/en/recherche/\?q=tempete\+heloise$"))
    expect(page.locator(".search-result").first).to_contain_text("Héloïse")
    expect(page.locator(".search-summary")).to_contain_text("articles for “tempete heloise”")
