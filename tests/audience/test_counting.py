"""Which responses the application marks as page views, and the line it writes itself
when no edge is in front (kiosque/audience/counting.py, middleware.py)."""

import logging

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from kiosque.audience.counting import COUNT_HEADER
from kiosque.audience.lines import parse_line
from kiosque.newsroom.models import StandardPage
from tests.factories import add_page, days_ago, make_article

pytestmark = pytest.mark.django_db


def test_every_kind_of_reader_page_is_marked_with_its_id_and_sets_no_cookie(client, newsroom):
    article = make_article(newsroom.europe, slug="greve", published_at=days_ago(1))
    ethics = add_page(
        newsroom.home, StandardPage(title="Charte", slug="charte", body="<p>Texte.</p>")
    )
    pages = [
        newsroom.home,
        newsroom.monde,
        newsroom.topic,
        newsroom.author,
        article,
        ethics,
    ]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert response.get(COUNT_HEADER) == str(page.pk), (page.url, response.get("Content-Type"))
        assert not response.cookies, page.url
    english = client.get("/en" + article.url)
    assert english.status_code == 200
    assert english[COUNT_HEADER] == str(article.pk)


def test_a_browser_that_has_the_page_already_is_counted_too(client, newsroom):
    article = make_article(newsroom.europe, slug="greve", published_at=days_ago(1))
    first = client.get(article.url)
    again = client.get(article.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again[COUNT_HEADER] == str(article.pk)


def test_documents_errors_and_forms_are_not_page_views(client, newsroom):
    make_article(newsroom.europe, slug="greve", published_at=days_ago(1))
    for url in (
        "/rss.xml",
        "/sitemap.xml",
        "/api/v1/articles/",
        "/recherche/?q=greve",
        "/healthz",
        "/nexiste-pas/",
        newsroom.europe.url + "nexiste-pas/",
    ):
        response = client.get(url)
        assert COUNT_HEADER not in response, (url, response.status_code)
    posted = client.post(newsroom.home.url)
    assert COUNT_HEADER not in posted


def test_an_editors_preview_is_not_a_page_view(client, newsroom):
    from tests.editorial.admin_forms import article_form

    article = make_article(newsroom.europe, slug="apercu", published_at=days_ago(1))
    editor = get_user_model().objects.create_superuser("relecteur", "r@example.org", "x" * 16)
    client.force_login(editor)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    assert client.post(preview_url, article_form(article, title="Brouillon")).json()["is_valid"]
    preview = client.get(preview_url)
    assert preview.status_code == 200
    assert "Brouillon" in preview.content.decode()
    assert COUNT_HEADER not in preview
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
    assert draft.status_code == 200
    assert COUNT_HEADER not in draft


@pytest.fixture
def server_log(settings, tmp_path):
    """The application writes its own lines, as under `make run` (no edge)."""
    path = tmp_path / "log" / "audience.log"
    settings.AUDIENCE_SERVER_LOG = str(path)
    yield path
    logger = logging.getLogger("kiosque.audience.server_log")
    for handler in logger.handlers:
        handler.close()
    logger.handlers = []


def test_without_an_edge_the_application_writes_the_line_and_sends_no_header(
    client, newsroom, server_log
):
    article = make_article(newsroom.europe, slug="greve", published_at=days_ago(1))
    reader = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
    response = client.get(article.url, HTTP_USER_AGENT=reader, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 200
    assert COUNT_HEADER not in response
    client.head(article.url, HTTP_USER_AGENT=reader)  # not a view: no line
    client.get("/rss.xml", HTTP_USER_AGENT=reader)

    [line] = server_log.read_text().splitlines()
    assert "203.0.113.9" not in line and article.url not in line
    view = parse_line(line)
    assert view is not None and view.page_id == article.pk


def test_a_request_through_an_edge_is_left_to_the_edge_whatever_the_settings(
    client, newsroom, server_log
):
    article = make_article(newsroom.europe, slug="greve", published_at=days_ago(1))
    # Varnish adds X-Varnish to what it asks the application: the edge logs this view.
    response = client.get(article.url, HTTP_X_VARNISH="32770")
    assert response[COUNT_HEADER] == str(article.pk)
    assert not server_log.exists() or server_log.read_text() == ""


def test_a_header_with_a_tab_or_a_line_break_stays_one_line(client, newsroom, server_log):
    article = make_article(newsroom.europe, slug="greve", published_at=days_ago(1))
    client.get(article.url, HTTP_USER_AGENT="Mozilla/5.0\tx\nGooglebot")
    [line] = server_log.read_text().splitlines()
    assert parse_line(line) is None  # a robot, still one well-formed line
