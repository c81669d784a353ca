"""Security headers and the health check."""

from unittest import mock

import pytest
from django.db import OperationalError, connections

pytestmark = pytest.mark.django_db


def test_reader_pages_carry_a_strict_content_security_policy(client, newsroom):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Content-Language"] == "fr"


def test_english_pages_say_so(client, newsroom):
    assert client.get("/en/")["Content-Language"] == "en"


def test_reader_pages_do_not_vary_on_accept_language(client, newsroom):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Accept-Language" not in response.get("Vary", "")
    assert 'lang="fr"' in response.content.decode()  # the URL decides, not the browser


def test_the_admin_lives_at_the_configured_path(client, settings):
    response = client.get("/" + settings.ADMIN_PATH)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_does_not(client):
    primary = connections["default"]
    with mock.patch.object(primary, "cursor", side_effect=OperationalError("server closed")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
