"""The lead picture of an article as the API describes it: files, sizes, words.

The JSON representation lists the lead renditions the newsroom already generates for
its pages; ninjs adds one uncropped rendition (`FULL_SPEC`), the picture a partner would
republish. An API request never makes a rendition (the worker does, see
kiosque.newsroom.images): what is missing is asked for and stood in for meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosque.api.urls_absolute import absolute_url
from kiosque.newsroom.images import (
    LEAD,
    box_width,
    existing_renditions,
    planned_size,
    request_renditions,
)
from kiosque.newsroom.text.photo_credit import photo_credit

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


def pregenerate_full_rendition(image) -> None:
    """Make the uncropped FULL_SPEC rendition now: for the worker's pregeneration of an
    image's renditions (kiosque.newsroom.tasks, registered in apps.py), never for a request."""
    image.get_rendition(FULL_SPEC)


def _existing_full(image):
    """The FULL_SPEC rendition if the worker made it, else None.

    Asked of the rendition table itself: the API's articles come with only their LEAD
    renditions prefetched (kiosque.api.selectors), and `image.renditions.filter()` would
    add to that prefetch's own filter and never find it."""
    from wagtail.images.models import Filter

    key = Filter(spec=FULL_SPEC).get_cache_key(image)
    renditions = image.get_rendition_model().objects
    return renditions.filter(image_id=image.pk, filter_spec=FULL_SPEC, focal_point_key=key).first()


def _full_stand_in(image) -> RenditionFile | None:
    """Until FULL_SPEC exists: the original file when it is what FULL_SPEC would be
    (no larger than its box, a format partners read), at its real size; else nothing,
    and the largest lead rendition is the largest offered meanwhile."""
    if planned_size(image, FULL_SPEC) != (image.width, image.height):
        return None
    content_type = _content_type(image)
    if content_type not in MIME_TYPES.values():
        return None
    return RenditionFile(
        "original", absolute_url(image.file.url), image.width, image.height, content_type
    )


def lead_picture(article, *, with_full: bool = False) -> LeadPicture | None:
    """The article's lead picture, or None without one.

    Like the article page (kiosque.newsroom.images), the answers only list renditions
    that exist and ask the worker for missing ones; until the fallback JPEG exists, the
    original file stands in at the size it will have. ninjs (`with_full`) also offers
    the uncropped FULL_SPEC once the worker has made it, the original meanwhile when it
    is small enough (see `_full_stand_in`). No image file is read here: sizes come from
    the database.
    """
    image = article.lead_image
    if image is None:
        return None
    # The lead's crops up to 1,200 px (none larger than the original): above that, ninjs
    # offers the uncropped FULL_SPEC; the 1,600 and 2,000 px crops are for DPR 2 screens.
    specs = [spec for spec in LEAD.specs_for(image) if box_width(spec) <= 1200]
    found = existing_renditions(image, specs)
    full = _existing_full(image) if with_full else None
    if len(found) < len(specs) or (with_full and full is None):
        request_renditions(image)
    files = [_file(_spec_name(spec), found[spec]) for spec in specs if spec in found]
    if full is not None:
        files.append(_file(_spec_name(FULL_SPEC), full))
    elif with_full and (stand_in := _full_stand_in(image)) is not None:
        files.append(stand_in)
    if LEAD.fallback_spec in found:
        main = _file(_spec_name(LEAD.fallback_spec), found[LEAD.fallback_spec])
    else:
        width, height = planned_size(image, LEAD.fallback_spec)
        main = RenditionFile("original", absolute_url(image.file.url), width, height, "")
    return LeadPicture(
        image_id=image.pk,
        main=main,
        renditions=tuple(files),
        alt=article.lead_image_alt or image.description,
        caption=article.lead_image_caption or image.caption,
        credit=article.lead_image_credit
        or photo_credit(photographer=image.photographer, source=image.source, agency=image.agency),
        photographer=image.photographer,
        source=image.source,
        agency=image.agency,
    )
