"""The OpenAPI document, exercised by schemathesis against the WSGI application.

Every operation gets generated requests, valid and invalid (hypothesis, derandomised so a
failure replays), over a newsroom with visible, draft and private articles; every answer
must match the document (status codes, content types, schemas) and none may be a server
error.
"""

from __future__ import annotations

import json
from urllib.parse import unquote, urlsplit

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import content_type_conformance, positive_data_acceptance
from wagtail.models import PageViewRestriction

from kiosque.api.api import api
from kiosque.wsgi import application
from tests.factories import days_ago, make_article, make_image


@pytest.fixture
def api_data(newsroom, settings):
    settings.API_RATE_LIMIT = "off"  # hundreds of requests from one address
    photo = make_image("Port")
    make_article(
        newsroom.europe,
        title="Sommet à Bruxelles",
        published_at=days_ago(2),
        authors=[newsroom.author],
        topic=newsroom.topic,
        lead_image=photo,
    )
    make_article(
        newsroom.monde,
        title="Élections au Chili",
        published_at=days_ago(1),
        agencies=[newsroom.agency],
        article_type="analyse",
        dateline="SANTIAGO –",
    )
    make_article(newsroom.sport, title="Brouillon", live=False)
    private = make_article(newsroom.sport, title="Réservé", published_at=days_ago(1))
    PageViewRestriction.objects.create(page=private, restriction_type="login")  # fmt: skip


@pytest.fixture
def test_transaction_kept_open():
    """Requests go straight to the WSGI application, not through Django's test client,
    so do what the test client does: keep Django from closing the database connection
    at the end of each request (on PostgreSQL that would end the test's transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# The document is built here without a request (collection time has no database); the
# test below checks it is exactly the one /api/v1/openapi.json serves.
def _document() -> dict:
    return json.loads(json.dumps(api.get_openapi_schema()))  # JSON keys, as served


schema = schemathesis.openapi.from_dict(_document())
schema.app = application
schema.location = "/api/v1/openapi.json"


def test_the_document_tested_is_the_one_served(client):
    assert client.get("/api/v1/openapi.json").json() == _document()


@schema.parametrize()
@settings(
    max_examples=40,
    derandomize=True,
    # Derandomised examples need no examples database, which hypothesis would otherwise
    # write as .hypothesis/ in the checkout.
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_openapi_document(case, api_data, test_transaction_kept_open):
    response = case.call()
    excluded = [positive_data_acceptance]
    # A cursor is valid when its signature is, which no schema can say: a made-up cursor
    # that fits the pattern is rightly refused (400). Everything else runs.
    control_characters = _control_characters(urlsplit(response.request.url).path)
    if control_characters:
        # kiosque.core answers such paths before any URL is resolved, with the site's
        # HTML 400 page (RejectControlCharactersMiddleware): not the API's JSON.
        excluded.append(content_type_conformance)
    case.validate_response(response, excluded_checks=excluded)
    assert response.status_code < 500
    if control_characters:
        assert response.status_code == 400


def _control_characters(path: str) -> bool:
    return any(ord(c) < 0x20 or c == "\x7f" for c in unquote(path))
