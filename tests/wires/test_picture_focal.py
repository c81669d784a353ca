"""A wire picture's metadata says where its subject is: the focal point of its crops.

The shared IPTC fixtures carry no image region nor ninjs `poi`, so the pictures here are
made by the tests: JPEG files with an XMP packet written for the occasion (IPTC Photo
Metadata « Image Region »), and ninjs 3.x renditions with a point of interest.
"""

import io
import json

import pytest
from PIL import Image

from kiosque.newsroom.models import NewsImage
from kiosque.wires.batch import ingest_file
from kiosque.wires.models import WireItem
from kiosque.wires.picture_focus import FocalArea, focal_area, region_from_xmp, xmp_packet
from tests.wires.helpers import ninjs, with_picture, write_json

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
ROLE = "http://cv.iptc.org/newscodes/imageregionrole/"


def packet(*regions: str) -> bytes:
    return (
        f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="{RDF}">'
        f'<rdf:Description rdf:about="" xmlns:Iptc4xmpExt="{EXT}">'
        f"<Iptc4xmpExt:ImageRegion><rdf:Bag>{''.join(regions)}</rdf:Bag>"
        "</Iptc4xmpExt:ImageRegion></rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()


def roles(*terms: str) -> str:
    if not terms:
        return ""
    entities = "".join(
        '<rdf:li rdf:parseType="Resource"><Iptc4xmpExt:Identifier><rdf:Bag>'
        f"<rdf:li>{ROLE}{term}</rdf:li></rdf:Bag></Iptc4xmpExt:Identifier></rdf:li>"
        for term in terms
    )
    return f"<Iptc4xmpExt:rRole><rdf:Bag>{entities}</rdf:Bag></Iptc4xmpExt:rRole>"


def region(boundary: dict, *role_terms: str) -> str:
    fields = "".join(f"<Iptc4xmpExt:{k}>{v}</Iptc4xmpExt:{k}>" for k, v in boundary.items())
    return (
        '<rdf:li rdf:parseType="Resource">'
        f'<Iptc4xmpExt:RegionBoundary rdf:parseType="Resource">{fields}'
        f"</Iptc4xmpExt:RegionBoundary>{roles(*role_terms)}</rdf:li>"
    )


def rectangle(x, y, w, h, unit="relative") -> dict:
    return {"rbShape": "rectangle", "rbUnit": unit, "rbX": x, "rbY": y, "rbW": w, "rbH": h}


def jpeg(width=800, height=450, xmp: bytes | None = None, orientation: int = 1) -> bytes:
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = orientation
    options = {"xmp": xmp} if xmp else {}
    Image.new("RGB", (width, height), (30, 80, 120)).save(
        buffer, format="JPEG", exif=exif, **options
    )
    return buffer.getvalue()


# --- reading the metadata (no database) ------------------------------------------------


def test_a_relative_rectangle_becomes_the_focal_box_in_pixels():
    data = jpeg(800, 450, packet(region(rectangle(0.1, 0.2, 0.25, 0.4), "mainSubjectArea")))
    assert focal_area(data) == FocalArea(x=180, y=180, width=200, height=180)


def test_pixels_circles_polygons_and_attribute_forms_are_read():
    pixels = packet(region(rectangle(600, 50, 100, 200, unit="pixel"), "subjectArea"))
    assert region_from_xmp(pixels, 800, 450) == FocalArea(650, 150, 100, 200)
    circle = {"rbShape": "circle", "rbUnit": "pixel", "rbX": 100, "rbY": 300, "rbRx": 40}
    assert region_from_xmp(packet(region(circle)), 800, 450) == FocalArea(100, 300, 80, 80)
    vertices = "".join(
        f'<rdf:li rdf:parseType="Resource"><Iptc4xmpExt:rbX>{x}</Iptc4xmpExt:rbX>'
        f"<Iptc4xmpExt:rbY>{y}</Iptc4xmpExt:rbY></rdf:li>"
        for x, y in [(0.5, 0.5), (0.75, 0.5), (0.6, 0.9)]
    )
    polygon = (
        '<rdf:li rdf:parseType="Resource"><Iptc4xmpExt:RegionBoundary rdf:parseType="Resource">'
        "<Iptc4xmpExt:rbShape>polygon</Iptc4xmpExt:rbShape>"
        "<Iptc4xmpExt:rbUnit>relative</Iptc4xmpExt:rbUnit>"
        f"<Iptc4xmpExt:rbVertices><rdf:Seq>{vertices}</rdf:Seq></Iptc4xmpExt:rbVertices>"
        "</Iptc4xmpExt:RegionBoundary></rdf:li>"
    )
    assert region_from_xmp(packet(polygon), 800, 400) == FocalArea(500, 280, 200, 160)
    # The same rectangle written as attributes of rdf:Description elements.
    attributes = (
        "<rdf:li><rdf:Description><Iptc4xmpExt:RegionBoundary><rdf:Description "
        'Iptc4xmpExt:rbShape="rectangle" Iptc4xmpExt:rbUnit="relative" Iptc4xmpExt:rbX="0.5" '
        'Iptc4xmpExt:rbY="0" Iptc4xmpExt:rbW="0.5" Iptc4xmpExt:rbH="0.5"/>'
        "</Iptc4xmpExt:RegionBoundary></rdf:Description></rdf:li>"
    )
    assert region_from_xmp(packet(attributes), 800, 400) == FocalArea(600, 100, 400, 200)


def test_the_main_subject_wins_over_a_crop_and_other_roles_are_not_a_subject():
    both = packet(
        region(rectangle(0, 0, 0.5, 0.5), "cropping"),
        region(rectangle(0.6, 0.6, 0.2, 0.2), "mainSubjectArea"),
    )
    assert region_from_xmp(both, 1000, 1000) == FocalArea(700, 700, 200, 200)
    # A square crop, a blurred face: not where a 16:9 crop should look.
    others = packet(
        region(rectangle(0, 0, 0.5, 0.5), "squareCropping"),
        region(rectangle(0.5, 0.5, 0.1, 0.1), "anonymised"),
    )
    assert region_from_xmp(others, 1000, 1000) is None


@pytest.mark.parametrize(
    "bad",
    [
        packet(region(rectangle(0.8, 0.1, 0.5, 0.5))),  # beyond the right edge
        packet(region(rectangle(-0.3, 0.1, 0.2, 0.2))),  # left of the picture
        packet(region(rectangle(5000, 10, 50, 50, unit="pixel"))),
        packet(region(rectangle(0.1, 0.1, 0, 0.2))),  # no width
        packet(region(rectangle("abc", 0.1, 0.2, 0.2))),
        packet(region(rectangle("NaN", 0.1, 0.2, 0.2))),
        packet(region(rectangle("inf", 0.1, 0.2, 0.2))),
        packet(region({"rbShape": "star", "rbUnit": "relative", "rbX": 0.5, "rbY": 0.5})),
        packet(region({"rbShape": "circle", "rbUnit": "pixel", "rbX": 10})),
        packet("<rdf:li>just text</rdf:li>"),
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><unclosed></x:xmpmeta>',
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><!DOCTYPE x [<!ENTITY a "b">]>&a;</x:xmpmeta>',
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>',
    ],
)
def test_bad_regions_are_ignored(bad):
    assert focal_area(jpeg(800, 450, bad)) is None


def test_a_file_without_a_closed_packet_or_a_rotated_file_gives_nothing():
    assert xmp_packet(b"<x:xmpmeta " * 100_000) is None  # and quickly
    region_xmp = packet(region(rectangle(0.1, 0.1, 0.2, 0.2), "mainSubjectArea"))
    # EXIF orientation 6: is the region in the stored pixels or the turned picture? Unsure,
    # so nothing rather than a crop around the wrong place.
    assert focal_area(jpeg(800, 450, region_xmp, orientation=6)) is None
    assert focal_area(b"not a picture at all") is None


def test_a_point_of_interest_becomes_a_small_box_in_the_picture():
    data = jpeg(800, 450)
    assert focal_area(data, point=(700, 100), rendition_size=(800, 450)) == FocalArea(
        700, 100, 45, 45
    )
    # Near an edge, the box shrinks to stay inside, still centred on the point.
    assert focal_area(data, point=(790, 440), rendition_size=(800, 450)) == FocalArea(
        790, 440, 20, 20
    )
    # Announced for a 1600×900 rendition, the file is 800×450: scaled.
    assert focal_area(data, point=(1400, 200), rendition_size=(1600, 900)).x == 700
    assert focal_area(data, point=(900, 100), rendition_size=(800, 450)) is None
    assert focal_area(data, point=(-5, 100), rendition_size=(800, 450)) is None
    # An XMP region, when there is one, is more precise than a point.
    with_region = jpeg(800, 450, packet(region(rectangle(0, 0, 0.5, 0.5), "mainSubjectArea")))
    assert focal_area(with_region, point=(700, 400)) == FocalArea(200, 112, 400, 225)


# --- through the ingest ---------------------------------------------------------------


def _stored_picture() -> NewsImage:
    version = WireItem.objects.get().latest_version
    return NewsImage.objects.get(pk__in=version.pictures.all())


@pytest.mark.django_db
def test_a_dispatch_picture_with_an_image_region_gets_its_focal_point(newsroom, tmp_path):
    subject = packet(region(rectangle(0.7, 0.1, 0.2, 0.3), "mainSubjectArea"))
    (tmp_path / "photo.jpg").write_bytes(jpeg(800, 450, subject))
    ingest_file(write_json(tmp_path, "a.json", with_picture(ninjs())))
    image = _stored_picture()
    assert (image.focal_point_x, image.focal_point_y) == (640, 112)
    assert (image.focal_point_width, image.focal_point_height) == (160, 135)


@pytest.mark.django_db
def test_a_ninjs_point_of_interest_gives_the_focal_point(newsroom, tmp_path):
    (tmp_path / "photo.jpg").write_bytes(jpeg(800, 450))
    item = with_picture(ninjs())
    item["associations"][0]["renditions"][1]["poi"] = {"x": 120, "y": 300}
    ingest_file(write_json(tmp_path, "a.json", item))
    image = _stored_picture()
    assert (image.focal_point_x, image.focal_point_y) == (120, 300)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "poi",
    [{"x": 5000, "y": 10}, {"x": "left", "y": 2}, "middle", [1, 2], {"x": True, "y": 1}, {}],
)
def test_bad_metadata_is_ignored_and_the_picture_still_imported(newsroom, tmp_path, poi):
    broken = packet(region(rectangle(1.5, 0.2, 0.3, 0.3), "mainSubjectArea"))
    (tmp_path / "photo.jpg").write_bytes(jpeg(800, 450, broken))
    item = with_picture(ninjs())
    item["associations"][0]["renditions"][1]["poi"] = poi
    results = ingest_file(write_json(tmp_path, "a.json", item))
    assert [r.outcome for r in results] == ["created"]
    image = _stored_picture()
    assert image.width == 800
    assert image.focal_point_x is None and image.focal_point_width is None


@pytest.mark.django_db
def test_a_json_nan_point_is_ignored(newsroom, tmp_path):
    (tmp_path / "photo.jpg").write_bytes(jpeg(800, 450))
    item = with_picture(ninjs())
    item["associations"][0]["renditions"][1]["poi"] = {"x": float("nan"), "y": 1}
    (tmp_path / "a.json").write_text(json.dumps(item))  # Python writes NaN, JSON has none
    assert [r.outcome for r in ingest_file(tmp_path / "a.json")] == ["created"]
    assert _stored_picture().focal_point_x is None
