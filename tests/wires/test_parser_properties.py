"""Properties of the wire parsers (ninjs 1.x, 2.x, 3.x and NewsML-G2), for any input.

Whatever an agency sends, `parse_file` either returns each item parsed or refused, or
refuses the whole file, always as a WireRejected with a reason; nothing else escapes.
An item it accepts holds what the database can store, and an item it refuses leaves
nothing stored. The inputs are generated, and grown from the IPTC's own examples
(../shared/fixtures/iptc) by replacing one of their values.

Derandomised and bounded: the same examples on every run and every machine.
"""

from __future__ import annotations

import copy
import json
from datetime import timedelta, timezone

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from kiosque.wires.batch import ingest_file
from kiosque.wires.models import WireItem, WireItemVersion
from kiosque.wires.parsing import ParsedItem, WireRejected, parse_file
from kiosque.wires.parsing.common import MAX_VERSION
from tests.wires.helpers import IPTC, ninjs

BOUNDED = settings(
    max_examples=100,
    deadline=2000,  # milliseconds: a first call warms caches
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- The contract ----------------------------------------------------------------------


def parsed_or_refused(data: bytes) -> list[ParsedItem | WireRejected]:
    """parse_file's answer, a refused file as its one WireRejected; any other exception
    fails the test (Hypothesis then shows the smallest input that raises it)."""
    try:
        results = parse_file(data)
    except WireRejected as rejected:
        results = [rejected]
    for result in results:
        if isinstance(result, WireRejected):
            assert_clear(result.reason)
        else:
            assert_storable(result)
    return results


def assert_clear(reason: str) -> None:
    """A reason of the parsers' own: one line naming the fault, never the fallback that
    wraps an error the parsers did not foresee (a pydantic or Python message)."""
    assert isinstance(reason, str) and reason.strip()
    assert "\n" not in reason and len(reason) <= 500, reason
    assert not reason.startswith(("invalid item:", "internal error")), reason


def assert_storable(item: ParsedItem) -> None:
    assert isinstance(item, ParsedItem)
    assert item.identity.strip()
    assert item.version is None or 0 <= item.version <= MAX_VERSION
    assert item.urgency is None or 1 <= item.urgency <= 9
    assert item.version_created.tzinfo is not None
    # What is kept with each version must be JSON the database takes back.
    json.loads(json.dumps(item.model_dump(mode="json", exclude={"raw"})))


# --- Generated values ------------------------------------------------------------------

# Text as agencies send it, NUL, control characters and no-break spaces included, and
# lone surrogates (which UTF-8 cannot encode: JSON writes them as "\ud800" escapes).
# Any code point: st.text()'s default alphabet (the characters UTF-8 encodes) costs
# seconds to tabulate in each run's fresh Hypothesis folder (tests/conftest.py).
any_text = st.text(st.characters(), max_size=12) | st.sampled_from(["\ud800", "a\udfffb"])
json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | any_text
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=6,
)
# Aware and naive times (fixed offsets: Hypothesis's time zones load the tz database).
offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
iso_times = st.datetimes(timezones=offsets | st.none()).map(lambda d: d.isoformat()) | any_text
role_values = st.lists(
    st.fixed_dictionaries(
        {"value": json_values | any_text},
        optional={"role": st.sampled_from(["main", "summary", "caption", ""]) | any_text},
    ),
    max_size=2,
)

# The keys Kiosque reads, in the spellings of the three majors, with values that are
# sometimes of the right shape and sometimes anything.
NINJS_KEYS = {
    "type": st.sampled_from(["text", "picture", "composite", "video"]),
    "version": st.integers(0, 10**30).map(str),
    "versioncreated": iso_times,
    "versionCreated": iso_times,
    "firstcreated": iso_times,
    "embargoed": iso_times,
    "embargoedUntil": iso_times,
    "pubstatus": st.sampled_from(["usable", "withheld", "canceled"]),
    "urgency": st.integers(),
    "headline": any_text,
    "headlines": role_values,
    "descriptions": role_values,
    "bodies": role_values,
    "body_html": any_text,
    "body_text": any_text,
    "description_html": any_text,
    "by": any_text,
    "located": any_text,
    "language": any_text,
    "subjects": st.lists(st.dictionaries(st.sampled_from(["name", "uri", "code"]), any_text)),
    "people": st.lists(st.dictionaries(st.sampled_from(["name", "rel"]), any_text)),
    "infosources": st.lists(st.dictionaries(st.just("name"), json_values)),
    "provider": any_text | st.dictionaries(st.just("name"), json_values),
    "associations": st.dictionaries(
        any_text,
        st.fixed_dictionaries(
            {"type": st.just("picture")},
            optional={
                "renditions": st.dictionaries(
                    any_text,
                    st.fixed_dictionaries(
                        {"href": any_text},
                        optional={
                            "width": st.integers(),
                            "height": st.integers(),
                            "poi": st.dictionaries(st.sampled_from(["x", "y"]), json_scalars),
                        },
                    ),
                    max_size=2,
                )
            },
        ),
        max_size=2,
    ),
    "$standard": st.fixed_dictionaries(
        {"version": st.sampled_from(["1.4", "2.1", "3.0", "3.1", ""]) | any_text}
    ),
}
# Mostly of the right shape, so that the parsers read on past the first field.
ninjs_documents = st.fixed_dictionaries(
    {"uri": st.sampled_from(["urn:x:1", ""]) | any_text | st.integers(499, 501).map("u".__mul__)},
    optional={key: values | json_scalars for key, values in NINJS_KEYS.items()},
)


