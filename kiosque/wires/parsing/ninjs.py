"""IPTC ninjs 1.x, 2.x and 3.x, detected from the document itself.

The three majors name the same things differently (`firstcreated` / `firstCreated`,
`headline` / `headlines[]`, `body_html` / `bodies[]`, `embargoed` / `embargoedUntil`…).
Keys are read case-insensitively, each field Kiosque uses is type-checked, and anything
else (extensions included) is left in the raw payload.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from typing import Any

from kiosque.wires.body import plain_text, sanitise
from kiosque.wires.parsing.bounded_json import json_loads_bounded
from kiosque.wires.parsing.common import (
    Concept,
    ParsedItem,
    PictureRef,
    PubStatus,
    WireRejected,
    check_identity,
    check_urgency,
    is_ascii_number,
    parse_datetime_strict,
    storable_whole_number,
)
from kiosque.wires.parsing.renditions import Rendition, choose_rendition

PUBSTATUSES = {"usable": PubStatus.USABLE, "withheld": PubStatus.WITHHELD}
PUBSTATUSES["canceled"] = PubStatus.CANCELED
CAMEL_KEYS = {
    "firstCreated",
    "versionCreated",
    "pubStatus",
    "embargoedUntil",
    "copyrightHolder",
    "contentCreated",
    "altIds",
    "digitalSourceType",
    "contentType",
    "mimeType",
}
IMAGE_TYPES = {"picture", "graphic"}
TYPES = {"text", "audio", "video", "picture", "graphic", "composite", "component"}
TYPES |= {"event", "planning", "collection"}
# `people` are who an item is about, unless their `rel` says they made it (Kiosque's own
# ninjs says "author", see kiosque.api.ninjs).
AUTHOR_RELS = {"author", "creator", "writer"}


def declared_version(doc: dict) -> str:
    standard = doc.get("$standard") or doc.get("standard")
    if isinstance(standard, dict) and isinstance(standard.get("version"), str):
        return standard["version"]
    return ""


def detect_major(doc: dict) -> int:
    match = re.match(r"(\d+)", declared_version(doc))
    if match:
        return int(match.group(1))
    if CAMEL_KEYS & doc.keys():
        return 3
    if any(isinstance(doc.get(k), list) for k in ("headlines", "bodies", "descriptions")):
        return 2
    return 1


def documents_from_json(data: bytes) -> list[dict]:
    """One JSON file → its items (a single object, or a list of them)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise WireRejected(f"not UTF-8 JSON: {error.reason} at byte {error.start}") from None
    decoded = json_loads_bounded(text)
    if isinstance(decoded, dict):
        return [decoded]
    if isinstance(decoded, list):
        return decoded
    raise WireRejected("a ninjs file holds an object or a list of objects")


class _Doc:
    """Case-insensitive, type-checked access to one ninjs object."""

    def __init__(self, data: dict, where: str = ""):
        self.data = {k.lower(): v for k, v in data.items()}
        self.where = where

    def get(self, key: str, kind: type | tuple, default: Any = None) -> Any:
        value = self.data.get(key.lower())
        if value is None:
            return default
        if isinstance(value, str):
            # JSON may carry NUL ("\u0000"), which no PostgreSQL text or jsonb can hold:
            # dropped from every value Kiosque reads (the raw payload keeps it escaped).
            value = value.replace("\x00", "")
        # JSON true/false are ints to Python; never a valid number or text here.
        if isinstance(value, bool) or not isinstance(value, kind):
            names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
            raise WireRejected(f"{self.where}{key}: expected {_json_name(names)}")
        return value

    def text(self, key: str) -> str:
        return self.get(key, str, "").strip()


def _json_name(name: str) -> str:
    return {"str": "a string", "int": "an integer", "dict": "an object", "list": "a list"}.get(
        name, name
    )


def _role_value(doc: _Doc, key: str, prefer: tuple[str, ...] = ("main", "")) -> tuple[str, str]:
    """2.x/3.x lists of {role, value, contenttype}: the preferred role's value."""
    entries = doc.get(key, list, [])
    found: dict[str, tuple[str, str]] = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise WireRejected(f"{key}[{index}]: expected an object")
        entry_doc = _Doc(entry, f"{key}[{index}].")
        value = entry_doc.get("value", str, "")
        found.setdefault(entry_doc.text("role"), (value, entry_doc.text("contenttype")))
    for role in prefer:
        if role in found:
            return found[role]
    return next(iter(found.values()), ("", ""))


