"""NewsML-G2 packages: a package's pictures are attached to its text item, whether the
package and its items arrive together (newsMessage) or as separate files of a drop."""

from datetime import UTC, datetime

import pytest
import time_machine

from kiosque.newsroom.models import ArticlePage
from kiosque.wires.batch import ingest_file, ingest_paths
from kiosque.wires.models import WireItem
from tests.wires.helpers import g2_message, g2_package, g2_picture, g2_text, jpeg_bytes

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
TEXT, PHOTO = "urn:kiosque-test:g2:quimper", "urn:kiosque-test:g2:photo"


def text_pictures() -> list:
    return list(WireItem.objects.get(identity=TEXT).latest_version.pictures.all())


@time_machine.travel(NOW, tick=False)
def test_news_message_package_gives_its_picture_to_the_text(newsroom, tmp_path):
    (tmp_path / "nef.jpg").write_bytes(jpeg_bytes())
    # The text comes first in the message, the picture last: order must not matter.
    path = tmp_path / "message.xml"
    path.write_text(g2_message(g2_package(), g2_text(), g2_picture()), encoding="utf-8")
    results = ingest_file(path, publish=True)
    assert [r.outcome for r in results] == ["created", "created", "created"]
    assert [r.identity for r in results] == [
        "urn:kiosque-test:g2:package",
        TEXT,
        PHOTO,
    ]  # document order
    [picture] = text_pictures()
    assert picture.caption == "La nef de la cathédrale, samedi."
    assert picture.photographer == "Soazig Le Bihan"
    # The article was published with the picture from the start.
    article = ArticlePage.objects.get(wire_links__item__identity=TEXT)
    assert article.live and article.lead_image == picture
    assert not ArticlePage.objects.filter(wire_links__item__identity=PHOTO).exists()


@time_machine.travel(NOW, tick=False)
def test_separate_files_of_one_drop_in_any_order(newsroom, tmp_path):
    (tmp_path / "nef.jpg").write_bytes(jpeg_bytes())
    # Sorted by name, the text is ingested (and published) before its package and picture.
    (tmp_path / "a-text.xml").write_text(g2_text(), encoding="utf-8")
    (tmp_path / "b-package.xml").write_text(g2_package(), encoding="utf-8")
    (tmp_path / "c-picture.xml").write_text(g2_picture(), encoding="utf-8")
    outcomes = [r.outcome for _, results in ingest_paths([tmp_path], publish=True) for r in results]
    assert outcomes == ["created", "created", "created"]
    [picture] = text_pictures()
    article = ArticlePage.objects.get(wire_links__item__identity=TEXT)
    # The auto-published article was brought up to date when its picture arrived.
    assert article.live and article.lead_image == picture
    assert not article.has_unpublished_changes


@time_machine.travel(NOW, tick=False)
def test_desk_policy_attaches_late_pictures_without_touching_articles(newsroom, tmp_path):
    from kiosque.wires.articles import article_create_from_item

    (tmp_path / "nef.jpg").write_bytes(jpeg_bytes())
    (tmp_path / "text.xml").write_text(g2_text(), encoding="utf-8")
    ingest_file(tmp_path / "text.xml")
    draft = article_create_from_item(item=WireItem.objects.get(identity=TEXT))
    (tmp_path / "message.xml").write_text(g2_message(g2_picture(), g2_package()), "utf-8")
    assert [r.outcome for r in ingest_file(tmp_path / "message.xml")] == ["created", "created"]
    assert len(text_pictures()) == 1  # the desk shows it; a new article would get it
    draft.refresh_from_db()
    assert draft.lead_image is None  # the editor's draft is theirs


@time_machine.travel(NOW, tick=False)
def test_package_pictures_not_duplicated_when_sent_again(newsroom, tmp_path):
    (tmp_path / "nef.jpg").write_bytes(jpeg_bytes())
    path = tmp_path / "message.xml"
    path.write_text(g2_message(g2_text(), g2_picture(), g2_package()), encoding="utf-8")
    ingest_file(path)
    again = ingest_file(path)
    assert {r.outcome for r in again} == {"unchanged"}
    assert len(text_pictures()) == 1


@time_machine.travel(NOW, tick=False)
def test_a_package_lists_only_what_it_references(newsroom, tmp_path):
    """Pictures of another package, or a killed picture, are not attached."""
    (tmp_path / "nef.jpg").write_bytes(jpeg_bytes())
    other = g2_package(guid="urn:kiosque-test:g2:other", members=("urn:x:other-text", PHOTO))
    path = tmp_path / "message.xml"
    path.write_text(g2_message(g2_text(), g2_picture(), other), encoding="utf-8")
    ingest_file(path)
    assert text_pictures() == []


@time_machine.travel(NOW, tick=False)
def test_broken_picture_member_is_rejected_alone(newsroom, tmp_path):
    path = tmp_path / "message.xml"
    path.write_text(g2_message(g2_package(), g2_text(), g2_picture(href="nowhere.jpg")), "utf-8")
    outcomes = {r.identity: r for r in ingest_file(path, publish=True)}
    assert outcomes[PHOTO].outcome == "rejected"
    assert "no such file" in outcomes[PHOTO].reason
    assert outcomes[TEXT].outcome == "created"
    assert ArticlePage.objects.get(wire_links__item__identity=TEXT).lead_image is None


def test_package_members_are_parsed_from_the_iptc_listing():
    from kiosque.wires.parsing import parse_file
    from tests.wires.helpers import IPTC

    data = (IPTC / "newsml-g2" / "LISTING_6_Simple_NewsML-G2_Package.xml").read_bytes()
    [package] = parse_file(data)
    assert package.item_type == "composite"
    assert [(m.identity, m.item_class) for m in package.members] == [
        ("urn:newsml:iptc.org:20081007:tutorial-item-A", "text"),
        ("urn:newsml:iptc.org:20081007:tutorial—item-B", "picture"),
    ]
