"""The readers' bounds: each hostile shape refused with its own reason, real files read.

No database: parse_file only (what is stored from a refused item is covered by
test_hostile_input and test_parser_properties).
"""

import json
import re

import pytest

from kiosque.wires.parsing import WireRejected, newsml, parse_file
from tests.wires.helpers import ninjs

G2 = 'xmlns="http://iptc.org/std/nar/2006-10-01/"'
META = "<itemMeta><versionCreated>2026-11-24T09:00:00+01:00</versionCreated></itemMeta>"


def reasons(data: bytes) -> list[str]:
    try:
        results = parse_file(data)
    except WireRejected as rejected:
        return [rejected.reason]
    return [r.reason if isinstance(r, WireRejected) else "parsed" for r in results]


def nested_json(levels: int) -> bytes:
    """A ninjs item whose extension nests `levels` levels in all (the item is one)."""
    inner = "[" * (levels - 1) + "]" * (levels - 1)
    return f'{{"uri": "urn:x:deep", "x-extension": {inner}}}'.encode()


def test_json_depth_limit_is_64_levels():
    assert reasons(nested_json(64)) == ["parsed"]
    assert reasons(nested_json(65)) == ["JSON nested deeper than 64 levels"]
    # Far past the interpreter's recursion limit: refused the same way, quickly.
    assert reasons(b"[" * 100_000 + b"]" * 100_000) == ["JSON nested deeper than 64 levels"]


@pytest.mark.parametrize(
    "literal",
    ["9" * 5000, "-" + "9" * 41, "1." + "5" * 5000, "1e" + "9" * 40],
    ids=["integer", "negative", "real", "exponent"],
)
def test_json_numbers_of_more_than_40_characters(literal):
    data = f'{{"uri": "urn:x:n", "x": {literal}}}'.encode()
    assert reasons(data) == [f"JSON number of {len(literal)} characters (the limit is 40)"]


def test_a_lone_surrogate_is_refused_and_a_pair_is_read():
    assert reasons(b'{"uri": "urn:x:s", "headline": "\\ud83d"}') == [
        "JSON text with a lone surrogate (\\ud83d): not Unicode text"
    ]
    [item] = parse_file(b'{"uri": "urn:x:s", "headline": "\\ud83d\\udcf0 Presse"}')
    assert item.headline == "\U0001f4f0 Presse"


def test_nul_characters_are_dropped_from_the_values_read():
    """PostgreSQL stores no NUL in text or jsonb; the raw payload keeps it escaped."""
    [item] = parse_file(json.dumps(ninjs(headline="Brest\x00 : la rade")).encode())
    assert item.headline == "Brest : la rade"
    assert "\\u0000" in item.raw and "\x00" not in item.raw


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"version": "9" * 20}, "version: a number too large (20 digits)"),
        ({"version": "9" * 5000}, "version: a number too large (5000 digits)"),
        ({"urgency": 0}, "urgency: expected 1 to 9, got 0"),
        ({"urgency": 2**70}, f"urgency: expected 1 to 9, got {2**70}"),
        ({"uri": "u" * 501}, "uri: 501 characters, the limit is 500"),
        (
            {"versioncreated": "9999-12-31T23:00:00-14:00"},
            "versionCreated: out of range in UTC ('9999-12-31T23:00:00-14:00')",
        ),
    ],
)
def test_ninjs_values_the_database_cannot_hold(changes, reason):
    assert reasons(json.dumps(ninjs(**changes)).encode()) == [reason]


def test_a_version_in_other_digits_names_the_version_without_ordering():
    [item] = parse_file(json.dumps(ninjs(version="²")).encode())
    assert (item.version, item.version_label) == (None, "²")


def g2_item(attributes: str = 'guid="urn:x:g2" version="1"', inside: str = META) -> bytes:
    return f"<newsItem {G2} {attributes}>{inside}</newsItem>".encode()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            g2_item(inside="<a>" * 100_000 + "</a>" * 100_000),
            "XML nested deeper than 256 levels",
        ),
        (
            g2_item('guid="urn:x:g2" version="' + "9" * 5000 + '"'),
            "version: a number too large (5000 digits)",
        ),
        (g2_item('guid="urn:x:g2" version="²"'), "version: expected a whole number, got '²'"),
        (
            g2_item(inside=META + "<contentMeta><urgency>12</urgency></contentMeta>"),
            "urgency: expected 1 to 9, got 12",
        ),
        (g2_item(f'guid="{"g" * 501}"'), "newsItem/@guid: 501 characters, the limit is 500"),
    ],
    ids=["depth", "digits", "superscript", "urgency", "guid"],
)
def test_newsml_g2_bounds(data, reason):
    assert reasons(data) == [reason]


def test_newsml_g2_depth_of_real_files_is_read():
    assert reasons(g2_item(inside=META + "<a>" * 200 + "</a>" * 200)) == ["parsed"]


BOMB = (
    b'<!DOCTYPE n [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]>'
    + g2_item(inside=META + "<contentMeta><headline>&c;&x;</headline></contentMeta>")
)


def test_the_xml_parser_itself_expands_no_entity(monkeypatch):
    """Defence in depth: with the DOCTYPE pre-check out of the way, lxml's options still
    expand no entity (no billion laughs) and read no file, and the DOCTYPE is refused."""
    assert reasons(BOMB) == ["XML with a DOCTYPE or entity declaration is refused"]
    monkeypatch.setattr(newsml, "_DOCTYPE", re.compile(rb"(?!)"))
    root = newsml.etree.fromstring(BOMB, parser=newsml._parser())
    headline = root.find(".//{http://iptc.org/std/nar/2006-10-01/}headline")
    text = newsml.etree.tostring(headline, encoding="unicode")
    assert "&c;&x;" in text  # references left as written: neither "aaaa…" nor /etc/passwd
    assert "aaaaaaaaaa" not in text and "root:" not in text
    assert reasons(BOMB) == ["XML with a DOCTYPE is refused"]
