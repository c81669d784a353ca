"""Opaque, signed cursors for keyset pagination of the article list.

A cursor is the position of the last article of a page: its first publication time and
its page id, the two columns the list is sorted by. It is signed with the site's secret
key, so a client can neither forge a position nor read more into it than "continue here";
anything that does not verify is refused (400), never guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core import signing

SALT = "kiosque.api.cursor.v1"


class BadCursor(ValueError):
    """A cursor that was not produced by this site, or was altered."""


@dataclass(frozen=True)
class Position:
    published: datetime
    pk: int


def cursor_encode(position: Position) -> str:
    return signing.dumps([position.published.isoformat(), position.pk], salt=SALT)


def cursor_decode(cursor: str) -> Position:
    try:
        published, pk = signing.loads(cursor, salt=SALT)
        when = datetime.fromisoformat(published)
    except (signing.BadSignature, ValueError, TypeError):
        raise BadCursor("invalid cursor: use the `next` value of a previous page as is") from None
    if when.tzinfo is None or not isinstance(pk, int) or isinstance(pk, bool):
        raise BadCursor("invalid cursor: use the `next` value of a previous page as is")
    return Position(published=when, pk=pk)
