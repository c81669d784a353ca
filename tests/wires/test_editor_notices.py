"""What happened to its dispatch is a panel of the article's edit view: it stays there
on every load while the editor works (it is not a one-off message)."""

import re
from datetime import UTC, datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse

from kiosque.newsroom.models import ArticlePage
from kiosque.wires.articles import article_create_from_item
from kiosque.wires.batch import ingest_file
from kiosque.wires.models import WireItem
from tests.factories import make_article
from tests.wires.helpers import ninjs, write_json

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


@pytest.fixture
def editor(client, newsroom):
    user = get_user_model().objects.create_superuser("chef", "chef@kiosque.invalid", "x")
    client.force_login(user)
    return client


def panel(client, article) -> str:
    """The notices panel of the edit view ('' when there is none)."""
    page = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    found = re.search(r"<div class=\"wires-notices\".*?</div>", page, re.S)
    return " ".join(found.group(0).split()) if found else ""


def from_dispatch(tmp_path, **fields) -> ArticlePage:
    ingest_file(write_json(tmp_path, "v1.json", ninjs(**fields)))
    return article_create_from_item(item=WireItem.objects.get())


@time_machine.travel(NOW, tick=False)
def test_new_version_and_correction_stay_visible(editor, tmp_path):
    article = from_dispatch(tmp_path)
    assert "Nouvelle version" not in panel(editor, article)
    assert "D’après la dépêche AFP, version 1." in panel(editor, article)
    corrected = ninjs(version="2", ednote="Correction : le port est Douarnenez.")
    ingest_file(write_json(tmp_path, "v2.json", corrected))
    for _load in range(2):  # still there on the next load, unlike a message
        notices = panel(editor, article)
        assert "Nouvelle version disponible (v2, rectificatif)." in notices
        assert reverse("wires_admin:dispatch", args=[WireItem.objects.get().pk]) in notices
    # Saving a draft (a POST, then the redirect) keeps it too.
    link = article.wire_links.get()
    editor.post(reverse("wires_admin:apply_version", args=[link.pk]))
    notices = panel(editor, article)
    assert "Nouvelle version disponible" not in notices
    assert "Cette dépêche est un rectificatif de l’agence." in notices  # the applied v2


@time_machine.travel(NOW, tick=False)
def test_kill_and_embargo_are_explained(editor, tmp_path):
    article = from_dispatch(tmp_path, embargoed="2026-11-24T18:00:00Z")
    notices = panel(editor, article)
    assert "Sous embargo jusqu’au" in notices and "la publication sera programmée" in notices
    kill = ninjs(version="2", pubstatus="canceled", ednote="Erreur de lieu.")
    ingest_file(write_json(tmp_path, "kill.json", kill))
    notices = panel(editor, article)
    assert "Dépêche annulée par l’agence" in notices
    assert "Nouvelle version disponible" not in notices  # nothing to apply from a kill


@time_machine.travel(NOW, tick=False)
def test_withheld_is_explained(editor, tmp_path):
    article = from_dispatch(tmp_path)
    ingest_file(write_json(tmp_path, "v2.json", ninjs(version="2", pubstatus="withheld")))
    assert "L’agence a retenu cette dépêche" in panel(editor, article)


def test_no_panel_on_other_articles(editor, newsroom):
    article = make_article(newsroom.europe, slug="maison")
    page = editor.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "wires-notices" not in page
    assert "Dépêche d’agence" not in page


@time_machine.travel(NOW, tick=False)
def test_the_panel_in_english(client, newsroom, tmp_path):
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.create_superuser("ed", "ed@kiosque.invalid", "x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    article = from_dispatch(tmp_path)
    ingest_file(write_json(tmp_path, "v2.json", ninjs(version="2")))
    notices = panel(client, article)
    assert "New version available (v2)." in notices
    assert "See the differences and apply it" in notices
