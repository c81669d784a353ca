"""Reader templates' page links are exactly Wagtail's, whatever the page, language or site."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, Site

from kiosque.core.page_urls import page_url, serve_path
from kiosque.newsroom.models import SectionPage
from tests.factories import add_page, days_ago, make_article

pytestmark = pytest.mark.django_db


def reader_request(host: str = "testserver"):
    return RequestFactory().get("/", HTTP_HOST=host)


def every_page():
    return [page.specific for page in Page.objects.filter(depth__gt=1).order_by("path")]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_links_as_wagtail_links_it(newsroom, language):
    make_article(newsroom.europe, slug="sommet", published_at=days_ago(1))
    make_article(newsroom.europe, slug="élection-à-lyon", published_at=days_ago(1))
    with translation.override(language):
        for page in every_page():
            request = reader_request()
            assert page_url(page, request) == page.get_url(request=request), page.url_path
            assert page_url(page) == page.get_url(), page.url_path
    with translation.override("en"):
        assert page_url(newsroom.europe, reader_request()) == "/en/monde/europe/"
        assert page_url(newsroom.home, reader_request()) == "/en/"


def test_a_page_of_another_site_is_linked_with_that_sites_address(newsroom):
    root = Page.get_first_root_node()
    other_home = add_page(root, SectionPage(title="Outre-mer", slug="outre-mer"))
    Site.objects.create(hostname="outremer.example", root_page=other_home)
    local = add_page(other_home, SectionPage(title="Réunion", slug="reunion"))
    for host in ("testserver", "outremer.example"):
        for page in every_page():
            request = reader_request(host)
            assert page_url(page, request) == page.get_url(request=request), (host, page.url_path)
    assert page_url(local, reader_request()) == "http://outremer.example/reunion/"
    assert page_url(local, reader_request("outremer.example")) == "/reunion/"


def test_paths_the_serve_pattern_refuses_are_left_to_reverse():
    assert serve_path("monde/europe/") == "/monde/europe/"
    assert serve_path("") == "/"
    assert serve_path("é/") == "/%C3%A9/"
    for unusual in ("a b/", "monde", "/monde/", "a?b/", "%2F/"):
        assert serve_path(unusual) is None
