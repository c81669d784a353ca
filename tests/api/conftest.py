"""Fixtures of the API tests: a small newsroom with articles in every state."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import days_ago, make_article


@pytest.fixture
def client():
    # enforce_csrf_checks: the API must not depend on a CSRF exemption of the test client.
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def api_get(client):
    def get(path: str, **headers):
        return client.get("/api/v1/" + path.lstrip("/"), **headers)

    return get


@pytest.fixture
def published(newsroom):
    """Three visible articles in two sections, oldest first."""
    return [
        make_article(newsroom.europe, title="Sommet à Bruxelles", published_at=days_ago(3),
                     authors=[newsroom.author], topic=newsroom.topic),
        make_article(newsroom.monde, title="Élections au Chili", published_at=days_ago(2),
                     agencies=[newsroom.agency]),
        make_article(newsroom.sport, title="Le Tour part de Brest", published_at=days_ago(1)),
    ]  # fmt: skip