def _concepts(doc: _Doc, *keys: str) -> list[Concept]:
    result = []
    for key in keys:
        entries = doc.get(key, list, [])
        for index, entry in enumerate(entries):
            if not isinstance(entry, dict):
                raise WireRejected(f"{key}[{index}]: expected an object")
            entry_doc = _Doc(entry, f"{key}[{index}].")
            name = entry_doc.get("name", str, "")
            code = entry_doc.get("code", str, "") or entry_doc.get("uri", str, "")
            result.append(Concept(code=code.strip(), name=name.strip()))
    return result


def _names(doc: _Doc, key: str, *, rels: set[str] | None = None) -> list[str]:
    """The `name` of each object of a list (`people`, `infosources`), in order; with
    `rels`, only the entries whose `rel` is one of them."""
    names = []
    for index, entry in enumerate(doc.get(key, list, [])):
        if not isinstance(entry, dict):
            raise WireRejected(f"{key}[{index}]: expected an object")
        entry_doc = _Doc(entry, f"{key}[{index}].")
        name = entry_doc.text("name")
        if rels is not None and entry_doc.text("rel").casefold() not in rels:
            continue
        if name:
            names.append(name)
    return names


def _renditions(doc: _Doc) -> list[Rendition]:
    raw = doc.get("renditions", (dict, list), [])
    entries = raw.values() if isinstance(raw, dict) else raw
    renditions = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise WireRejected(f"{doc.where}renditions: expected objects")
        rendition = _Doc(entry, f"{doc.where}renditions.")
        href = rendition.text("href")
        if not href:
            continue
        renditions.append(
            Rendition(
                href=href,
                mime_type=rendition.text("mimetype") or rendition.text("contenttype"),
                width=rendition.get("width", int),
                height=rendition.get("height", int),
                poi=_point_of_interest(rendition.data.get("poi")),
            )
        )
    return renditions


def _point_of_interest(value) -> tuple[float, float] | None:
    """ninjs 3.x `poi` {x, y}, or None: a hint only, so a malformed one is ignored rather
    than rejecting the dispatch (picture_focus checks that it lies in the picture)."""
    if not isinstance(value, dict):
        return None
    point = {str(k).lower(): v for k, v in value.items()}
    x, y = point.get("x"), point.get("y")
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (x, y))
    if not numbers or not (math.isfinite(x) and math.isfinite(y)):  # JSON's NaN, Infinity
        return None
    return float(x), float(y)


def _picture(doc: _Doc) -> PictureRef | None:
    rendition = choose_rendition(_renditions(doc))
    if rendition is None:
        return None
    headline = doc.text("headline") or _role_value(doc, "headlines")[0].strip()
    caption = (
        doc.text("description_text")
        or plain_text(doc.get("description_html", str, ""))
        or plain_text(_role_value(doc, "descriptions", ("caption", "summary", ""))[0])
        or doc.text("body_text")
    )
    return PictureRef(
        href=rendition.href,
        mime_type=rendition.mime_type,
        width=rendition.width,
        height=rendition.height,
        caption=caption,
        description=headline or caption,
        headline=headline,
        photographer=doc.text("byline") or doc.text("by"),
        credit=doc.text("copyrightholder"),
        point_of_interest=rendition.poi,
    )


def _associations(doc: _Doc) -> list[PictureRef]:
    raw = doc.get("associations", (dict, list), [])
    entries = list(raw.items()) if isinstance(raw, dict) else list(enumerate(raw))
    pictures = []
    for name, entry in entries:
        if not isinstance(entry, dict):
            raise WireRejected(f"associations.{name}: expected an object")
        association = _Doc(entry, f"associations.{name}.")
        kind = association.text("type")
        if kind and kind not in IMAGE_TYPES:
            continue
        picture = _picture(association)
        if picture is not None:
            pictures.append(picture)
    return pictures


def _version(doc: _Doc) -> tuple[int | None, str]:
    """ninjs versions are strings: a number orders versions; other text only names one."""
    value = (doc.get("version", str) or "").strip()
    return (storable_whole_number(value), value) if is_ascii_number(value) else (None, value[:60])


class _Dates:
    """ninjs 1.0–1.2 typed times as free strings (their validation suite passes "Last
    Tuesday" or a time without a zone). In a 1.x document that declares no version, an
    unreadable time is noted and left out; in every other document it rejects the item."""

    def __init__(self, doc: _Doc, lenient: bool):
        self.doc, self.lenient, self.notes = doc, lenient, []

    def read(self, key: str, label: str) -> tuple[datetime | None, bool]:
        value = self.doc.get(key, str)  # a number here is refused in every version
        try:
            return parse_datetime_strict(value, label), False
        except WireRejected as rejected:
            if not self.lenient:
                raise
            self.notes.append(f"ignored (legacy ninjs 1.x): {rejected.reason}")
            return None, True


