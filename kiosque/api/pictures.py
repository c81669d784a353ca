"""The lead picture of an article as the API describes it: files, sizes, words.

The JSON representation lists the lead renditions the newsroom already generates for
its pages (no image work during an API request in the usual case); ninjs adds one
uncropped rendition (`FULL_SPEC`), the picture a partner would republish.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from kiosque.api.urls_absolute import absolute_url
from kiosque.newsroom.images import LEAD, existing_renditions, planned_size, request_renditions
from kiosque.newsroom.text.photo_credit import photo_credit

logger = logging.getLogger(__name__)

# Uncropped, at most 1,600 px on its longer side, JPEG: what ninjs offers as the picture.
FULL_SPEC = "max-1600x1600|format-jpeg|jpegquality-85"
MIME_TYPES = {"jpeg": "image/jpeg", "jpg": "image/jpeg", "webp": "image/webp", "png": "image/png"}


@dataclass(frozen=True)
class RenditionFile:
    name: str
    url: str
    width: int
    height: int
    content_type: str


@dataclass(frozen=True)
class LeadPicture:
    image_id: int
    main: RenditionFile
    renditions: tuple[RenditionFile, ...]
    alt: str
    caption: str
    credit: str
    photographer: str
    source: str
    agency: str


def _content_type(rendition) -> str:
    extension = rendition.file.name.rsplit(".", 1)[-1].lower()
    return MIME_TYPES.get(extension, "application/octet-stream")


def _file(name: str, rendition) -> RenditionFile:
    return RenditionFile(
        name=name,
        url=absolute_url(rendition.url),
        width=rendition.width,
        height=rendition.height,
        content_type=_content_type(rendition),
    )


def _spec_name(spec: str) -> str:
    """`fill-800x450|format-webp` → `800x450-webp`: a stable, readable rendition name."""
    size = spec.split("|")[0].split("-", 1)[1]
    kind = spec.split("format-")[1].split("|")[0] if "format-" in spec else "original"
    return f"{size}-{kind}"


def lead_picture(article, *, with_full: bool = False) -> LeadPicture | None:
    """The article's lead picture, or None without one.

    Like the article page (kiosque.newsroom.images), the JSON answers only list
    renditions that exist and ask the worker for missing ones; until the fallback JPEG
    exists, the original file stands in at the size it will have. ninjs (`with_full`)
    also offers the uncropped FULL_SPEC, made on the spot the first time it is asked
    for: one picture per request, once per image. A lead image whose file is missing
    is left out (and logged) rather than failing the article.
    """
    image = article.lead_image
    if image is None:
        return None
    specs = [*LEAD.modern_specs, LEAD.fallback_spec]
    try:
        found = existing_renditions(image, specs)
        if len(found) < len(specs):
            request_renditions(image)
        if with_full:
            # From an instance without the prefetched renditions (LEAD specs only), which
            # would hide an existing FULL_SPEC one from Wagtail and make it insert it again.
            fresh = type(image).objects.get(pk=image.pk)
            found[FULL_SPEC] = fresh.get_rendition(FULL_SPEC)
    except OSError:  # Wagtail's SourceImageIOError: the original file is gone
        logger.warning("lead image %s of article %s cannot be read", image.pk, article.pk)
        return None
    files = tuple(
        _file(_spec_name(spec), found[spec]) for spec in [*specs, FULL_SPEC] if spec in found
    )
    if with_full:
        main = files[-1]
    elif LEAD.fallback_spec in found:
        main = _file(_spec_name(LEAD.fallback_spec), found[LEAD.fallback_spec])
    else:
        width, height = planned_size(image, LEAD.fallback_spec)
        main = RenditionFile("original", absolute_url(image.file.url), width, height, "")
    return LeadPicture(
        image_id=image.pk,
        main=main,
        renditions=files,
        alt=article.lead_image_alt or image.description,
        caption=article.lead_image_caption or image.caption,
        credit=article.lead_image_credit
        or photo_credit(photographer=image.photographer, source=image.source, agency=image.agency),
        photographer=image.photographer,
        source=image.source,
        agency=image.agency,
    )
