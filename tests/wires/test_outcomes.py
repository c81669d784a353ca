"""Outcomes of a version that was stored already (docs/wires.md, decision 0010).

`unchanged`: the same version as the latest stored. `ignored`: older than the latest
stored, whether it arrives for the first time or again. Every way in answers alike: a
batch (one look-up for the whole file), one item, and the check under the item's lock
that settles a race with another worker (`known_new`)."""

import json

import pytest

from kiosque.wires.batch import ingest_file
from kiosque.wires.models import WireItem, WireItemVersion
from kiosque.wires.parsing import parse_file
from kiosque.wires.services import wire_item_ingest
from tests.wires.helpers import ninjs, write_json

pytestmark = pytest.mark.django_db


def stored_state() -> tuple[list, list]:
    """Everything an ingest could alter: the item row and every version row."""
    items = list(WireItem.objects.values().order_by("pk"))
    versions = list(WireItemVersion.objects.values().order_by("pk"))
    return items, versions


def ingest_one(item: dict, *, known_new: bool = False) -> str:
    """One item straight through `wire_item_ingest`, without the batch's look-up."""
    [parsed] = parse_file(json.dumps(item).encode())
    return wire_item_ingest(parsed=parsed, known_new=known_new).outcome


def ingest(tmp_path, item, name: str) -> str:
    [result] = ingest_file(write_json(tmp_path, name, item))
    return result.outcome


@pytest.fixture
def v1_then_v2(newsroom, tmp_path):
    """v1 stored, then v2 stored as the latest."""
    assert ingest(tmp_path, ninjs(version="1"), "v1.json") == "created"
    assert ingest(tmp_path, ninjs(version="2", headline="La v2"), "v2.json") == "updated"
    return tmp_path


def test_an_older_version_already_stored_is_ignored(v1_then_v2):
    before = stored_state()
    assert ingest(v1_then_v2, ninjs(version="1"), "v1-again.json") == "ignored"
    assert stored_state() == before


def test_the_latest_version_again_is_unchanged(v1_then_v2):
    before = stored_state()
    assert ingest(v1_then_v2, ninjs(version="2", headline="La v2"), "v2-again.json") == (
        "unchanged"
    )
    assert stored_state() == before


def test_one_item_outside_a_batch_answers_alike(v1_then_v2):
    before = stored_state()
    assert ingest_one(ninjs(version="1")) == "ignored"
    assert ingest_one(ninjs(version="2", headline="La v2")) == "unchanged"
    assert stored_state() == before


def test_the_check_under_the_lock_answers_alike(v1_then_v2):
    # `known_new` skips the first look-up, as when another worker stored the item
    # meanwhile: only the check made under the item's lock remains.
    before = stored_state()
    assert ingest_one(ninjs(version="1"), known_new=True) == "ignored"
    assert ingest_one(ninjs(version="2", headline="La v2"), known_new=True) == "unchanged"
    assert stored_state() == before


def test_a_new_older_version_under_the_lock_is_recorded_not_applied(newsroom, tmp_path):
    ingest(tmp_path, ninjs(version="3", headline="La v3"), "v3.json")
    assert ingest_one(ninjs(version="2", headline="Périmée"), known_new=True) == "ignored"
    item = WireItem.objects.get()
    assert item.latest_version.version_key == "3" and item.headline == "La v3"
    assert item.versions.get(version_key="2").superseded_on_arrival


def test_a_late_version_already_recorded_stays_ignored(newsroom, tmp_path):
    ingest(tmp_path, ninjs(version="3"), "v3.json")
    assert ingest(tmp_path, ninjs(version="2"), "v2.json") == "ignored"
    before = stored_state()
    assert ingest(tmp_path, ninjs(version="2"), "v2-again.json") == "ignored"
    assert ingest_one(ninjs(version="2")) == "ignored"
    assert stored_state() == before


def test_without_version_numbers_the_time_decides_alike(newsroom, tmp_path):
    first = ninjs(version=None, versioncreated="2026-11-24T10:00:00Z")
    later = ninjs(version=None, versioncreated="2026-11-24T11:00:00Z", headline="Plus récent")
    ingest(tmp_path, first, "a.json")
    assert ingest(tmp_path, later, "b.json") == "updated"
    assert ingest(tmp_path, first, "a-again.json") == "ignored"
    assert ingest(tmp_path, later, "b-again.json") == "unchanged"
    assert WireItem.objects.get().headline == "Plus récent"


def test_a_file_holding_the_stored_version_and_a_newer_one(newsroom, tmp_path):
    """v1 is the latest when the file is read, but v2, before it in the file, replaces
    it: v1 is then older than the latest, as it would be in two files."""
    ingest(tmp_path, ninjs(version="1"), "v1.json")
    both = [ninjs(version="2", headline="La v2"), ninjs(version="1")]
    results = ingest_file(write_json(tmp_path, "both.json", both))
    assert [r.outcome for r in results] == ["updated", "ignored"]
    item = WireItem.objects.get()
    assert item.latest_version.version_key == "2" and item.headline == "La v2"
    assert not item.versions.get(version_key="1").superseded_on_arrival  # kept as it was
