"""Whatever a reader (or a bot) types, the page answers, never a server error."""

import pytest

from tests.search.conftest import found_titles

NASTY_QUERIES = [
    "a" * 10_000,
    "mot " * 2_000,
    "grève\x00\x01\x1f contrôleurs",
    "\x7f",
    '"grève',
    "grève\"'`",
    "NEAR(grève contrôleurs, 2)",
    "grève NEAR contrôleurs",
    "grève*",
    "*",
    "-grève",
    "grève -contrôleurs",
    "(grève",
    "grève))",
    "title:grève",
    "grève AND OR NOT",
    "^grève",
    "grève & | ! <-> :*",
    "\\",
    "'; DROP TABLE search_searchdocument; --",
    "<script>alert(1)</script>",
    "🙂 grève",
    "   ",
]


@pytest.mark.parametrize("query", NASTY_QUERIES)
def test_odd_queries_get_a_page_not_a_server_error(client, write, reindex, query):
    write("Grève des contrôleurs aériens")
    reindex()
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200


def test_syntax_characters_are_ignored_and_the_words_still_found(client, write, reindex):
    write("Grève des contrôleurs aériens")
    reindex()
    for query in ['"grève', "grève*", "-grève", "(grève", "NEAR(grève)", "grève))"]:
        assert found_titles(client, query) == ["Grève des contrôleurs aériens"], query


def test_the_query_is_escaped_in_the_page(client, write, reindex):
    write("Alerte <script> dans le titre")
    reindex()
    response = client.get("/recherche/", {"q": "<script>alert(1)</script> alerte"})
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html
    # The article's own title is escaped too, its matching word marked.
    assert "<mark>Alerte</mark> &lt;<mark>script</mark>&gt;" in html


def test_a_query_of_stop_words_only_says_so(client, write, reindex):
    write("Le monde change")
    reindex()
    response = client.get("/recherche/", {"q": "le de et"})
    assert response.status_code == 200
    assert "search-message" in response.content.decode()
    assert found_titles(client, "le de et") == []
