"""What every response tells the edge and browsers: lifetimes, validators, surrogate keys."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils.http import http_date, parse_http_date

from kiosque.edge.keys import keys_to_purge_for_page
from tests.factories import days_ago, make_article

pytestmark = pytest.mark.django_db


def directives(response) -> dict:
    parts = [part.strip() for part in response["Cache-Control"].split(",")]
    return dict([*p.split("=", 1), True][:2] for p in parts)


def keys(response) -> set[str]:
    return set(response["xkey"].split())


def test_an_anonymous_article_is_public_for_long_at_the_edge_and_briefly_in_browsers(
    client, newsroom
):
    article = make_article(newsroom.europe, slug="greve", published_at=days_ago(2))
    response = client.get(article.url)
    assert response.status_code == 200
    cache = directives(response)
    assert cache["public"] is True
    assert int(cache["s-maxage"]) >= 300
    assert int(cache["max-age"]) <= 60
    assert int(cache["stale-while-revalidate"]) > 0
    assert int(cache["stale-if-error"]) > 0
    assert response.has_header("ETag")
    assert response.has_header("Last-Modified")
    assert not response.cookies
    assert "cookie" not in response.get("Vary", "").lower()
    assert b"csrfmiddlewaretoken" not in response.content
    assert {f"a{article.pk}", f"pg{article.pk}", "all"} <= keys(response)


def test_conditional_requests_get_304(client, newsroom):
    article = make_article(newsroom.europe, slug="greve", published_at=days_ago(2))
    first = client.get(article.url)
    by_etag = client.get(article.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304
    by_date = client.get(article.url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304
    stale_date = http_date(parse_http_date(first["Last-Modified"]) - 3600)
    assert client.get(article.url, HTTP_IF_MODIFIED_SINCE=stale_date).status_code == 200


def test_a_change_moves_last_modified_forward(client, newsroom, django_capture_on_commit_callbacks):
    article = make_article(newsroom.europe, slug="greve", published_at=days_ago(2))
    before = client.get(article.url)
    with time_machine.travel(datetime.now(UTC) + timedelta(minutes=5)):
        with django_capture_on_commit_callbacks(execute=True):
            article.title = "Grève : accord trouvé"
            article.save_revision().publish()
        after = client.get(article.url, HTTP_IF_MODIFIED_SINCE=before["Last-Modified"])
    assert after.status_code == 200
    assert parse_http_date(after["Last-Modified"]) > parse_http_date(before["Last-Modified"])


def test_listings_carry_the_keys_of_every_card_they_show(client, newsroom):
    shown = [
        make_article(newsroom.europe, slug=f"article-{n}", published_at=days_ago(n + 1))
        for n in range(3)
    ]
    home = client.get("/")
    section = client.get(newsroom.europe.url)
    assert "home" in keys(home)
    assert f"s{newsroom.europe.pk}" in keys(section)
    for article in shown:
        assert f"a{article.pk}" in keys(home)
        assert f"a{article.pk}" in keys(section)
    assert int(directives(section)["s-maxage"]) >= 60


def test_not_found_is_cached_under_the_key_every_publication_purges(client, newsroom):
    response = client.get("/pas-encore-publie/")
    assert response.status_code == 404
    assert "nf" in keys(response)
    assert directives(response)["public"] is True


@pytest.mark.parametrize("path", ["/compte/connexion/", "/en/compte/connexion/"])
def test_account_pages_are_never_stored(client, path):
    response = client.get(path)
    cache = directives(response)
    assert cache.get("private") is True
    assert cache.get("no-store") is True
    assert "public" not in cache


def test_a_logged_in_reader_gets_the_same_article_bytes_as_anyone(
    client, django_user_model, newsroom
):
    article = make_article(newsroom.europe, slug="greve", published_at=days_ago(2))
    anonymous = client.get(article.url)
    reader = django_user_model.objects.create_user("lea", "lea@example.org", "x" * 16)
    client.force_login(reader)
    logged_in = client.get(article.url)
    assert logged_in.content == anonymous.content
    assert logged_in["Cache-Control"] == anonymous["Cache-Control"]
    assert not logged_in.cookies


def test_the_edge_lifetime_ends_when_the_age_banner_changes(client, newsroom):
    published = datetime(2024, 11, 25, 10, 0, tzinfo=UTC)
    article = make_article(newsroom.europe, slug="ancien", published_at=published)
    # Four minutes before its second anniversary: the banner will change in 240 s.
    with time_machine.travel(published.replace(year=2026) - timedelta(minutes=4), tick=False):
        response = client.get(article.url)
    assert 230 <= int(directives(response)["s-maxage"]) <= 240
    with time_machine.travel(published.replace(year=2026) + timedelta(minutes=1), tick=False):
        after = client.get(article.url)
    assert parse_http_date(after["Last-Modified"]) >= published.replace(year=2026).timestamp() - 1


def test_an_article_publication_purges_every_page_that_lists_it(newsroom):
    article = make_article(
        newsroom.europe,
        slug="greve",
        topic=newsroom.topic,
        authors=[newsroom.author],
        published_at=days_ago(1),
    )
    purged = keys_to_purge_for_page(article)
    monde = newsroom.europe.get_parent()
    assert {
        f"a{article.pk}",
        f"s{newsroom.europe.pk}",
        f"s{monde.pk}",
        f"t{newsroom.topic.pk}",
        f"p{newsroom.author.pk}",
        "home",
        "feeds",
        "sitemaps",
        "nf",
    } <= purged
    assert "all" not in purged  # an article does not empty the whole edge
    assert "all" in keys_to_purge_for_page(newsroom.europe)  # a section renames the menu
