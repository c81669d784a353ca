"""A journalist previews an article before its first save (the editor's live preview)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from kiosque.newsroom.models import ArticlePage
from tests.editorial.admin_forms import article_form

pytestmark = pytest.mark.django_db


def test_an_article_never_saved_can_be_previewed(client, newsroom):
    client.force_login(get_user_model().objects.create_superuser("r", "r@example.org", "x" * 16))
    draft = ArticlePage(
        title="Les vendanges commencent tôt dans le Gard",
        slug="vendanges-gard",
        standfirst="La chaleur d’août a avancé la récolte de deux semaines.",
        language="fr",
    )
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["newsroom", "articlepage", newsroom.europe.pk]
    )
    assert client.post(preview_url, article_form(draft)).json()["is_valid"]

    preview = client.get(preview_url, {"in_preview_panel": "true"})

    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Les vendanges commencent tôt dans le Gard" in html
    assert not ArticlePage.objects.filter(slug="vendanges-gard").exists()  # nothing saved
