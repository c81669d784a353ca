"""The admin's dashboard for each role: start an article where one may, one's drafts,
what is scheduled, the latest dispatches for the desk's roles, no site counts."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from kiosque.newsroom import roles
from kiosque.newsroom.models import ArticlePage
from tests.factories import days_ago, make_article

pytestmark = pytest.mark.django_db


def staff(role: str, name: str):
    user = get_user_model().objects.create_user(name, f"{name}@kiosque.invalid", "x")
    user.groups.add(Group.objects.get(name=role))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(user)
    return user, client


def dashboard(client) -> str:
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_journalist_starts_an_article_in_a_section_and_finds_their_drafts(newsroom):
    journalist, client = staff(roles.JOURNALIST, "plume")
    draft = make_article(newsroom.europe, title="Mon papier en cours", published_at=days_ago(1))
    ArticlePage.objects.filter(pk=draft.pk).update(owner=journalist, has_unpublished_changes=True)
    someone_elses = make_article(newsroom.europe, title="Le papier d’un autre")
    ArticlePage.objects.filter(pk=someone_elses.pk).update(has_unpublished_changes=True)
    scheduled = make_article(newsroom.sport, title="Le match de demain", published_at=days_ago(1))
    revision = scheduled.save_revision()
    revision.approved_go_live_at = timezone.now() + timedelta(days=1)
    revision.save()

    html = dashboard(client)
    add_here = reverse(
        "wagtailadmin_pages:add", args=["newsroom", "articlepage", newsroom.europe.pk]
    )
    assert f'href="{add_here}"' in html and "New article in Europe" in html
    assert "Mon papier en cours" in html and "Le papier d’un autre" not in html
    scheduled_part = html[html.index("Scheduled publications") :]
    assert "Le match de demain" in scheduled_part


def test_the_desk_panel_is_for_the_desks_roles_only(newsroom):
    _, moderator = staff(roles.MODERATOR, "moderatrice")
    _, editor = staff(roles.EDITOR, "cheffe")
    assert "Latest dispatches" not in dashboard(moderator)
    assert "New article in" not in dashboard(moderator)  # moderators write no article
    assert "Latest dispatches" in dashboard(editor)


def test_the_site_counts_are_gone(newsroom):
    _, editor = staff(roles.EDITOR, "cheffe")
    html = dashboard(editor)
    # Wagtail's « 9 Pages, 0 Images, 0 Documents »: nothing a newsroom acts on.
    assert "created in Kiosque" not in html
