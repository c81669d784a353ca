"""The wire desk in the admin (Django test client): list, filters, history, actions."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from kiosque.newsroom.models import ArticlePage
from kiosque.wires.batch import ingest_file
from kiosque.wires.models import WireItem
from tests.wires.helpers import ninjs, write_json

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, newsroom):
    user = get_user_model().objects.create_superuser("chef", "chef@kiosque.invalid", "x")
    client.force_login(user)
    return client


def test_desk_lists_and_filters(editor, tmp_path):
    ingest_file(write_json(tmp_path, "a.json", ninjs(uri="urn:a", headline="Brest sous l'eau")))
    ingest_file(write_json(tmp_path, "b.json", ninjs(uri="urn:b", language="en", urgency=1)))
    page = editor.get(reverse("wires_admin:desk")).content.decode()
    assert "Brest sous l" in page and "Douarnenez" in page
    english = editor.get(reverse("wires_admin:desk"), {"language": "en"}).content.decode()
    assert "Douarnenez" in english and "Brest" not in english
    urgent = editor.get(reverse("wires_admin:desk"), {"urgency": "2"}).content.decode()
    assert "Brest" not in urgent


def test_history_diff_and_new_version_applied(editor, tmp_path):
    ingest_file(write_json(tmp_path, "a.json", ninjs()))
    item = WireItem.objects.get()
    response = editor.post(reverse("wires_admin:create_article", args=[item.pk]))
    article = ArticlePage.objects.get(wire_links__item=item)
    assert response.url == reverse("wagtailadmin_pages:edit", args=[article.pk])
    edit = editor.get(response.url).content.decode()
    assert 'value="Douarnenez : les pêcheurs reprennent le travail"' in edit  # prefilled
    v2 = ninjs(
        version="2", headline="Douarnenez : la flottille repart", ednote="Correction du titre"
    )
    ingest_file(write_json(tmp_path, "b.json", v2))
    detail = editor.get(reverse("wires_admin:dispatch", args=[item.pk])).content.decode()
    assert "+Douarnenez : la flottille repart" in detail
    assert "-Douarnenez : les pêcheurs reprennent le travail" in detail
    assert "Nouvelle version disponible" in detail
    edit = editor.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "Nouvelle version disponible" in edit and "rectificatif" in edit
    link = article.wire_links.get()
    editor.post(reverse("wires_admin:apply_version", args=[link.pk]))
    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert latest.title == "Douarnenez : la flottille repart"


def test_nothing_to_apply_or_create_from_a_killed_dispatch(editor, tmp_path):
    ingest_file(write_json(tmp_path, "a.json", ninjs()))
    item = WireItem.objects.get()
    editor.post(reverse("wires_admin:create_article", args=[item.pk]))
    article = ArticlePage.objects.get(wire_links__item=item)
    kill = ninjs(version="2", pubstatus="canceled", headline="", body="")
    ingest_file(write_json(tmp_path, "kill.json", kill))
    link = article.wire_links.get()
    detail = editor.get(reverse("wires_admin:dispatch", args=[item.pk])).content.decode()
    assert reverse("wires_admin:apply_version", args=[link.pk]) not in detail
    assert reverse("wires_admin:create_article", args=[item.pk]) not in detail
    # Posting anyway changes nothing: the kill's empty text never reaches the draft.
    editor.post(reverse("wires_admin:apply_version", args=[link.pk]))
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.title == "Douarnenez : les pêcheurs reprennent le travail"
    response = editor.post(reverse("wires_admin:create_article", args=[item.pk]))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert ArticlePage.objects.filter(wire_links__item=item).count() == 1


def test_a_dispatch_with_an_article_opens_it_instead_of_creating_another(editor, tmp_path):
    ingest_file(write_json(tmp_path, "a.json", ninjs()))
    item = WireItem.objects.get()
    create_url = reverse("wires_admin:create_article", args=[item.pk])
    first = editor.post(create_url)
    article = ArticlePage.objects.get(wire_links__item=item)

    again = editor.post(create_url)  # a double click, or a colleague a minute later
    assert again.url == first.url == reverse("wagtailadmin_pages:edit", args=[article.pk])
    assert ArticlePage.objects.filter(wire_links__item=item).count() == 1

    detail = editor.get(reverse("wires_admin:dispatch", args=[item.pk])).content.decode()
    assert 'name="again" value="1" required' in detail  # another one only on purpose
    editor.post(create_url, {"again": "1"})
    assert ArticlePage.objects.filter(wire_links__item=item).count() == 2


def test_the_desk_marks_urgent_and_new_dispatches_and_refreshes_itself(editor, tmp_path):
    from datetime import timedelta

    from django.utils import timezone

    ingest_file(
        write_json(tmp_path, "a.json", ninjs(uri="urn:flash", headline="Séisme", urgency=1))
    )
    ingest_file(write_json(tmp_path, "b.json", ninjs(uri="urn:calme", headline="Foire", urgency=5)))
    WireItem.objects.filter(identity__contains="calme").update(
        received_at=timezone.now() - timedelta(hours=2)
    )
    page = editor.get(reverse("wires_admin:desk")).content.decode()
    rows = {
        headline: row
        for row in page.split("<tr")[2:]
        for headline in ("Séisme", "Foire")
        if headline in row
    }
    assert 'class="wires-urgent wires-new"' in rows["Séisme"] and "Urgent" in rows["Séisme"]
    assert "wires-urgent" not in rows["Foire"] and "wires-new" not in rows["Foire"]
    assert "/static/wires/desk.js" in page and 'data-refresh-seconds="60"' in page
