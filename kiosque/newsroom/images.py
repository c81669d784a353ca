"""Responsive image renditions: which sizes exist, and the <picture> markup for them.

Every place that shows an image names a *kind* (lead, card, inline); the specs of a
kind are listed here once, so templates, prefetching and the demo's pre-generation of
renditions all agree.
"""

import functools
from dataclasses import dataclass

from kiosque.core.prepared import PreparedQuery, remember_prefetched


@dataclass(frozen=True)
class PictureKind:
    name: str
    modern_specs: tuple[str, ...]  # WebP, smallest first, in the <source srcset>
    fallback_spec: str  # JPEG for the <img src>, for the rare browser without WebP
    sizes: str  # the CSS width the picture takes, for the browser to choose a file

    @property
    def all_specs(self) -> tuple[str, ...]:
        return (*self.modern_specs, self.fallback_spec)


LEAD = PictureKind(
    name="lead",
    modern_specs=(
        "fill-480x270|format-webp",
        "fill-800x450|format-webp",
        "fill-1200x675|format-webp",
    ),
    fallback_spec="fill-800x450|format-jpeg",
    sizes="(max-width: 760px) 100vw, 720px",
)
CARD = PictureKind(
    name="card",
    modern_specs=("fill-400x225|format-webp", "fill-800x450|format-webp"),
    fallback_spec="fill-400x225|format-jpeg",
    sizes="(max-width: 600px) 100vw, 360px",
)
INLINE = PictureKind(
    name="inline",
    modern_specs=("max-480x800|format-webp", "max-800x1000|format-webp"),
    fallback_spec="max-800x1000|format-jpeg",
    sizes="(max-width: 760px) 100vw, 720px",
)

# La une's lead story: the article lead's files, in a column narrower than the article's.
FRONT_LEAD = PictureKind(
    name="front-lead",
    modern_specs=LEAD.modern_specs,
    fallback_spec=LEAD.fallback_spec,
    sizes="(max-width: 40rem) 100vw, 520px",
)

KINDS = {kind.name: kind for kind in (LEAD, CARD, INLINE, FRONT_LEAD)}
CARD_SPECS = CARD.all_specs
LEAD_SPECS = LEAD.all_specs


def picture_sources(image, kind: PictureKind) -> dict | None:
    """The files of one picture, from renditions that already exist; None without an image.

    Never creates a rendition: that is the worker's job (tasks.pregenerate_image_renditions,
    queued when an image arrives). A missing rendition is left out of the srcset; with no
    JPEG fallback yet, the original file stands in at the size the rendition will have,
    so the layout does not move, and the worker is asked (again) for the renditions.
    """
    if image is None:
        return None
    renditions = existing_renditions(image, kind.all_specs)
    if len(renditions) < len(kind.all_specs):
        request_renditions(image)
    modern = [renditions[spec] for spec in kind.modern_specs if spec in renditions]
    fallback = renditions.get(kind.fallback_spec)
    if fallback is not None:
        src, width, height = fallback.url, fallback.width, fallback.height
    else:
        src = image.file.url
        width, height = planned_size(image, kind.fallback_spec)
    return {
        "srcset": ", ".join(f"{r.url} {r.width}w" for r in modern),
        "sizes": kind.sizes,
        "src": src,
        "width": width,
        "height": height,
    }


@functools.cache
def _filter(spec: str):
    """Wagtail's Filter for a spec, built once: parsing a spec inspects its operations'
    signatures (about 0.15 ms), and a listing asks for a hundred specs per request."""
    from wagtail.images.models import Filter

    return Filter(spec=spec)


def _renditions_of(image_id: int):
    from kiosque.newsroom.models import NewsRendition

    return NewsRendition.objects.filter(image_id=image_id)


_RENDITIONS_OF = PreparedQuery("newsroom.NewsRendition", _renditions_of, image_id=int)


def existing_renditions(image, specs) -> dict:
    """{spec: rendition} for the renditions of `image` already made (prefetched, or all of
    them read once and kept on the image)."""
    from django.db.models import prefetch_related_objects

    wanted = {spec: _filter(spec).get_cache_key(image) for spec in specs}
    if "renditions" not in getattr(image, "_prefetched_objects_cache", {}):
        # Every rendition of the image, once, on the first need: an article's lead image
        # is read by the lead picture, the JSON-LD and the sharing tags (one query, not
        # three), and a page served from its fragments never asks at all.
        if type(image.pk) is int:
            remember_prefetched(image, "renditions", _RENDITIONS_OF.all(image_id=image.pk))
        else:
            prefetch_related_objects([image], "renditions")
    candidates = image.renditions.all()
    return {
        r.filter_spec: r
        for r in candidates
        if r.filter_spec in wanted and r.focal_point_key == wanted[r.filter_spec]
    }


def planned_size(image, spec: str) -> tuple[int, int]:
    """The width and height a `fill-WxH` or `max-WxH` rendition of `image` will have."""
    operation, _, size = spec.split("|")[0].partition("-")
    box_width, _, box_height = size.partition("x")
    box_width, box_height = int(box_width), int(box_height)
    if operation == "fill":
        return box_width, box_height
    scale = min(box_width / image.width, box_height / image.height, 1)
    return max(round(image.width * scale), 1), max(round(image.height * scale), 1)


def request_renditions(image) -> None:
    """Ask the worker for an image's renditions, at most once per ten minutes per image."""
    from django.core.cache import cache

    from kiosque.newsroom.tasks import pregenerate_image_renditions

    if cache.add(f"renditions-requested:{image.pk}", 1, timeout=600):
        pregenerate_image_renditions.enqueue(image_id=image.pk)


def pregenerate_renditions(image) -> None:
    """Create every rendition an image may need, so no reader request has to."""
    specs = {spec for kind in KINDS.values() for spec in kind.all_specs}
    image.get_renditions(*sorted(specs))
