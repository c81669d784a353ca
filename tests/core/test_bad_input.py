"""Hostile or broken URLs answer 404 or 400 in the site's design, never 500."""

import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_with_article(newsroom):
    make_article(newsroom.sport, slug="match")
    return newsroom


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=0",
        "page=-1",
        "page=99999",
        "page=1.5",
        "page=" + "9" * 400,
        "page=%00",
        "page=1&page=abc",
        "page=%C3%A9",
    ],
)
def test_bad_page_numbers_are_not_found(client, site_with_article, query):
    response = client.get("/sport/?" + query)
    assert response.status_code == 404


def test_second_page_that_exists_is_served(client, newsroom):
    for number in range(21):
        make_article(newsroom.sport, slug=f"resultat-{number}")
    assert client.get("/sport/?page=2").status_code == 200
    assert client.get("/sport/?page=3").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "utm_source=" + "x" * 5000,
        "q=%FF%FE",
        "a=<script>alert(1)</script>",
        "&".join(f"k{n}=v" for n in range(500)),
        "%%%",
    ],
)
def test_absurd_query_strings_do_not_break_pages(client, site_with_article, query):
    response = client.get("/sport/match/?" + query)
    assert response.status_code in (200, 400)
    assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.parametrize(
    "path",
    [
        "/sport/match/extra/segments/",
        "/%00/",
        "/sport/%FF/",
        "/" + "a" * 3000 + "/",
        "/../../etc/passwd",
        "/sport//match/",
        "/en/en/sport/",
        "/sport/match/%2e%2e/%2e%2e/",
        "/\u00e9t\u00e9/",
        "/media/../kiosque.sqlite3",
        "/static/../../kiosque/settings/base.py",
    ],
)
def test_malformed_paths_answer_404_or_400(client, site_with_article, path):
    response = client.get(path)
    assert response.status_code in (301, 404, 400), response.status_code
    assert response.status_code != 500


@pytest.mark.parametrize("path", ["/%00/", "/sport/%01match/", "/sport/match%7F/"])
def test_control_characters_in_a_path_are_a_bad_request(client, site_with_article, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "Requête invalide" in response.content.decode()


def test_unsupported_methods_are_refused_without_error(client, site_with_article):
    assert client.post("/sport/match/").status_code in (403, 405)
    assert client.generic("PROPFIND", "/sport/match/").status_code in (403, 405)
