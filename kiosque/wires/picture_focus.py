"""Where a wire picture's subject is, from its metadata: the focal point of its crops.

Two standard places say it:

- the IPTC Photo Metadata « Image Region » (2019.1) embedded in the file's XMP packet: a
  rectangle, circle or polygon, in pixels or relative to the picture, with roles from
  the IPTC's imageregionrole vocabulary (main subject area, area of interest, cropping…);
- ninjs 3.x's `poi` of a rendition: a point, in that rendition's pixels.

What is found becomes the Wagtail focal point (centre and size of a box, in pixels of the
stored file), which every `fill` crop keeps in the frame. Metadata is a hint, never a
reason to refuse a picture: anything missing, malformed, out of the picture or
ambiguous (a rotated file, whose pixel frame the region may or may not follow) is
ignored and the picture is cropped around its centre as before.
"""

from __future__ import annotations

import io
import logging
import math
import re
from dataclasses import dataclass

from lxml import etree
from PIL import Image

IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
# Region roles that say where the subject is, most telling first. A region without a
# role comes last; one whose roles are all others (a portrait crop, an anonymised face)
# is not a focal point for a 16:9 crop.
ROLES = ("mainSubjectArea", "subjectArea", "areaOfInterest", "recomCropping")
ROLES += ("landscapeCropping", "cropping")
_ROLE_RANK = {role.casefold(): rank for rank, role in enumerate(ROLES)}
_NO_ROLE_RANK = len(ROLES)
logger = logging.getLogger(__name__)

XMP_MAX_BYTES = 1_000_000  # an XMP packet in a JPEG segment is at most 64 KB
_XMP_START = re.compile(rb"<([\w.-]+:)?xmpmeta[\s>]")
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
TOLERANCE = 0.01  # of the picture's size: rounding by the tool that wrote the region


@dataclass(frozen=True)
class FocalArea:
    """A box in pixels of the stored picture, as Wagtail's focal point fields hold it."""

    x: int  # centre
    y: int
    width: int
    height: int

    def apply_to(self, image) -> None:
        image.focal_point_x = self.x
        image.focal_point_y = self.y
        image.focal_point_width = self.width
        image.focal_point_height = self.height


def focal_area(
    data: bytes, *, point: tuple[int, int] | None = None, rendition_size=None
) -> FocalArea | None:
    """The focal area of a picture file: its XMP image region, else the ninjs `point`
    (pixels of the rendition of `rendition_size` announced, the file fetched), else None.
    Never raises: the picture was checked before, and its metadata is only a hint."""
    try:
        with Image.open(io.BytesIO(data)) as picture:
            width, height = picture.size
            orientation = picture.getexif().get(0x0112, 1)
        if orientation not in (1, None) or width < 1 or height < 1:
            return None
        box = region_from_xmp(xmp_packet(data), width, height)
        if box is None and point is not None:
            box = box_around_point(point, width, height, rendition_size)
    except Exception:  # a hint that cannot be read is no hint: cropped around the centre
        logger.warning("picture metadata: focal area not read", exc_info=True)
        return None
    return box


def xmp_packet(data: bytes) -> bytes | None:
    """The raw XMP packet embedded in an image file (JPEG APP1, PNG iTXt, WebP XMP chunk
    all keep it as plain text), or None."""
    start = _XMP_START.search(data)
    if start is None:
        return None
    closing = b"</" + (start.group(1) or b"") + b"xmpmeta>"
    # Looked for within XMP_MAX_BYTES only: a file full of openings cannot make this slow.
    end = data.find(closing, start.end(), start.start() + XMP_MAX_BYTES)
    return data[start.start() : end + len(closing)] if end >= 0 else None


def _parse(packet: bytes):
    if _DOCTYPE.search(packet):
        return None
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    try:
        return etree.fromstring(packet, parser=parser)
    except (etree.LxmlError, ValueError):
        return None


# --- RDF: a property is a child element or an attribute, of the node or of its
# rdf:Description; a structure is an element with children or a Description.


def _nodes(node):
    """The node and the rdf:Description(s) directly inside it, which carry its fields."""
    return [node, *node.findall(f"{{{RDF}}}Description")]


def _field(node, name: str):
    """A field of an RDF structure: the element, or the attribute's text, or None."""
    for holder in _nodes(node):
        if (value := holder.get(f"{{{IPTC_EXT}}}{name}")) is not None:
            return value
        if (child := holder.find(f"{{{IPTC_EXT}}}{name}")) is not None:
            return child
    return None


def _text(node, name: str) -> str:
    value = _field(node, name)
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    return (value.text or "").strip()


def _items(node) -> list:
    """The rdf:li of a Bag, Seq or Alt directly under `node`."""
    return [li for container in node for li in container.findall(f"{{{RDF}}}li")]