def parse_ninjs(data: dict, raw: str) -> ParsedItem:
    """One ninjs object → ParsedItem, or WireRejected with the reason."""
    if not isinstance(data, dict):
        raise WireRejected("a ninjs item must be a JSON object")
    major = detect_major(data)
    doc = _Doc(data)
    identity = doc.get("uri", str, "").strip()
    if not identity:
        raise WireRejected("missing identity: no uri")
    check_identity(identity, "uri")
    try:
        return _parse(doc, identity=identity, major=major, raw=raw)
    except WireRejected as rejected:
        rejected.identity = identity
        raise


def _parse(doc: _Doc, *, identity: str, major: int, raw: str) -> ParsedItem:
    version, version_text = _version(doc)
    item_type = doc.text("type") or "text"
    if item_type not in TYPES:
        raise WireRejected(f"type: unknown value {item_type!r}")
    status_text = doc.text("pubstatus") or "usable"
    if status_text not in PUBSTATUSES:
        raise WireRejected(f"pubStatus: unknown value {status_text!r}")
    lenient = major == 1 and not declared_version(doc.data)
    dates = _Dates(doc, lenient)
    first_created, _ = dates.read("firstcreated", "firstCreated")
    version_created, _ = dates.read("versioncreated", "versionCreated")
    embargo_key = "embargoeduntil" if "embargoeduntil" in doc.data else "embargoed"
    embargoed, unreadable_embargo = dates.read(embargo_key, embargo_key)
    if unreadable_embargo and status_text == "usable":
        # An embargo we cannot read must still hold: the item waits for an editor.
        status_text = "withheld"
    urgency = check_urgency(doc.get("urgency", int))

    headline = doc.text("headline") or doc.text("title")
    if not headline:
        headline = _role_value(doc, "headlines")[0].strip()
    standfirst = doc.text("description_text") or plain_text(doc.get("description_html", str, ""))
    if not standfirst:
        standfirst = plain_text(_role_value(doc, "descriptions", ("summary", "main", ""))[0])
    body_html = doc.get("body_html", str, "")
    if not body_html:
        value, content_type = _role_value(doc, "bodies")
        body_html = value if "html" in content_type or not content_type else ""
        if not body_html and value:
            body_html = "".join(f"<p>{p}</p>" for p in value.split("\n\n") if p.strip())
    if not body_html and doc.get("body_text", str, ""):
        body_html = "".join(f"<p>{p}</p>" for p in doc.text("body_text").split("\n\n"))

    pictures = _associations(doc)
    if item_type in IMAGE_TYPES:
        own = _picture(doc)
        if own is not None:
            pictures.insert(0, own)
    provider = ""
    if "provider" in doc.data:
        provider_value = doc.get("provider", (str, dict))
        provider = provider_value if isinstance(provider_value, str) else ""
        if isinstance(provider_value, dict):
            provider = _Doc(provider_value, "provider.").text("name")
    return ParsedItem(
        identity=identity,
        format=f"ninjs{major}",
        item_type=item_type,
        version=version,
        version_text=version_text,
        version_created=version_created or first_created or _NO_TIME,
        first_created=first_created,
        pubstatus=PUBSTATUSES[status_text],
        embargoed_until=embargoed,
        headline=headline,
        standfirst=standfirst,
        body_html=sanitise(body_html),
        byline=doc.text("byline") or doc.text("by"),
        authors=_names(doc, "people", rels=AUTHOR_RELS),
        info_sources=_names(doc, "infosources"),
        language=doc.text("language"),
        subjects=_concepts(doc, "subject", "subjects"),
        places=_concepts(doc, "place", "places"),
        genres=_concepts(doc, "genre", "genres"),
        dateline=doc.text("located"),
        urgency=urgency,
        ednote=doc.text("ednote"),
        copyright_holder=doc.text("copyrightholder"),
        provider=provider.strip(),
        pictures=pictures,
        raw=raw,
        notes=dates.notes,
    )


# An item with neither versionCreated nor firstCreated (the schema allows it): its
# version is then told apart by its payload, see services.version_key.
_NO_TIME = datetime(1970, 1, 1, tzinfo=UTC)
