"""An editor's preview shows the draft's credits and corrections, readers the live ones.

The reader page reads an article's authors, agencies and corrections with queries
compiled once (core.prepared); a preview's draft holds them in memory instead.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset

from tests.editorial.admin_forms import article_form
from tests.factories import days_ago, make_article

pytestmark = pytest.mark.django_db


def test_the_preview_shows_the_drafts_credits_and_the_live_page_its_own(client, newsroom):
    article = make_article(newsroom.europe, slug="credits", published_at=days_ago(1))
    editor = get_user_model().objects.create_superuser("relecteur", "r@example.org", "x" * 16)
    client.force_login(editor)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    with_author = article_form(
        article,
        article_authors=inline_formset([{"author": newsroom.author.pk}]),
        corrections=[("2026-01-02 10:00", "Une erreur de chiffre a été corrigée.")],
    )
    assert client.post(preview_url, with_author).json()["is_valid"]
    author_preview = client.get(preview_url).content.decode()
    with_agency = {**article_form(article), "agencies": [newsroom.agency.pk]}
    assert client.post(preview_url, with_agency).json()["is_valid"]
    agency_preview = client.get(preview_url).content.decode()
    live = Client().get(article.url).content.decode()

    assert 'Article rédigé par <a href="/auteurs/camille-roussel/">' in author_preview
    assert "Une erreur de chiffre a été corrigée." in author_preview
    assert "Article rédigé par franceinfo avec AFP" in agency_preview
    assert "Article rédigé par franceinfo</p>" in live
    assert "Une erreur de chiffre" not in live
