"""Who may do what on the wire desk, role by role (the newsroom's groups), and the desk
in French for a French-speaking user and in English for an English-speaking one."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from kiosque.newsroom import roles
from kiosque.newsroom.models import ArticlePage
from kiosque.wires.articles import article_create_from_item, article_publish
from kiosque.wires.batch import ingest_file
from kiosque.wires.models import WireArticle, WireItem
from tests.wires.helpers import ninjs, write_json

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
V2_TITLE = "Douarnenez : la flottille repart"


def member_of(role: str, language: str = "fr") -> Client:
    user = get_user_model().objects.create_user(
        f"user-{roles.ALL_ROLES.index(role)}-{language}", "x@kiosque.invalid", "x"
    )
    user.groups.add(Group.objects.get(name=role))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client = Client()
    client.force_login(user)
    return client


def denied(response) -> bool:
    """Wagtail answers a PermissionDenied in its admin with a redirect to the dashboard
    and an error message."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


@pytest.fixture
def dispatch(newsroom, tmp_path):
    """A dispatch made into a published article, then a newer version waiting."""
    with time_machine.travel(NOW, tick=False):
        ingest_file(write_json(tmp_path, "v1.json", ninjs()))
        item = WireItem.objects.get()
        article_publish(article=article_create_from_item(item=item))
        ingest_file(write_json(tmp_path, "v2.json", ninjs(version="2", headline=V2_TITLE)))
    return item


@pytest.mark.parametrize(
    ("role", "sees_desk"),
    [
        (roles.JOURNALIST, True),
        (roles.EDITOR, True),
        (roles.ADMINISTRATOR, True),
        (roles.MODERATOR, False),
    ],
)
def test_who_sees_the_desk(dispatch, role, sees_desk):
    client = member_of(role)
    desk_url = reverse("wires_admin:desk")
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert (desk_url in home) is sees_desk  # the menu entry
    response = client.get(desk_url)
    assert response.status_code == 200 if sees_desk else denied(response)
    detail = client.get(reverse("wires_admin:dispatch", args=[dispatch.pk]))
    assert detail.status_code == 200 if sees_desk else denied(detail)


@pytest.mark.parametrize(
    ("role", "may_create"),
    [
        (roles.JOURNALIST, True),
        (roles.EDITOR, True),
        (roles.ADMINISTRATOR, True),
        (roles.MODERATOR, False),
    ],
)
def test_who_may_create_an_article_from_a_dispatch(newsroom, tmp_path, role, may_create):
    ingest_file(write_json(tmp_path, "a.json", ninjs()))
    item = WireItem.objects.get()
    client = member_of(role)
    page = client.get(reverse("wires_admin:dispatch", args=[item.pk])).content.decode()
    assert (reverse("wires_admin:create_article", args=[item.pk]) in page) is may_create
    response = client.post(reverse("wires_admin:create_article", args=[item.pk]))
    if may_create:
        assert response.url.startswith("/admin/pages/")  # the new draft's edit view
    else:
        assert denied(response)
    assert WireArticle.objects.filter(item=item).exists() is may_create
    if may_create:
        article = ArticlePage.objects.get(wire_links__item=item)
        assert not article.live  # a draft, whoever made it


def test_journalist_may_not_apply_a_new_version(dispatch):
    client = member_of(roles.JOURNALIST)
    link = WireArticle.objects.get()
    page = client.get(reverse("wires_admin:dispatch", args=[dispatch.pk])).content.decode()
    assert "Nouvelle version disponible (v2)." in page  # told, without the button
    assert reverse("wires_admin:apply_version", args=[link.pk]) not in page
    assert denied(client.post(reverse("wires_admin:apply_version", args=[link.pk])))
    draft = ArticlePage.objects.get().get_latest_revision_as_object()
    assert draft.title != V2_TITLE


def test_journalist_may_not_publish_through_apply(dispatch, django_user_model):
    # Even given the wires permission, publishing needs Wagtail's publish permission.
    from django.contrib.auth.models import Permission

    client = member_of(roles.JOURNALIST)
    user = django_user_model.objects.get(username__startswith="user-0")
    user.user_permissions.add(Permission.objects.get(codename="apply_version"))
    link = WireArticle.objects.get()
    response = client.post(reverse("wires_admin:apply_version", args=[link.pk]), {"publish": "1"})
    assert denied(response)
    assert ArticlePage.objects.get().title != V2_TITLE


@pytest.mark.parametrize("role", [roles.EDITOR, roles.ADMINISTRATOR])
def test_editor_applies_then_publishes(dispatch, role, tmp_path):
    client = member_of(role)
    link = WireArticle.objects.get()
    page = client.get(reverse("wires_admin:dispatch", args=[dispatch.pk])).content.decode()
    assert "Appliquer et publier" in page
    response = client.post(reverse("wires_admin:apply_version", args=[link.pk]))
    assert response.status_code == 302
    article = ArticlePage.objects.get()
    assert article.title != V2_TITLE  # applied to the draft only
    assert article.get_latest_revision_as_object().title == V2_TITLE
    # A third version, applied and published in one go.
    with time_machine.travel(NOW, tick=False):
        v3 = ninjs(version="3", headline="Douarnenez : troisième version")
        ingest_file(write_json(tmp_path, "v3.json", v3))
    client.post(reverse("wires_admin:apply_version", args=[link.pk]), {"publish": "1"})
    article.refresh_from_db()
    assert article.live and article.title == "Douarnenez : troisième version"


def test_moderator_cannot_act_on_the_desk(dispatch):
    client = member_of(roles.MODERATOR)
    link = WireArticle.objects.get()
    assert denied(client.post(reverse("wires_admin:apply_version", args=[link.pk])))
    assert denied(client.post(reverse("wires_admin:create_article", args=[dispatch.pk])))
    assert not ArticlePage.objects.filter(title=V2_TITLE).exists()


def test_the_desk_speaks_the_user_s_language(dispatch):
    french = member_of(roles.EDITOR, "fr")
    english = member_of(roles.EDITOR, "en")
    url = reverse("wires_admin:dispatch", args=[dispatch.pk])
    fr = french.get(url).content.decode()
    en = english.get(url).content.decode()
    # The dispatch has its article already: another one only on purpose.
    assert "Créer un autre article" in fr and "Versions" in fr and "Aperçu" in fr
    assert "Appliquer et publier" in fr and "Toutes les dépêches" in fr
    assert "Create another article" in en and "Preview" in en and "Apply and publish" in en
    assert "All dispatches" in en
    for french_only in ("Créer un autre article", "Aperçu", "Toutes les dépêches", "brouillon"):
        assert french_only not in en
    # The status is a model choice, translated too.
    assert "utilisable" in french.get(reverse("wires_admin:desk")).content.decode()
    assert "usable" in english.get(reverse("wires_admin:desk")).content.decode()
