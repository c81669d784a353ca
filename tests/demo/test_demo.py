"""`kiosque demo` builds the newsroom the foundation issue describes, and only once."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from kiosque.newsroom.models import (
    ArticlePage,
    ArticleType,
    AuthorPage,
    HomePage,
    NewsImage,
    SectionPage,
    TopicPage,
)
from tests.demo.conftest import DEMO_GROUP

pytestmark = [pytest.mark.django_db, DEMO_GROUP]


@pytest.fixture
def demo(demo_build, db) -> str:
    return demo_build


def test_demo_builds_a_complete_newsroom(demo, client):
    now = timezone.now()
    articles = list(ArticlePage.objects.live().select_related("lead_image"))
    assert len(articles) >= 40
    top_sections = SectionPage.objects.child_of(HomePage.objects.get())
    assert top_sections.count() >= 6
    assert any(SectionPage.objects.child_of(s).exists() for s in top_sections)
    assert TopicPage.objects.live().count() >= 3
    assert AuthorPage.objects.live().count() >= 3

    ages = [now - a.first_published_at for a in articles]
    assert sum(age < timedelta(hours=48) for age in ages) >= 5
    for years in (1, 2, 4):
        assert any(age > timedelta(days=365 * years + 1) for age in ages), years
    assert max(ages) < timedelta(days=366 * 6)
    assert {a.article_type for a in articles} == set(ArticleType.values)
    assert sum(a.agencies.exists() for a in articles) >= 10
    assert sum(a.major_update_at is not None for a in articles) >= 3

    for article in articles:
        image = article.lead_image
        assert image is not None, article.title
        assert (article.lead_image_alt or image.description).strip()
        assert image.caption.strip()
        assert image.source or image.photographer

    home = client.get("/")
    assert home.status_code == 200


def test_demo_is_idempotent_and_shows_fresh_passwords_once(demo):
    # The administrator's password is printed once, and is never a fixed one.
    lines = [line.split() for line in demo.splitlines() if line.strip().startswith("admin ")]
    assert len(lines) == 1
    password = lines[0][1]
    assert len(password) >= 16
    assert get_user_model().objects.get(username="admin").check_password(password)

    counts = (
        ArticlePage.objects.count(),
        NewsImage.objects.count(),
        get_user_model().objects.count(),
    )
    again = io.StringIO()
    call_command("demo", stdout=again)
    again = again.getvalue()
    assert "0 articles created" in again
    assert "passwords" not in again
    assert (
        ArticlePage.objects.count(),
        NewsImage.objects.count(),
        get_user_model().objects.count(),
    ) == counts
