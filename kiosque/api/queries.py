"""The query parameters the article list accepts, validated before any query runs."""

from __future__ import annotations

from datetime import UTC, datetime

from ninja import Schema
from pydantic import Field, field_validator

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
# Page ids are 32-bit integers in Wagtail's table; anything larger is no page.
MAX_ID = 2_147_483_647
ID_FIELD = {"ge": 1, "le": MAX_ID}
NO_CONTROL_CHARACTERS = r"^[^\x00-\x1f\x7f]*$"


class ArticleQuery(Schema):
    section: int | None = Field(
        None, **ID_FIELD, description="A section's id: its articles and its subsections'."
    )
    topic: int | None = Field(None, **ID_FIELD, description="A topic's id.")
    author: int | None = Field(None, **ID_FIELD, description="An author's id.")
    updated_since: datetime | None = Field(
        None,
        description="Articles published or republished (typo fixes included) at or after "
        "this time: ISO 8601 with a time zone, e.g. 2026-11-25T09:30:00+01:00.",
    )
    q: str | None = Field(
        None,
        max_length=200,
        pattern=NO_CONTROL_CHARACTERS,
        description="Words to search for in the title, standfirst and body.",
    )
    cursor: str | None = Field(
        None,
        max_length=400,
        pattern=r"^[A-Za-z0-9_:\-]*$",
        description="The `next` value of the previous page, as is.",
    )
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)

    @field_validator("updated_since", mode="before")
    @classmethod
    def _aware_iso_datetime(cls, value):
        if value is None or isinstance(value, datetime):
            return value
        text = str(value).strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            parsed = None
        if parsed is None or "T" not in text.upper() or parsed.utcoffset() is None:
            raise ValueError(
                "must be an ISO 8601 date and time with a time zone offset, "
                "e.g. 2026-11-25T09:30:00+01:00"
            )
        try:
            # The query compares in UTC: year 1 ahead of UTC, or year 9999 behind it,
            # has no UTC time (an OverflowError in the query, a 500, otherwise).
            return parsed.astimezone(UTC)
        except OverflowError:
            raise ValueError("is out of range: no such time in UTC") from None


def unknown_parameters(request, known: set[str]) -> list[str]:
    return sorted(set(request.GET) - known)
