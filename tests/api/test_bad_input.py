"""Bad requests get a clear 4xx in JSON, never a 500 and never an HTML page."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "path",
    ["articles/abc", "articles/0", "articles/-1", "articles/1.5", "articles/99999999999999999999",
     "articles/abc/ninjs", "articles/0/ninjs"],
)  # fmt: skip
def test_malformed_article_ids_are_422(api_get, newsroom, path):
    response = api_get(path)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["path", "article_id"]


def test_unknown_ids_are_404_in_json(api_get, newsroom):
    for path in (
        "articles/2147483647",
        "articles/2147483647/ninjs",
        f"articles/{newsroom.home.pk}",
    ):
        response = api_get(path)
        assert response.status_code == 404
        assert response.json() == {"detail": "no such article"}


@pytest.mark.parametrize(
    "value",
    ["2026-11-25", "2026-11-25T09:30:00", "hier", "1700000000", "2026-13-45T25:00:00+01:00",
     "2026-11-25T09:30:00+25:00", ""],
)  # fmt: skip
def test_bad_dates_are_422_with_the_expected_format(api_get, newsroom, value):
    response = api_get("articles", data={"updated_since": value})
    assert response.status_code == 422, value
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", "updated_since"]
    assert "ISO 8601" in error["msg"] or value == ""


def test_good_dates_with_offsets_are_accepted(api_get, newsroom):
    for value in (
        "2026-11-25T09:30:00+01:00",
        "2026-11-25T08:30:00Z",
        "2026-11-25T08:30:00.123456+00:00",
    ):
        assert api_get("articles", data={"updated_since": value}).status_code == 200


def test_unknown_parameters_are_refused_by_name(api_get, newsroom):
    response = api_get("articles?sectoin=3&page=2")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("unknown parameter(s): page, sectoin (accepted:")
    for path in (
        "sections?x=1",
        "topics?x=1",
        "authors?x=1",
        f"articles/{newsroom.home.pk}?full=1",
    ):
        assert api_get(path).status_code == 400, path


def test_bad_filter_values(api_get, newsroom):
    for query in (
        "section=monde",
        "topic=0",
        "author=-3",
        "section=3000000000",
        "q=" + "a" * 201,
        "q=%00",
        "cursor=%C3%A9t%C3%A9",
    ):
        response = api_get("articles?" + query)
        assert response.status_code == 422, query  # fmt: skip


def test_search_syntax_is_just_words(api_get, published):
    for q in ('"', "*", "NOT", "a OR", "(", "Chili AND", "'; DROP TABLE", "%", "é*"):
        response = api_get("articles", data={"q": q})
        assert response.status_code == 200, q


def test_unknown_endpoints_and_methods(client, newsroom):
    response = client.get("/api/v1/articles/")
    assert response.status_code == 404
    assert response.json() == {"detail": "no such endpoint: see /api/v1/docs"}
    response = client.post("/api/v1/articles", data={"title": "x"})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert client.delete(f"/api/v1/articles/{newsroom.home.pk}").status_code == 405
    refused = client.post("/api/v1/no-such-thing")
    assert refused.status_code == 405 and refused.json()["detail"].startswith(
        "the API is read-only"
    )