def ninjs_seeds() -> list[dict]:
    documents = []
    for path in sorted((IPTC / "ninjs" / "examples").glob("[123]*/*.json")):
        loaded = json.loads(path.read_text(encoding="utf-8"))
        documents += loaded if isinstance(loaded, list) else [loaded]
    return [*documents, ninjs()]


def paths_in(value, prefix=()) -> list[tuple]:
    """Every place of a JSON document, as a sequence of keys and indexes."""
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths_in(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += paths_in(child, (*prefix, index))
    return found


@st.composite
def mutated_ninjs(draw) -> dict:
    """An IPTC example (or Kiosque's own test dispatch) with one value replaced."""
    document = copy.deepcopy(draw(st.sampled_from(NINJS_SEEDS)))
    where = draw(st.sampled_from(paths_in(document)[1:] or [()]))
    if not where:
        return document
    parent = document
    for step in where[:-1]:
        parent = parent[step]
    parent[where[-1]] = draw(json_values)
    return document


NINJS_SEEDS = ninjs_seeds()

# --- NewsML-G2 -------------------------------------------------------------------------

G2_SEEDS = [
    path.read_bytes()
    for path in sorted((IPTC / "newsml-g2").glob("*.xml"))
    + sorted((IPTC / "ninjs" / "examples" / "NewsML").glob("*.xml"))
]
# Characters XML 1.0 allows in text and attribute values.
xml_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff").filter(
        lambda c: c in "\t\n\r" or ord(c) >= 0x20
    ),
    max_size=30,
)
G2_ATTRIBUTES = ["guid", "version", "qcode", "literal", "href", "width", "height", "role"]


@st.composite
def mutated_newsml(draw) -> bytes:
    """A NewsML-G2 listing with one element's text or attribute replaced, or one
    element removed or repeated."""
    root = etree.fromstring(draw(st.sampled_from(G2_SEEDS)))
    elements = list(root.iter(etree.Element))
    element = draw(st.sampled_from(elements))
    change = draw(st.sampled_from(["text", "attribute", "remove", "repeat"]))
    parent = element.getparent()
    if change == "text":
        element.text = draw(xml_text)
    elif change == "attribute":
        element.set(draw(st.sampled_from(G2_ATTRIBUTES)), draw(xml_text | st.integers().map(str)))
    elif change == "remove" and parent is not None:
        parent.remove(element)
    elif parent is not None:
        parent.append(copy.deepcopy(element))
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


# Arbitrary bytes, often starting the way a JSON or an XML file does, so that they
# reach the readers rather than the format sniffing.
FILE_STARTS = [b"", b"{", b"[", b"<", b"\xef\xbb\xbf[", b'<?xml version="1.0"?><newsItem ']
raw_files = st.builds(lambda start, rest: start + rest, st.sampled_from(FILE_STARTS), st.binary())

# --- The properties --------------------------------------------------------------------


@BOUNDED
@given(raw_files)
def test_any_bytes_are_parsed_or_refused(data):
    parsed_or_refused(data)


@BOUNDED
@given(json_values)
def test_any_json_is_parsed_or_refused(value):
    parsed_or_refused(json.dumps(value).encode())


@BOUNDED
@given(st.lists(ninjs_documents, min_size=1, max_size=2))
def test_ninjs_shaped_documents_are_parsed_or_refused(documents):
    for data in (json.dumps(documents[0]), json.dumps(documents)):
        parsed_or_refused(data.encode())


@BOUNDED
@given(mutated_ninjs())
def test_iptc_ninjs_examples_with_a_value_replaced_are_parsed_or_refused(document):
    # Written as UTF-8, as agencies do (a lone surrogate then makes it invalid UTF-8).
    parsed_or_refused(json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass"))


@BOUNDED
@given(mutated_newsml())
def test_iptc_newsml_listings_with_a_change_are_parsed_or_refused(data):
    parsed_or_refused(data)


@BOUNDED
@given(st.integers(1, 400), st.sampled_from(["[", '{"a":']))
def test_any_json_depth_is_parsed_or_refused(depth, opening):
    closing = "]" if opening == "[" else "}"
    data = f'{{"uri": "urn:x", "x": {opening * depth}1{closing * depth}}}'.encode()
    results = parsed_or_refused(data)
    assert isinstance(results[0], ParsedItem) == (depth < 64)


# --- Nothing stored from a refused item --------------------------------------------------


@pytest.mark.django_db
@settings(BOUNDED, max_examples=20, suppress_health_check=list(HealthCheck))
@given(st.lists(mutated_ninjs() | ninjs_documents, min_size=1, max_size=2))
def test_a_refused_item_leaves_nothing_stored(newsroom, tmp_path, documents):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(documents), encoding="utf-8")
    # Each example in its own transaction, rolled back: examples do not see each other.
    with transaction.atomic():
        results = ingest_file(path)
        accepted = {r.identity for r in results if r.outcome != "rejected"}
        refused = {r.identity for r in results if r.outcome == "rejected"} - accepted
        assert not WireItem.objects.filter(identity__in=refused).exists()
        stored = set(WireItemVersion.objects.values_list("item__identity", flat=True))
        assert stored <= accepted
        for result in results:
            if result.outcome == "rejected":
                assert_clear(result.reason)
                assert not result.reason.startswith("internal error"), result.reason
        transaction.set_rollback(True)
