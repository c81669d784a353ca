"""Least privilege per role: what each newsroom role may and may not do."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from kiosque.newsroom import roles
from kiosque.newsroom.models import ArticlePage
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def member_of(role: str, username: str | None = None):
    user = get_user_model().objects.create_user(
        username=username or role.lower(), email=f"{role}@example.org", password="x" * 16
    )
    user.groups.add(Group.objects.get(name=role))
    return user


def test_the_migration_created_every_role():
    assert set(
        Group.objects.filter(name__in=roles.ALL_ROLES).values_list("name", flat=True)
    ) == set(roles.ALL_ROLES)


@pytest.mark.parametrize(
    ("role", "can_edit", "can_publish", "can_unpublish", "can_lock"),
    [
        (roles.JOURNALIST, True, False, False, False),
        (roles.EDITOR, True, True, True, True),
        (roles.MODERATOR, False, False, False, False),
        (roles.ADMINISTRATOR, True, True, True, True),
    ],
)
def test_page_permissions_per_role(newsroom, role, can_edit, can_publish, can_unpublish, can_lock):
    article = make_article(newsroom.sport)
    tester = article.permissions_for_user(member_of(role))
    assert tester.can_edit() is can_edit
    assert tester.can_publish() is can_publish
    assert tester.can_unpublish() is can_unpublish
    assert tester.can_lock() is can_lock
    assert tester.can_add_subpage() is False  # articles have no children
    section_tester = newsroom.sport.permissions_for_user(member_of(role, "other-" + role))
    assert section_tester.can_add_subpage() is can_edit


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (roles.JOURNALIST, set()),
        (roles.EDITOR, set()),
        (roles.MODERATOR, set()),
        (
            roles.ADMINISTRATOR,
            {"auth.add_user", "auth.change_user", "newsroom.change_newsroomsettings"},
        ),
    ],
)
def test_only_administrators_manage_users_and_settings(role, allowed):
    user = member_of(role)
    checked = {"auth.add_user", "auth.change_user", "newsroom.change_newsroomsettings"}
    assert {perm for perm in checked if user.has_perm(perm)} == allowed


@pytest.mark.parametrize("role", roles.ALL_ROLES)
def test_every_role_reaches_the_admin(client, role):
    client.force_login(member_of(role))
    assert client.get("/admin/").status_code == 200


def test_readers_without_a_role_do_not_reach_the_admin(client):
    reader = get_user_model().objects.create_user(username="lectrice", password="x" * 16)
    client.force_login(reader)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)


def test_a_journalist_submitting_publish_in_the_admin_does_not_publish(client, newsroom):
    article = make_article(newsroom.sport, slug="brouillon", live=False, title="Brouillon")
    client.force_login(member_of(roles.JOURNALIST))
    edit_url = f"/admin/pages/{article.pk}/edit/"
    form = client.get(edit_url)
    assert form.status_code == 200
    data = {
        "title": "Brouillon publié ?",
        "slug": "brouillon",
        "article_type": "info",
        "standfirst": "Un chapô.",
        "language": "fr",
        "comments_enabled": "on",
        "body-count": "0",
        "article_authors-TOTAL_FORMS": "0",
        "article_authors-INITIAL_FORMS": "0",
        "article_authors-MIN_NUM_FORMS": "0",
        "article_authors-MAX_NUM_FORMS": "1000",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        "corrections-MIN_NUM_FORMS": "0",
        "corrections-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
    }
    response = client.post(edit_url, data)
    assert response.status_code == 302  # the form was valid: the draft was saved...
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.get_latest_revision_as_object().title == "Brouillon publié ?"
    assert article.live is False  # ...but not published


def test_a_moderator_cannot_open_an_article_in_the_editor(client, newsroom):
    article = make_article(newsroom.sport)
    client.force_login(member_of(roles.MODERATOR))
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code in (302, 403)
