"""The official IPTC examples and validation suites, read from ../shared/fixtures/iptc/."""

from pathlib import Path

import pytest

from kiosque.wires.parsing import ParsedItem, WireRejected, parse_file
from tests.wires.helpers import IPTC

SUITE = IPTC / "ninjs" / "validation" / "test_suite"
VERSIONS = ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.0", "2.1", "2.2", "3.0", "3.1"]

# should_fail cases Kiosque accepts: the fault is in a property Kiosque does not read
# (it stays in the raw payload, like any extension), or in a rule between versions that
# does not change what Kiosque reads.
ACCEPTED_SHOULD_FAIL = {
    "1.0/003_malformed_property.json": "mime_type is not read",
    "1.0/004_representationtype_invalid.json": "representationtype is not read",
    "1.0/005_profile_must_be_string.json": "profile is not read",
    "1.0/008_usageterms_object.json": "usageterms is not read",
    "1.0/013_person_not_string.json": "person is not read",
    "1.0/014_type_component.json": "component is a valid type from 1.2 on",
    "1.0/016_infosource.json": "infosource is not read",
    "1.0/017_description_extension.json": "extension names are not checked",
    "1.1/001_type_component.json": "component is a valid type from 1.2 on",
    "1.1/002_infosource.json": "infosource is not read",
    "1.2/004_infosource_bad_type.json": "infosource is not read",
    "1.3/001_schema_bad.json": "$standard is only used to detect the version",
    "1.3/002_headline_nonascii.json": "headline extensions are not read",
    "1.3/003_headline_blank_extension.json": "headline extensions are not read",
    "1.3/004_headline_dash.json": "headline extensions are not read",
    "1.3/005_bad_altids.json": "altids is not read",
    "1.4/001_bad_contentcreated.json": "contentcreated is not read",
    "1.4/002_bad_contentcreated.json": "contentcreated is not read",
    "1.4/003_bad_expires.json": "expires is not read",
    "1.4/004_bad_expires.json": "expires is not read",
    "1.4/005_bad_rightsinfo.json": "rights are not read",
    "1.4/006_bad_rightsinfo.json": "rights are not read",
    "1.5/001_bad_property.json": "unknown top-level properties are kept (extensions)",
    "1.5/002_bad_association.json": "unknown association properties are kept",
    "1.6/001_bad_digital_source.json": "digitalsourcetype is not read",
    "2.0/001_bad_geojson.json": "geometry is not read",
    "2.0/001_bad_toplevel.json": "unknown top-level properties are kept (extensions)",
    "2.0/002_bad_association.json": "unknown association properties are kept",
    "2.1/001_bad_association.json": "unknown association properties are kept",
    "2.1/002_good_association_but_no_name.json": "association names are not read",
    "2.1/003_good_association_but_no_uri.json": "an association without renditions is skipped",
    "2.1/004_bad_rights.json": "rights are not read",
    "2.2/001_bad_digital_source.json": "digitalSourceType is not read",
    "3.0/001_bad_geojson.json": "geometry is not read",
    "3.0/001_bad_toplevel.json": "unknown top-level properties are kept (extensions)",
    "3.0/002_bad_association.json": "unknown association properties are kept",
    "3.0/003_event_with_conflicting_start.json": "event details are not read",
    "3.0/004_event_with_renditions.json": "event details are not read",
    "3.0/004_invalid_truncated_date.json": "event details are not read",
    "3.0/005_planned_coverage_bad_urgency.json": "planned coverage is not read",
    "3.1/001_bad_digital_source.json": "digitalSourceType is not read",
}


def cases(kind: str) -> list[Path]:
    return [p for v in VERSIONS for p in sorted((SUITE / v / kind).glob("*.json"))]


def key(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.name}"


def outcome(path: Path) -> list:
    try:
        return parse_file(path.read_bytes())
    except WireRejected as rejected:
        return [rejected]


def test_the_fixtures_are_there():
    assert len(cases("should_pass")) > 100
    assert len(cases("should_fail")) > 50


@pytest.mark.parametrize("path", cases("should_pass"), ids=key)
def test_should_pass_is_accepted(path):
    results = outcome(path)
    rejected = [r.reason for r in results if isinstance(r, WireRejected)]
    assert results and not rejected


