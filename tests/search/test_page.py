"""The search page and the header form, in French and in English."""

import re

import pytest

from kiosque.search.selectors import PER_PAGE
from tests.search.conftest import found_titles


@pytest.mark.parametrize(
    ("page", "action", "button"),
    [("/", "/recherche/", "Rechercher"), ("/en/", "/en/recherche/", "Search")],
)
def test_every_page_header_has_a_search_form(client, newsroom, page, action, button):
    html = client.get(page).content.decode()
    form = re.search(r'<form class="site-search" role="search"[^>]*>(.*?)</form>', html, re.S)
    assert form, "no search form in the header"
    assert f'action="{action}"' in form.group(0)
    assert 'method="get"' in form.group(0)
    assert 'name="q"' in form.group(1)
    assert 'for="site-search-q"' in form.group(1)  # a label for screen readers
    assert f">{button}</button>" in form.group(1)


def test_the_english_interface_searches_the_same_articles(client, write, reindex):
    write("Sécheresse : les nappes au plus bas")
    reindex()
    response = client.get("/en/recherche/", {"q": "secheresse"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "1 article for “secheresse”" in html
    assert 'href="/en/' in html  # the result links stay in the English interface


def test_french_page_speaks_french(client, write, reindex):
    write("Sécheresse : les nappes au plus bas")
    write("Sécheresse : les agriculteurs inquiets")
    reindex()
    html = client.get("/recherche/", {"q": "sécheresse"}).content.decode()
    assert "2\u00a0articles pour «\u00a0sécheresse\u00a0»" in html


def test_matching_words_are_highlighted_in_title_and_excerpt(client, write, reindex):
    write(
        "Les retraités manifestent",
        body="Plusieurs milliers de retraités ont défilé samedi contre la réforme.",
        standfirst="Un cortège calme.",
    )
    reindex()
    html = client.get("/recherche/", {"q": "retraite"}).content.decode()
    assert "Les <mark>retraités</mark> manifestent" in html
    assert "milliers de <mark>retraités</mark> ont défilé" in html


def test_results_are_paginated(client, write, reindex):
    for number in range(PER_PAGE + 3):
        write(f"Marée noire, jour {number}", days=number + 1)
    reindex()
    first = client.get("/recherche/", {"q": "marée", "type": ""}).content.decode()
    assert len(found_titles(client, "marée")) == PER_PAGE
    assert 'rel="next" href="?q=mar%C3%A9e&amp;type=&amp;page=2"' in first
    second = found_titles(client, "marée", page=2)
    assert second == [f"Marée noire, jour {n}" for n in range(PER_PAGE, PER_PAGE + 3)]


def test_no_results_page_helps(client, newsroom, write, reindex):
    write("Un article sur autre chose")
    reindex()
    response = client.get("/recherche/", {"q": "zxqvbn", "type": "analyse"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Aucun article pour «\u00a0zxqvbn\u00a0»" in html
    assert "search-empty" in html
    assert 'href="?q=zxqvbn"' in html  # the same search without the filters
    assert f'href="{newsroom.monde.url}"' in html  # or browse a section


def test_empty_search_shows_the_form_only(client, newsroom):
    response = client.get("/recherche/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="search-page-form"' in html
    assert "search-summary" not in html


def test_the_page_is_the_same_for_every_reader(client, write, reindex):
    write("Grève des contrôleurs aériens")
    reindex()
    response = client.get("/recherche/", {"q": "grève"})
    assert not response.cookies
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert '<meta name="robots" content="noindex">' in html
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "<script" not in html and "style=" not in html


def test_a_very_common_word_says_more_than_the_counted_limit(client, write, reindex, monkeypatch):
    from kiosque.search import selectors
    from kiosque.search.engines import postgresql, sqlite

    for module in (selectors, sqlite, postgresql):
        monkeypatch.setattr(module, "COUNT_LIMIT", 2)
    for number in range(3):
        write(f"Vendanges précoces, épisode {number}")
    reindex()
    html = client.get("/recherche/", {"q": "vendanges"}).content.decode()
    assert "Plus de 2\u00a0articles pour «\u00a0vendanges\u00a0»" in html
