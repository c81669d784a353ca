"""What every parser produces: one typed, format-independent dispatch.

Parsers read only the fields Kiosque uses, strictly; everything else stays in the raw
payload kept with each version (real feeds carry extensions).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class WireRejected(Exception):
    """An item (or a whole file) that cannot be ingested, with the reason to show."""

    def __init__(self, reason: str, *, identity: str = "", version: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.identity = identity
        self.version = version


class PubStatus(StrEnum):
    USABLE = "usable"
    WITHHELD = "withheld"
    CANCELED = "canceled"


class Concept(BaseModel):
    """A subject, place or genre: a code in a scheme and/or a human name."""

    model_config = ConfigDict(frozen=True)
    code: str = ""
    name: str = ""


class PictureRef(BaseModel):
    """One picture of a dispatch: the rendition chosen and what to print with it."""

    href: str
    mime_type: str = ""
    width: int | None = None
    height: int | None = None
    caption: str = ""
    description: str = ""
    credit: str = ""
    photographer: str = ""
    headline: str = ""
    # Where the subject is, in the rendition's pixels (ninjs 3.x `poi`): the focal point
    # of the picture's crops (kiosque.wires.picture_focus).
    point_of_interest: tuple[float, float] | None = None


class PackageMember(BaseModel):
    """An item a NewsML-G2 packageItem refers to (`itemRef/@residref`)."""

    identity: str
    item_class: str = ""


class ParsedItem(BaseModel):
    identity: str = Field(min_length=1, max_length=500)
    format: str
    item_type: str = "text"
    version: int | None = None
    version_text: str = ""
    version_created: datetime
    first_created: datetime | None = None
    pubstatus: PubStatus = PubStatus.USABLE
    embargoed_until: datetime | None = None
    headline: str = ""
    standfirst: str = ""
    body_html: str = ""
    byline: str = ""
    # Names the dispatch credits as its authors, one each (ninjs `people` with an author
    # `rel`): matched to the newsroom's author pages, never made into new ones.
    authors: list[str] = []
    # Parties that supplied the content (ninjs `infosources`), usually agencies: credited
    # beside the dispatch's own agency.
    info_sources: list[str] = []
    language: str = ""
    subjects: list[Concept] = []
    places: list[Concept] = []
    genres: list[Concept] = []
    dateline: str = ""
    urgency: int | None = None
    ednote: str = ""
    copyright_holder: str = ""
    provider: str = ""
    correction_signal: bool = False
    pictures: list[PictureRef] = []
    # A package's items, in the package's order (its text and its pictures).
    members: list[PackageMember] = []
    raw: str = ""
    # Parsing notes kept with the version (e.g. a legacy date Kiosque could not read).
    notes: list[str] = []

    @property
    def version_label(self) -> str:
        """The version as printed: the number, else the versionCreated timestamp."""
        if self.version is not None:
            return str(self.version)
        if self.version_text:
            return self.version_text
        return self.version_created.isoformat()

    @property
    def is_correction(self) -> bool:
        if self.correction_signal:
            return True
        if any(_CORRECTION.search(g.name) or _CORRECTION.search(g.code) for g in self.genres):
            return True
        return bool(_CORRECTION.search(self.ednote))


_CORRECTION = re.compile(r"\b(correction|rectificatif|corrige|corrected|corrects)", re.I)


# The largest whole number the database stores (a 64-bit integer, as
# WireItemVersion.version_number).
MAX_VERSION = 2**63 - 1
URGENCIES = range(1, 10)  # IPTC: 1 the most urgent, 9 the least


MAX_IDENTITY = 500  # WireItem.identity


def check_identity(identity: str, field: str) -> str:
    if len(identity) > MAX_IDENTITY:
        raise WireRejected(
            f"{field}: {len(identity)} characters, the limit is {MAX_IDENTITY}",
            identity=identity[:100],
        )
    return identity


def storable_whole_number(text: str, field: str = "version") -> int:
    """ASCII digits → their number; one too large to store is refused (its digits are
    counted first: Python refuses to convert thousands of them)."""
    if len(text) > len(str(MAX_VERSION)) or int(text) > MAX_VERSION:
        raise WireRejected(f"{field}: a number too large ({len(text)} digits)")
    return int(text)


def check_urgency(value: int | None) -> int | None:
    if value is not None and value not in URGENCIES:
        raise WireRejected(f"urgency: expected 1 to 9, got {value}")
    return value


def is_ascii_number(text: str) -> bool:
    """Only 0-9: str.isdigit() also accepts "²" or "١٢", which int() may refuse."""
    return text.isascii() and text.isdigit()


def check_aware(value: datetime, field: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise WireRejected(f"{field}: date without a time zone ({value.isoformat()})")
    return value


def parse_datetime_strict(value: object, field: str) -> datetime | None:
    """An ISO 8601 date-time with a time zone; a date alone or a naive time is refused."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise WireRejected(f"{field}: expected a date-time string, got {type(value).__name__}")
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise WireRejected(f"{field}: not an ISO 8601 date-time ({value!r})") from None
    if "T" not in text and " " not in text:
        raise WireRejected(f"{field}: a date without a time ({value!r})")
    check_aware(parsed, field)
    try:
        # Stored in UTC: 0001-01-01T00:00+14:00 or 9999-12-31T23:59-14:00 have no UTC.
        parsed.astimezone(UTC)
    except OverflowError:
        raise WireRejected(f"{field}: out of range in UTC ({value!r})") from None
    return parsed
