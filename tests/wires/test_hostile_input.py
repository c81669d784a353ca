"""Bad input: a precise reason, nothing half-stored, the rest of the batch ingested."""

import io
import json

import pytest
from django.test import override_settings
from PIL import Image

from kiosque.newsroom.models import NewsImage
from kiosque.wires.batch import ingest_paths
from kiosque.wires.models import WireItem, WireItemVersion
from tests.wires.helpers import jpeg_bytes, ninjs, with_picture, write_json

pytestmark = pytest.mark.django_db

GOOD = "urn:kiosque-test:good"
G2 = '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:{guid}" version="1">'


def batch_with(tmp_path, name: str, content: bytes) -> list:
    """The bad file between two good ones; returns the bad file's results."""
    write_json(tmp_path, "0-before.json", ninjs(uri=GOOD + "-before"))
    (tmp_path / name).write_bytes(content)
    write_json(tmp_path, "9-after.json", ninjs(uri=GOOD + "-after"))
    results = {path.name: found for path, found in ingest_paths([tmp_path])}
    for good in ("0-before.json", "9-after.json"):
        assert [r.outcome for r in results[good]] in (["created"], ["unchanged"])
    return results[name]


def only_good_items_stored():
    assert set(WireItem.objects.values_list("identity", flat=True)) == {
        GOOD + "-before",
        GOOD + "-after",
    }
    assert WireItemVersion.objects.count() == 2
    assert not NewsImage.objects.exists()


def rejected_reason(results) -> str:
    [result] = results
    assert result.outcome == "rejected"
    return result.reason


def test_malformed_json(newsroom, tmp_path):
    reason = rejected_reason(batch_with(tmp_path, "5.json", b'{"uri": "urn:x", '))
    assert reason.startswith("malformed JSON")
    only_good_items_stored()


def test_malformed_xml(newsroom, tmp_path):
    reason = rejected_reason(batch_with(tmp_path, "5.xml", (G2 + "<itemMeta>").encode()))
    assert reason.startswith("malformed XML")
    only_good_items_stored()


def test_schema_violation(newsroom, tmp_path):
    bad = json.dumps(ninjs(uri="urn:x:bad", urgency="très urgent")).encode()
    assert rejected_reason(batch_with(tmp_path, "5.json", bad)) == "urgency: expected an integer"
    only_good_items_stored()


def test_missing_identity(newsroom, tmp_path):
    item = ninjs()
    del item["uri"]
    reason = rejected_reason(batch_with(tmp_path, "5.json", json.dumps(item).encode()))
    assert reason == "missing identity: no uri"
    xml = (G2.replace(' guid="urn:x:{guid}"', "") + "</newsItem>").encode()
    assert "without a guid" in rejected_reason(batch_with(tmp_path, "6.xml", xml))
    only_good_items_stored()


def test_date_without_time_zone(newsroom, tmp_path):
    naive = json.dumps(ninjs(uri="urn:x:naive", versioncreated="2026-11-24T09:00:00")).encode()
    reason = rejected_reason(batch_with(tmp_path, "5.json", naive))
    assert reason == "versionCreated: date without a time zone (2026-11-24T09:00:00)"
    only_good_items_stored()


