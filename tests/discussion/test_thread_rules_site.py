"""The comments page applies the rules of the article's own site, whichever host asks.

The page takes its site's settings from the request when it can (no query), so an
article of another site must not be judged by the asking site's settings.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page, Site

from kiosque.newsroom.models import NewsroomSettings, SectionPage
from tests.factories import add_page, days_ago, make_article

pytestmark = pytest.mark.django_db

CLOSED = "Comments are closed."


def closing_after(site: Site, days: int) -> None:
    settings = NewsroomSettings.for_site(site)
    settings.comments_close_after_days = days
    settings.save()


def english_thread_page(client, article, host: str = "testserver") -> str:
    url = "/en" + reverse("discussion:thread", args=[article.pk])
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def test_an_article_of_another_site_follows_that_sites_closing_rule(client, newsroom, settings):
    settings.ALLOWED_HOSTS = ["testserver", "outremer.example"]
    other_home = add_page(Page.get_first_root_node(), SectionPage(title="Outre-mer", slug="om"))
    other_site = Site.objects.create(hostname="outremer.example", root_page=other_home)
    island = add_page(other_home, SectionPage(title="Réunion", slug="reunion"))
    old_there = make_article(island, slug="cyclone", published_at=days_ago(5))
    old_here = make_article(newsroom.europe, slug="sommet", published_at=days_ago(5))

    closing_after(Site.objects.get(is_default_site=True), 0)  # never closes
    closing_after(other_site, 2)

    assert CLOSED not in english_thread_page(client, old_here)
    assert CLOSED in english_thread_page(client, old_there)  # asked through this site
    assert CLOSED in english_thread_page(client, old_there, host="outremer.example")


def test_the_asking_sites_rule_applies_to_its_own_articles(client, newsroom):
    old = make_article(newsroom.europe, slug="sommet", published_at=days_ago(5))
    closing_after(Site.objects.get(is_default_site=True), 2)
    assert CLOSED in english_thread_page(client, old)
    closing_after(Site.objects.get(is_default_site=True), 30)
    assert CLOSED not in english_thread_page(client, old)
