"""Choosing the picture rendition to keep: the largest up to a configurable width."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Rendition:
    href: str
    mime_type: str = ""
    width: int | None = None
    height: int | None = None
    # ninjs 3.x `poi`: the point of interest, in this rendition's pixels (x, y).
    poi: tuple[float, float] | None = None


def choose_rendition(renditions: list[Rendition]) -> Rendition | None:
    limit = settings.WIRES_PICTURE_MAX_WIDTH
    images = [r for r in renditions if not r.mime_type or r.mime_type.startswith("image/")]
    fitting = [r for r in images if r.width is None or r.width <= limit]
    candidates = fitting or sorted(images, key=lambda r: r.width or 0)[:1]
    if not candidates:
        return None
    return max(candidates, key=lambda r: (r.width or 0) * (r.height or 0))
