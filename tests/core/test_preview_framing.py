"""The admin's live preview may be framed by the admin's own origin; nothing else may be framed.

Wagtail's page editor shows the preview in an iframe (decision 0067). A browser obeys the
policy's `frame-ancestors` and ignores X-Frame-Options when both are sent, so both are
checked: a preview carrying `frame-ancestors 'none'` stayed blank in the editor.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from tests.editorial.admin_forms import article_form
from tests.factories import days_ago, make_article

pytestmark = pytest.mark.django_db


def framing(response) -> tuple[str, str]:
    """(X-Frame-Options, the policy's frame-ancestors)."""
    directives = dict(
        directive.split(" ", 1) for directive in response["Content-Security-Policy"].split("; ")
    )
    return response["X-Frame-Options"], directives["frame-ancestors"]


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editrice", "e@example.org", "x" * 16)
    client.force_login(user)
    return user


def test_the_preview_of_an_article_being_edited_may_be_framed_by_the_admin(
    client, newsroom, editor
):
    article = make_article(newsroom.europe, slug="apercu", published_at=days_ago(1))
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    form = article_form(article, title="Le sommet de Genève s’achève sans accord")
    assert client.post(preview_url, form).json()["is_valid"]

    preview = client.get(preview_url, {"in_preview_panel": "true"})

    assert "Le sommet de Genève s’achève sans accord" in preview.content.decode()
    assert framing(preview) == ("SAMEORIGIN", "'self'")
    # Only the framing differs: the page is shown under the readers' strict policy.
    assert "script-src 'self';" in preview["Content-Security-Policy"]
    assert "'unsafe-inline'" not in preview["Content-Security-Policy"]


def test_the_preview_of_a_page_not_yet_saved_may_be_framed_by_the_admin(client, newsroom, editor):
    # A section: the preview of an article never saved fails for another reason (its
    # comments link needs the article's id).
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["newsroom", "sectionpage", newsroom.home.pk]
    )
    form = nested_form_data(
        {"title": "Sciences", "slug": "sciences", "intro": "", "comments": inline_formset([])}
    )
    assert client.post(preview_url, form).json()["is_valid"]

    preview = client.get(preview_url, {"in_preview_panel": "true"})

    assert "Sciences" in preview.content.decode()
    assert framing(preview) == ("SAMEORIGIN", "'self'")


def test_the_preview_of_a_revision_may_be_framed_by_the_admin(client, newsroom, editor):
    article = make_article(newsroom.europe, slug="revision", published_at=days_ago(1))
    preview = client.get(
        reverse("wagtailadmin_pages:revisions_view", args=[article.pk, article.latest_revision_id])
    )

    assert article.title in preview.content.decode()
    assert framing(preview) == ("SAMEORIGIN", "'self'")


def test_reader_pages_and_admin_pages_may_not_be_framed(client, newsroom, editor):
    article = make_article(newsroom.europe, slug="lecteurs", published_at=days_ago(1))

    reader_page = client.get(article.url)
    editor_page = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    dashboard = client.get(reverse("wagtailadmin_home"))

    for response in (reader_page, editor_page, dashboard):
        assert response.status_code == 200
        assert framing(response) == ("DENY", "'none'")


def test_the_deploy_check_wants_a_frame_options_middleware(settings):
    from kiosque.core.checks import frame_options_middleware

    assert frame_options_middleware(None) == []
    settings.MIDDLEWARE = [
        path for path in settings.MIDDLEWARE if not path.endswith("PreviewFramingMiddleware")
    ]
    assert [warning.id for warning in frame_options_middleware(None)] == ["kiosque.W001"]
