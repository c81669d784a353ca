"""An article made from a dispatch whose `located` has no dash gets one; the dispatch
itself keeps what the agency sent."""

import pytest

from kiosque.newsroom.models import ArticlePage
from kiosque.wires.articles import article_apply_version, article_create_from_item
from kiosque.wires.batch import ingest_file
from kiosque.wires.models import WireItem
from tests.wires.helpers import ninjs, write_json

pytestmark = pytest.mark.django_db


def test_a_draft_from_the_desk_gets_the_dash(newsroom, tmp_path):
    ingest_file(write_json(tmp_path, "a.json", ninjs(located="DOUARNENEZ (Finistère)")))
    item = WireItem.objects.get()
    article = article_create_from_item(item=item)
    assert ArticlePage.objects.get(pk=article.pk).dateline == "DOUARNENEZ (Finistère) –"
    assert article.get_latest_revision_as_object().dateline == "DOUARNENEZ (Finistère) –"
    assert item.latest_version.fields["dateline"] == "DOUARNENEZ (Finistère)"  # as sent


def test_a_new_version_applied_to_the_draft_gets_it(newsroom, tmp_path):
    ingest_file(write_json(tmp_path, "v1.json", ninjs()))
    article = article_create_from_item(item=WireItem.objects.get())
    ingest_file(write_json(tmp_path, "v2.json", ninjs(version="2", located="QUIMPER-")))
    item = WireItem.objects.get()
    updated = article_apply_version(link=article.wire_links.get(), version=item.latest_version)
    assert updated.get_latest_revision_as_object().dateline == "QUIMPER –"


def test_a_published_dispatch_shows_the_dash(newsroom, tmp_path, client):
    ingest_file(write_json(tmp_path, "a.json", ninjs(located="BREST (Finistère)")), publish=True)
    article = ArticlePage.objects.get(wire_links__isnull=False)
    assert article.dateline == "BREST (Finistère) –"
    html = client.get(article.url).content.decode()
    assert '<span class="dateline">BREST (Finistère)\u00a0–</span>' in html