def test_unknown_encodings(newsroom, tmp_path):
    xml = b'<?xml version="1.0" encoding="x-klingon-8"?><newsItem/>'
    assert "encoding" in rejected_reason(batch_with(tmp_path, "5.xml", xml))
    latin = json.dumps(ninjs(uri="urn:x:latin"), ensure_ascii=False).encode("latin-1")
    assert rejected_reason(batch_with(tmp_path, "6.json", latin)).startswith("not UTF-8 JSON")
    only_good_items_stored()


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:bomb">&lol3;</newsItem>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE newsItem [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:xxe">&secret;</newsItem>"""


@pytest.mark.parametrize("payload", [BOMB, XXE], ids=["billion-laughs", "external-entity"])
def test_xml_bombs_and_external_entities(newsroom, tmp_path, payload):
    reason = rejected_reason(batch_with(tmp_path, "5.xml", payload))
    assert reason == "XML with a DOCTYPE or entity declaration is refused"
    only_good_items_stored()


@override_settings(WIRES_MAX_FILE_BYTES=2000)
def test_oversized_file(newsroom, tmp_path):
    huge = json.dumps(ninjs(uri="urn:x:huge", body="<p>" + "mot " * 2000 + "</p>")).encode()
    reason = rejected_reason(batch_with(tmp_path, "5.json", huge))
    assert reason.startswith("file too large") and "2000" in reason
    only_good_items_stored()


def test_default_size_limit_is_20_mb(settings):
    assert settings.WIRES_MAX_FILE_BYTES == 20 * 1024 * 1024


def test_picture_that_is_not_an_image(newsroom, tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"GIF89a? not really a picture")
    item = json.dumps(with_picture(ninjs(uri="urn:x:pic"))).encode()
    assert (
        rejected_reason(batch_with(tmp_path, "5.json", item)) == "picture photo.jpg: not an image"
    )
    only_good_items_stored()


def test_picture_cut_short(newsroom, tmp_path):
    # Its headers are whole (Pillow's verify() passes): only decoding it finds the end missing.
    whole = jpeg_bytes()
    (tmp_path / "photo.jpg").write_bytes(whole[: len(whole) // 2])
    item = json.dumps(with_picture(ninjs(uri="urn:x:pic"))).encode()
    assert rejected_reason(batch_with(tmp_path, "5.json", item)) == (
        "picture photo.jpg: the image is cut short or damaged"
    )
    only_good_items_stored()


@override_settings(WIRES_MAX_PICTURE_PIXELS=1_000_000)
def test_decompression_bomb_picture(newsroom, tmp_path):
    buffer = io.BytesIO()
    Image.new("1", (4000, 4000)).save(buffer, format="PNG")  # tiny file, 16 Mpx
    (tmp_path / "photo.jpg").write_bytes(buffer.getvalue())
    item = json.dumps(with_picture(ninjs(uri="urn:x:pic"))).encode()
    reason = rejected_reason(batch_with(tmp_path, "5.json", item))
    assert "decompression bomb" in reason and "4000×4000" in reason
    only_good_items_stored()


def test_picture_outside_the_item_folder(newsroom, tmp_path):
    (tmp_path.parent / "secret.jpg").write_bytes(jpeg_bytes())
    item = json.dumps(with_picture(ninjs(uri="urn:x:pic"), href="../secret.jpg")).encode()
    reason = rejected_reason(batch_with(tmp_path, "5.json", item))
    assert reason == "picture ../secret.jpg: outside the item's folder"
    only_good_items_stored()


def test_picture_host_not_allowed(newsroom, tmp_path, settings):
    settings.WIRES_PICTURE_HOSTS = ["photos.agence.example"]
    item = with_picture(ninjs(uri="urn:x:pic"), href="https://evil.example/p.jpg")
    reason = rejected_reason(batch_with(tmp_path, "5.json", json.dumps(item).encode()))
    assert "host 'evil.example' is not in WIRES_PICTURE_HOSTS" in reason
    only_good_items_stored()


def test_failure_after_pictures_leaves_no_file(newsroom, tmp_path, monkeypatch, settings):
    """A crash in the middle of storing: no row and no picture file stay behind."""
    from kiosque.wires import services

    (tmp_path / "photo.jpg").write_bytes(jpeg_bytes())
    real_apply = services._apply

    def crash_on_pic(item, version, policy):
        if item.identity == "urn:x:pic":
            raise RuntimeError("disk full")
        return real_apply(item, version, policy)

    monkeypatch.setattr(services, "_apply", crash_on_pic)
    media_before = {p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()}
    item = with_picture(ninjs(uri="urn:x:pic"))
    reason = rejected_reason(batch_with(tmp_path, "5.json", json.dumps(item).encode()))
    assert reason == "internal error: disk full"
    only_good_items_stored()
    assert {p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()} == media_before
