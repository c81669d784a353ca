"""The protocol around every answer: ETag/304, HEAD, CORS, rate limit, no cookies,
and the documentation pages under the site's CSP."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from kiosque.core.middleware import READER_POLICY, serialise_policy
from tests.factories import days_ago, inside_one_rate_window, make_article


@pytest.mark.parametrize("path", ["articles", "detail", "ninjs", "sections", "openapi.json"])
def test_etag_and_304(api_get, published, path):
    path = {
        "detail": f"articles/{published[0].pk}",
        "ninjs": f"articles/{published[0].pk}/ninjs",
    }.get(path, path)
    first = api_get(path)
    etag = first["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{40}"', etag)
    assert api_get(path)["ETag"] == etag  # deterministic: same content, same tag
    again = api_get(path, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert api_get(path, HTTP_IF_NONE_MATCH=f'"other", W/{etag}').status_code == 304
    assert api_get(path, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_etag_changes_when_the_content_does(api_get, published, newsroom):
    before = api_get("articles")["ETag"]
    detail_before = api_get(f"articles/{published[0].pk}")["ETag"]
    make_article(newsroom.sport, title="Nouvelle dépêche", published_at=days_ago(0))
    after = api_get("articles", HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200
    assert after["ETag"] != before
    # The unchanged article keeps its tag.
    assert (
        api_get(f"articles/{published[0].pk}", HTTP_IF_NONE_MATCH=detail_before).status_code == 304
    )


def test_head_has_the_headers_of_get_without_body(client, published):
    get = client.get("/api/v1/articles")
    head = client.head("/api/v1/articles")
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Type"] == get["Content-Type"]


def test_answers_set_no_cookie_and_do_not_vary_on_it(client, published):
    client.get("/")  # whatever the site did before, the API adds nothing personal
    for path in ("articles", f"articles/{published[0].pk}", "docs", "openapi.json", "nope"):
        response = client.get("/api/v1/" + path)
        assert not response.cookies, path
        assert "Cookie" not in response.get("Vary", ""), path
        assert "csrf" not in response.content.decode().lower(), path


def test_cors_default_is_read_only_star(client, published):
    response = client.get("/api/v1/articles", HTTP_ORIGIN="https://partenaire.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Expose-Headers"] == "ETag, Retry-After"
    assert "Access-Control-Allow-Credentials" not in response
    assert "Origin" not in response.get("Vary", "")
    preflight = client.options(
        "/api/v1/articles",
        HTTP_ORIGIN="https://partenaire.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert preflight["Access-Control-Allow-Headers"] == "If-None-Match, Accept"


def test_cors_restricted_to_configured_origins(client, published, settings):
    settings.API_CORS_ALLOWED_ORIGINS = ["https://partenaire.example"]
    allowed = client.get("/api/v1/articles", HTTP_ORIGIN="https://partenaire.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://partenaire.example"
    assert "Origin" in allowed["Vary"]
    refused = client.get("/api/v1/articles", HTTP_ORIGIN="https://ailleurs.example")
    assert refused.status_code == 200  # the data is public; only browsers are told no
    assert "Access-Control-Allow-Origin" not in refused
    preflight = client.options(
        "/api/v1/articles",
        HTTP_ORIGIN="https://ailleurs.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert "Access-Control-Allow-Methods" not in preflight
    settings.API_CORS_ALLOWED_ORIGINS = []
    none = client.get("/api/v1/articles", HTTP_ORIGIN="https://partenaire.example")
    assert "Access-Control-Allow-Origin" not in none


def test_rate_limit_per_client_address(published, settings):
    settings.API_RATE_LIMIT = "3/m"
    alice = Client(REMOTE_ADDR="192.0.2.10")
    bob = Client(REMOTE_ADDR="192.0.2.20")
    with inside_one_rate_window(seconds_in=20):
        assert [alice.get("/api/v1/articles").status_code for _ in range(3)] == [200] * 3
        limited = alice.get("/api/v1/articles", HTTP_ORIGIN="https://partenaire.example")
        assert limited.status_code == 429
        assert int(limited["Retry-After"]) == 40  # the rest of the minute
        assert limited.json()["detail"].startswith("too many requests: retry in ")
        # Browsers can read the refusal (CORS), and every path under the API counts.
        assert limited["Access-Control-Allow-Origin"] == "*"
        assert alice.get("/api/v1/openapi.json").status_code == 429
        assert bob.get("/api/v1/articles").status_code == 200


def test_rate_limit_behind_trusted_proxies(published, settings):
    settings.API_RATE_LIMIT = "2/h"
    proxy = Client(REMOTE_ADDR="10.0.0.1")
    # No trusted proxy: X-Forwarded-For is ignored (a client could write anything there).
    settings.API_TRUSTED_PROXIES = 0
    for forged in ("198.51.100.1", "198.51.100.2"):
        assert proxy.get("/api/v1/topics", HTTP_X_FORWARDED_FOR=forged).status_code == 200
    assert proxy.get("/api/v1/topics", HTTP_X_FORWARDED_FOR="198.51.100.3").status_code == 429
    # One trusted proxy (Varnish): its last entry is the client.
    settings.API_TRUSTED_PROXIES = 1
    for _ in range(2):
        ok = proxy.get("/api/v1/topics", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
        assert ok.status_code == 200
    assert (
        proxy.get("/api/v1/topics", HTTP_X_FORWARDED_FOR="7.7.7.7, 203.0.113.7").status_code == 429
    )
    assert proxy.get("/api/v1/topics", HTTP_X_FORWARDED_FOR="203.0.113.8").status_code == 200


def test_rate_limit_can_be_switched_off(published, settings):
    settings.API_RATE_LIMIT = "off"
    client = Client()
    assert all(client.get("/api/v1/topics").status_code == 200 for _ in range(30))


def test_reference_page_is_self_contained_under_the_reader_csp(client, published):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert response["Content-Security-Policy"] == serialise_policy(READER_POLICY)
    assert "<script" not in html and "style=" not in html and "<style" not in html
    # Every address is on this site: no CDN, no third party.
    addresses = re.findall(r'(?:href|src)="([^"]+)"', html)
    assert addresses and all(a.startswith(("/", "#")) for a in addresses), addresses
    assert '<link rel="stylesheet" href="/static/api/reference.css">' in html
    assert client.get("/static/api/reference.css").status_code == 200
    # Generated from the OpenAPI document: every operation and parameter is there.
    for text in (
        "GET /api/v1/articles",
        "GET /api/v1/articles/{article_id}/ninjs",
        "GET /api/v1/sections",
        "updated_since",
        "page_size",
        "ArticleSummary",
    ):
        assert text in html, text  # fmt: skip


def test_openapi_document(client, published):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["info"]["title"] == "Kiosque public API"
    assert set(document["paths"]) == {
        "/api/v1/articles",
        "/api/v1/articles/{article_id}",
        "/api/v1/articles/{article_id}/ninjs",
        "/api/v1/sections",
        "/api/v1/topics",
        "/api/v1/authors",
        "/api/v1/lives",
        "/api/v1/lives/{live_id}/entries",
    }
    writes = {"/api/v1/lives/{live_id}/entries"}
    for path, item in document["paths"].items():
        if path in writes:  # with a token only (tests/api/test_live_write_api.py)
            assert set(item) == {"post"}
            assert item["post"]["security"] == [{"TokenAuth": []}]
            continue
        assert set(item) == {"get"}
        assert {"200", "304", "404", "422", "429"} <= set(item["get"]["responses"])


def test_rate_limit_setting_is_checked():
    from django.core.exceptions import ImproperlyConfigured

    from kiosque.api.rate_limit import Rate, parse_rate

    assert parse_rate("120/m") == Rate(requests=120, seconds=60)
    assert parse_rate(" 5 / h ") == Rate(requests=5, seconds=3600)
    assert parse_rate("off") is None
    for bad in ("120", "120/week", "0/m", "-3/s", "beaucoup"):
        with pytest.raises(ImproperlyConfigured):
            parse_rate(bad)