def _number(node, name: str) -> float | None:
    try:
        value = float(_text(node, name))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _roles(region) -> set[str]:
    """The region's role terms (the last part of each imageregionrole URI, or a name)."""
    roles = _field(region, "rRole")
    if roles is None or isinstance(roles, str):
        return set()
    terms = set()
    for entity in _items(roles):
        identifiers = _field(entity, "Identifier")
        if identifiers is not None and not isinstance(identifiers, str):
            for identifier in _items(identifiers):
                terms.add((identifier.text or "").strip().rstrip("/").rsplit("/", 1)[-1])
    return {term.casefold() for term in terms if term}


def _rank(region) -> int | None:
    roles = _roles(region)
    if not roles:
        return _NO_ROLE_RANK
    ranks = [_ROLE_RANK[role] for role in roles if role in _ROLE_RANK]
    return min(ranks) if ranks else None


def _boundary_box(boundary, width: int, height: int) -> tuple[float, ...] | None:
    """(left, top, right, bottom) in pixels of a RegionBoundary, or None."""
    relative = _text(boundary, "rbUnit").casefold() == "relative"
    scale_x, scale_y = (width, height) if relative else (1, 1)
    shape = _text(boundary, "rbShape").casefold()
    if shape == "rectangle":
        values = [_number(boundary, n) for n in ("rbX", "rbY", "rbW", "rbH")]
        if None in values:
            return None
        x, y, w, h = values
        return x * scale_x, y * scale_y, (x + w) * scale_x, (y + h) * scale_y
    if shape == "circle":
        values = [_number(boundary, n) for n in ("rbX", "rbY", "rbRx")]
        if None in values:
            return None
        x, y, radius = values
        # The radius is measured along the width, in relative units as well.
        x, y, radius = x * scale_x, y * scale_y, radius * scale_x
        return x - radius, y - radius, x + radius, y + radius
    if shape == "polygon":
        vertices = _field(boundary, "rbVertices")
        if vertices is None or isinstance(vertices, str):
            return None
        points = [(_number(v, "rbX"), _number(v, "rbY")) for v in _items(vertices)]
        if len(points) < 3 or any(None in point for point in points):
            return None
        xs = [x * scale_x for x, _ in points]
        ys = [y * scale_y for _, y in points]
        return min(xs), min(ys), max(xs), max(ys)
    return None


def _inside(box, width: int, height: int) -> tuple[float, ...] | None:
    """The box if it lies in the picture (give or take TOLERANCE) and has an area."""
    left, top, right, bottom = box
    slack_x, slack_y = width * TOLERANCE, height * TOLERANCE
    if left < -slack_x or top < -slack_y or right > width + slack_x or bottom > height + slack_y:
        return None
    left, top = max(left, 0), max(top, 0)
    right, bottom = min(right, width), min(bottom, height)
    if right - left < 1 or bottom - top < 1:
        return None
    return left, top, right, bottom


def _as_focal_area(box) -> FocalArea:
    left, top, right, bottom = box
    return FocalArea(
        x=round((left + right) / 2),
        y=round((top + bottom) / 2),
        width=max(round(right - left), 1),
        height=max(round(bottom - top), 1),
    )


def region_from_xmp(packet: bytes | None, width: int, height: int) -> FocalArea | None:
    """The most telling usable IPTC image region of an XMP packet (see ROLES)."""
    if not packet:
        return None
    root = _parse(packet)
    if root is None:
        return None
    best = None
    for regions in root.iter(f"{{{IPTC_EXT}}}ImageRegion"):
        for region in _items(regions):
            rank = _rank(region)
            boundary = _field(region, "RegionBoundary")
            if rank is None or boundary is None or isinstance(boundary, str):
                continue
            box = _boundary_box(boundary, width, height)
            box = _inside(box, width, height) if box is not None else None
            if box is not None and (best is None or rank < best[0]):
                best = (rank, box)
    return _as_focal_area(best[1]) if best else None


def box_around_point(point, width: int, height: int, rendition_size=None) -> FocalArea | None:
    """A small focal box centred on a point of interest, or None when the point is not
    in the picture. The point is in pixels of the rendition the feed described; when
    that size is known and differs from the file's, it is scaled to the file."""
    try:
        x, y = (float(value) for value in point)
    except (TypeError, ValueError):
        return None
    if rendition_size and all(rendition_size) and tuple(rendition_size) != (width, height):
        x, y = x * width / rendition_size[0], y * height / rendition_size[1]
    if not (math.isfinite(x) and math.isfinite(y) and 0 <= x <= width and 0 <= y <= height):
        return None
    # A tenth of the shorter side, shrunk near an edge so that the box stays in the
    # picture and keeps the point at its centre.
    half = min(min(width, height) / 20, x, width - x, y, height - y)
    half = max(half, 0.5)
    return _as_focal_area((x - half, y - half, x + half, y + half))
