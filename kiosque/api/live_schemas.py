"""The shapes of the lives list and of the write API's entry, for the OpenAPI document.

The entry a client sends is checked whole before anything is written: unknown fields,
wrong types (no "true" for true, no 12 for "12"), lengths and control characters are
refused with a 422 naming each field, and nothing is stored.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Schema
from pydantic import ConfigDict, Field, StrictBool, StrictStr, field_validator, model_validator

from kiosque.api.entry_text import CONTROL_IN_LINE, CONTROL_IN_TEXT, paragraphs
from kiosque.api.queries import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

LiveStateValue = Literal["upcoming", "running", "ended"]
MAX_TITLE = 200  # LiveEntry.title
MAX_TEXT = 10_000


class LiveQuery(Schema):
    state: LiveStateValue | None = Field(
        None, description="Only the lives in this state now: upcoming, running or ended."
    )
    cursor: str | None = Field(
        None,
        max_length=400,
        pattern=r"^[A-Za-z0-9_:\-]*$",
        description="The `next` value of the previous page, as is.",
    )
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class Live(Schema):
    id: int = Field(description="The live's page id (also its id in /articles).")
    title: str
    url: str = Field(description="Public address of the live page.")
    api_url: str = Field(description="The live as an article, in this API.")
    entries_url: str = Field(description="Where to POST entries (with a token).")
    state: LiveStateValue = Field(
        description="upcoming, running or ended, at the time of the answer."
    )
    coverage_start: datetime = Field(description="When the coverage starts (or started).")
    coverage_end: datetime | None = Field(
        description="When it ends (or ended); null while open-ended."
    )
    published: datetime = Field(description="First publication (UTC, ISO 8601).")


class LiveList(Schema):
    items: list[Live]
    next: str | None = Field(description="Cursor of the next page; null on the last page.")
    next_url: str | None = Field(description="The next page's address, filters included.")


class EntryIn(Schema):
    """A new entry. Give a `text`, a `title` or both."""

    model_config = ConfigDict(extra="forbid")

    text: StrictStr = Field(
        "",
        max_length=MAX_TEXT,
        description="Plain text (no HTML: « <b> » shows as typed). A blank line separates "
        "paragraphs; a single line break stays a line break.",
    )
    title: StrictStr = Field("", max_length=MAX_TITLE, description="A short headline, on one line.")
    key: StrictBool = Field(False, description="true for a key event (listed at the top).")

    @field_validator("text")
    @classmethod
    def _text_characters(cls, value: str) -> str:
        if CONTROL_IN_TEXT.search(value):
            raise ValueError("must not contain control characters (tabs and line breaks are fine)")
        return value

    @field_validator("title")
    @classmethod
    def _title_characters(cls, value: str) -> str:
        if CONTROL_IN_LINE.search(value):
            raise ValueError("must be one line without control characters")
        return value

    @model_validator(mode="after")
    def _says_something(self):
        if not self.title.strip() and not paragraphs(self.text):
            raise ValueError("an entry needs a text or a title")
        return self


class EntryCreated(Schema):
    id: int = Field(description="The entry's id.")
    status: Literal["published", "pending"] = Field(
        description="published: readers see it now; pending: it waits for an editor's "
        "approval (a journalist's token on a live whose entries need approval)."
    )
    permalink: str = Field(
        description="The entry's own public address (it answers once the entry is published)."
    )
    live: int = Field(description="The live's id.")
    posted_at: datetime = Field(description="The entry's time (UTC, ISO 8601).")
