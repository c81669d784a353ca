"""Filters by section, article type and dates; bad filter values get a clear message."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.search.conftest import found_titles


@pytest.fixture
def floods(newsroom, write, reindex):
    write("Inondations en Allemagne", section=newsroom.europe, days=3, article_type="analyse")
    write("Inondations au Pakistan", section=newsroom.monde, days=40)
    write("Inondations : le match reporté", section=newsroom.sport, days=400)
    reindex()
    return newsroom


def test_section_filter_includes_sub_sections(client, floods):
    monde = {"section": floods.monde.pk}
    assert found_titles(client, "inondations", **monde) == [
        "Inondations en Allemagne",
        "Inondations au Pakistan",
    ]
    assert found_titles(client, "inondations", section=floods.sport.pk) == [
        "Inondations : le match reporté"
    ]


def test_article_type_filter(client, floods):
    assert found_titles(client, "inondations", type="analyse") == ["Inondations en Allemagne"]


def test_date_range_filter_is_inclusive_whole_days(client, floods):
    today = timezone.localdate()
    since = (today - timedelta(days=60)).isoformat()
    until = (today - timedelta(days=10)).isoformat()
    assert found_titles(client, "inondations", since=since, until=until) == [
        "Inondations au Pakistan"
    ]
    assert found_titles(client, "inondations", since=today.strftime("%d/%m/%Y")) == []


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"section": "abc"}, "This section does not exist."),
        ({"section": "999999"}, "This section does not exist."),
        ({"type": "fake"}, "This article type does not exist."),
        ({"since": "2024-13-45"}, "Enter a date such as 2024-03-31."),
        ({"until": "demain"}, "Enter a date such as 2024-03-31."),
        ({"since": "99999-01-01"}, "Enter a date such as 2024-03-31."),
        ({"since": "2024-05-01", "until": "2024-04-01"}, "The start date is after the end date."),
    ],
)
def test_bad_filter_values_get_a_clear_message(client, floods, params, message):
    response = client.get("/en/recherche/", {"q": "inondations", **params})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    assert "search-result__title" not in html


def test_bad_page_numbers_are_not_found(client, floods):
    for page in ["0", "abc", "9999999", "2", "-1"]:
        response = client.get("/recherche/", {"q": "inondations", "page": page})
        assert response.status_code == 404, page
