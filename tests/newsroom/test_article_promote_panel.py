"""The article editor has no « Faire apparaître dans les menus » checkbox.

No menu lists articles (the header lists sections, by `show_in_navigation`), so Wagtail's
`show_in_menus` would be a checkbox that does nothing on an article.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.rich_text import RichText

from kiosque.newsroom.models import ArticlePage
from tests.editorial.admin_forms import article_form
from tests.factories import days_ago, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editeur", "e@example.org", "x" * 16)
    client.force_login(user)
    return user


def test_the_article_editor_has_no_show_in_menus_checkbox(client, newsroom, editor):
    article = make_article(newsroom.europe, slug="menus", published_at=days_ago(1))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

    assert response.status_code == 200
    assert "show_in_menus" not in response.context["form"].fields
    assert 'name="show_in_menus"' not in response.content.decode()
    # The rest of the « Promotion » tab stays.
    assert {"slug", "seo_title", "search_description", "noindex"} <= set(
        response.context["form"].fields
    )


def test_an_article_is_still_created_and_published_through_the_admin_form(client, newsroom, editor):
    add_url = reverse(
        "wagtailadmin_pages:add", args=["newsroom", "articlepage", newsroom.europe.pk]
    )
    draft = ArticlePage(
        title="Les ministres européens se retrouvent à Bruxelles",
        slug="ministres-bruxelles",
        standfirst="Une réunion consacrée à l’énergie.",
        body=[("paragraph", RichText("<p>La réunion commence lundi matin.</p>"))],
    )

    response = client.post(add_url, article_form(draft, **{"action-publish": "action-publish"}))

    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="ministres-bruxelles")
    assert article.live
    assert article.get_parent().specific == newsroom.europe
    assert client.get(article.url).status_code == 200
