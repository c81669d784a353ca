"""Versions, corrections, kills, withheld and embargoes, with a frozen clock."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client

from kiosque.newsroom.models import ArticlePage
from kiosque.wires.articles import article_create_from_item, article_publish
from kiosque.wires.batch import ingest_file
from kiosque.wires.models import WireItem, WithdrawnArticle
from tests.factories import publish
from tests.wires.helpers import ninjs, write_json

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def ingest(tmp_path, item, name="item.json", **kwargs):
    return ingest_file(write_json(tmp_path, name, item), **kwargs)


def wire_article() -> ArticlePage:
    return ArticlePage.objects.get(wire_links__isnull=False)


@time_machine.travel(NOW, tick=False)
def test_backfill_publication_date_and_mis_a_jour_from_version_created(newsroom, tmp_path):
    first = ninjs(firstcreated="2026-11-20T07:00:00Z", versioncreated="2026-11-20T07:00:00Z")
    ingest(tmp_path, first, publish=True)
    article = wire_article()
    assert article.first_published_at == datetime(2026, 11, 20, 7, 0, tzinfo=UTC)
    assert article.major_update_at is None
    second = ninjs(
        version="2",
        firstcreated="2026-11-20T07:00:00Z",
        versioncreated="2026-11-21T09:30:00Z",
        headline="Douarnenez : la reprise confirmée",
    )
    [result] = ingest(tmp_path, second, name="v2.json", publish=True)
    assert result.outcome == "updated"
    article.refresh_from_db()
    assert article.title == "Douarnenez : la reprise confirmée"
    assert article.first_published_at == datetime(2026, 11, 20, 7, 0, tzinfo=UTC)
    assert article.major_update_at == datetime(2026, 11, 21, 9, 30, tzinfo=UTC)
    page = Client().get(article.url).content.decode()
    assert ">21/11/2026 10:30</time>" in page  # « Mis à jour le », Europe/Paris


@time_machine.travel(NOW, tick=False)
def test_correction_is_flagged(newsroom, tmp_path):
    ingest(tmp_path, ninjs())
    corrected = ninjs(version="2", ednote="Correction : le port est Douarnenez, pas Brest.")
    ingest(tmp_path, corrected, name="v2.json")
    item = WireItem.objects.get()
    assert item.correction and item.latest_version.correction
    genre = ninjs(uri="urn:kiosque-test:other", genres=[{"name": "Correction"}])
    ingest(tmp_path, genre, name="g.json")
    assert WireItem.objects.get(identity="urn:kiosque-test:other").correction


@time_machine.travel(NOW, tick=False)
def test_kill_unpublishes_at_once_and_readers_get_410(newsroom, tmp_path):
    ingest(tmp_path, ninjs(), publish=True)
    article = wire_article()
    url = article.url
    assert Client().get(url).status_code == 200
    kill = ninjs(version="2", pubstatus="canceled", ednote="Dépêche annulée : erreur de lieu.")
    [result] = ingest(tmp_path, kill, name="kill.json")
    assert result.outcome == "killed"
    article.refresh_from_db()
    assert not article.live
    response = Client().get(url)
    assert response.status_code == 410
    assert "Article retiré" in response.content.decode()
    assert WithdrawnArticle.objects.get().reason == "Dépêche annulée : erreur de lieu."
    # An editor pressing publish again cannot bring it back.
    publish(article)
    article.refresh_from_db()
    assert not article.live


@time_machine.travel(NOW, tick=False)
def test_withheld_is_held_and_not_published_until_usable(newsroom, tmp_path):
    [held] = ingest(tmp_path, ninjs(pubstatus="withheld"), publish=True)
    assert held.outcome == "held"
    assert not ArticlePage.objects.filter(wire_links__isnull=False).exists()
    [usable] = ingest(tmp_path, ninjs(version="2"), name="v2.json", publish=True)
    assert usable.outcome == "updated" and usable.url
    assert wire_article().live


def test_embargo_holds_whoever_presses_publish(newsroom, tmp_path):
    embargoed = ninjs(embargoed="2026-11-24T18:00:00Z")
    with time_machine.travel(NOW, tick=False):
        [result] = ingest(tmp_path, embargoed, publish=True)
        assert result.outcome == "held" and result.url == ""
        article = wire_article()
        assert not article.live
        assert article.go_live_at == datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
        # An editor publishing by hand is scheduled too.
        article.go_live_at = None
        publish(article)
        article.refresh_from_db()
        assert not article.live
        assert Client().get(f"/monde/{article.slug}/").status_code == 404
    with time_machine.travel(datetime(2026, 11, 24, 18, 1, tzinfo=UTC), tick=False):
        from django.core.management import call_command

        call_command("publish_scheduled")
        article.refresh_from_db()
        assert article.live
        # Published when the embargo ended, not at firstCreated, which lies before it.
        assert article.first_published_at == datetime(2026, 11, 24, 18, 0, tzinfo=UTC)


@time_machine.travel(NOW, tick=False)
def test_desk_article_is_a_draft_with_credit_and_link_back(newsroom, tmp_path):
    ingest(tmp_path, ninjs())
    item = WireItem.objects.get()
    article = article_create_from_item(item=item)
    assert not article.live
    assert [a.name for a in article.agencies.all()] == ["AFP"]
    assert article.wire_links.get().item == item
    article_publish(article=article)
    assert wire_article().live


@time_machine.travel(NOW, tick=False)
def test_update_drafts_policy_writes_new_versions_into_the_draft(newsroom, tmp_path):
    from kiosque.wires.models import Policy, WireSource

    source = WireSource.objects.create(
        name="afp", agency=newsroom.agency, policy=Policy.UPDATE_DRAFTS
    )
    ingest(tmp_path, ninjs(), source=source)
    article = article_create_from_item(item=WireItem.objects.get())
    article_publish(article=article)
    v2 = ninjs(version="2", headline="Douarnenez : la flottille repart")
    [result] = ingest(tmp_path, v2, name="v2.json", source=source)
    assert result.outcome == "updated"
    article.refresh_from_db()
    assert article.title == "Douarnenez : les pêcheurs reprennent le travail"  # still live v1
    assert article.has_unpublished_changes
    assert article.get_latest_revision_as_object().title == "Douarnenez : la flottille repart"


def test_newsml_g2_item_from_the_iptc_listing_is_stored(newsroom):
    from tests.wires.helpers import IPTC

    path = IPTC / "newsml-g2" / "LISTING_2_NewsML-G2_Text_Document.xml"
    [result] = ingest_file(path)
    assert result.outcome == "created" and result.version == "11"
    item = WireItem.objects.get()
    assert item.headline.startswith("Fed to halt QE")
    assert item.latest_version.format == "newsml-g2"
    assert "<newsItem" in item.latest_version.raw