@pytest.mark.parametrize("path", cases("should_fail"), ids=key)
def test_should_fail_is_rejected_with_a_reason_unless_listed(path):
    results = outcome(path)
    rejected = [r for r in results if isinstance(r, WireRejected)]
    if key(path) in ACCEPTED_SHOULD_FAIL:
        assert not rejected, f"now rejected: remove {key(path)} from the list"
    else:
        assert rejected and all(r.reason for r in rejected)


def test_rejection_reasons_name_the_field():
    reasons = {key(p): getattr(outcome(p)[0], "reason", "") for p in cases("should_fail")}
    assert reasons["1.0/001_no_uri_declared.json"] == "missing identity: no uri"
    assert "pubStatus" in reasons["1.0/007_pubstatus_cancelled.json"]
    assert "malformed JSON" in reasons["1.0/010_body_must_be_string.json"]
    assert "ednote" in reasons["1.2/003_ednote_bad_type.json"]
    assert "urgency" in reasons["3.0/006_bad_urgency.json"]
    assert "genre" in reasons["1.3/007_invalid_genre.json"]


EXAMPLES = sorted((IPTC / "ninjs" / "examples").glob("[0-9]*/**/*.json"))
EXAMPLES = [p for p in EXAMPLES if p.name != "extension-schema.json"]  # a JSON schema


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(IPTC)))
def test_ninjs_examples_parse(path):
    results = outcome(path)
    assert results and all(isinstance(r, ParsedItem) for r in results)
    major = path.relative_to(IPTC / "ninjs" / "examples").parts[0][0]
    assert all(r.identity for r in results)
    if major != "3":  # some 3.0 examples are written in 2.x style; both are read
        assert all(r.format == f"ninjs{major}" for r in results)


def test_ninjs_fields_are_read_across_versions():
    one = outcome(IPTC / "ninjs/examples/1.4/ninjsExComplex2.json")[0]
    three = outcome(IPTC / "ninjs/examples/3.0/tt_text_image_3.json")[0]
    assert one.headline.startswith("Captain of wrecked cruise ship")
    assert one.pictures and one.version_created.tzinfo
    assert three.format == "ninjs3" and three.headline and three.body_html
    assert three.pictures


def g2(name: str) -> list:
    return outcome(IPTC / "newsml-g2" / name)


def test_newsml_g2_text_item_with_xhtml():
    (item,) = g2("LISTING_2_NewsML-G2_Text_Document.xml")
    assert item.identity.startswith("urn:newsml:acmenews.com")
    assert item.version == 11 and item.headline.startswith("Fed to halt QE")
    assert "<p>" in item.body_html


def test_newsml_g2_nitf_item():
    (item,) = g2("LISTING_22_Sports_story_in_NewsML-G2NITF.xml")
    assert item.body_html.count("<p>") > 3


def test_newsml_g2_picture_with_renditions():
    (item,) = g2("LISTING_3_Photo_in_NewsML-G2.xml")
    assert item.item_type == "picture"
    (picture,) = item.pictures
    assert picture.href and picture.credit == "Getty Images"
    assert picture.photographer == "Spencer Platt"


def test_newsml_g2_package_item():
    (item,) = g2("LISTING_6_Simple_NewsML-G2_Package.xml")
    assert item.item_type == "composite" and len(item.members) == 2


def test_newsml_g2_news_message_items_each_get_an_outcome():
    # The published listing abbreviates its items ("....."): each is refused on its own.
    results = g2("LISTING_24_News_Message_conveying_a_complete_News_Package.xml")
    assert len(results) == 5
    assert all(isinstance(r, WireRejected) for r in results)
    assert "guid" in results[0].reason and "itemMeta" in results[1].reason


@pytest.mark.parametrize(
    "name",
    [
        "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml",
        "LISTING_28_Illustrating_Located_Subject_and_Dateline.xml",
    ],
)
def test_newsml_g2_fragments_are_not_items(name):
    (rejected,) = g2(name)
    assert "not NewsML-G2" in rejected.reason
