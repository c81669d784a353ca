"""Responsive image renditions: which sizes exist, and the <picture> markup for them.

Every place that shows an image names a *kind* (lead, card, inline); the specs of a
kind are listed here once, so templates, prefetching and the demo's pre-generation of
renditions all agree.

Sizes (decision 0069): each kind's largest file is at least twice the largest width the
picture takes in site.css, so that a screen of device pixel ratio 2 gets a sharp
picture, and `sizes` follows site.css's columns so that the browser takes the smallest
file that is sharp enough. Nothing is ever enlarged: an image gets the specs its own
size can fill (`PictureKind.specs_for`). Every crop is a `fill`, centred on the image's
focal point when it has one (set by an editor, or by a wire picture's metadata).

What is made when: an image that arrives gets every kind's files up to the kind's
`arrival_max_width` (cards and leads up to 1,600 px: sharp at DPR 2 at once; pictures in
a body up to 800 px, as most pictures never go there). The larger ones (the article
lead's 2,000 px, the body's 1,200 and 1,600 px) are made the first time a page shows the
image that way; until then the srcset offers the others.
"""

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from kiosque.core.prepared import PreparedQuery, remember_prefetched

# By default, widths up to this one are made as soon as an image arrives (upload or wire).
ARRIVAL_MAX_WIDTH = 1600


@dataclass(frozen=True)
class PictureKind:
    name: str
    modern_specs: tuple[str, ...]  # WebP, smallest first, in the <source srcset>
    fallback_spec: str  # JPEG for the <img src>, for the rare browser without WebP
    sizes: str  # the CSS width the picture takes, for the browser to choose a file
    arrival_max_width: int = ARRIVAL_MAX_WIDTH  # wider: made once a page shows one

    @property
    def all_specs(self) -> tuple[str, ...]:
        return (*self.modern_specs, self.fallback_spec)

    def specs_for(self, image) -> tuple[str, ...]:
        """The specs worth making for `image`: each modern spec only when it gives a wider
        file than the one before (no enlarging: a 1,600 px original has no 2,000 px
        rendition, and its `fill-2000x1125` would only repeat the 1,600 px file); the
        JPEG fallback always."""
        kept, widest = [], 0
        for spec in self.modern_specs:
            width = planned_size(image, spec)[0]
            if width > widest:
                kept.append(spec)
                widest = width
        return (*kept, self.fallback_spec)

    def arrival_specs_for(self, image) -> tuple[str, ...]:
        """Those of `specs_for` made as soon as the image arrives."""
        return tuple(s for s in self.specs_for(image) if box_width(s) <= self.arrival_max_width)


# The 16:9 crops cards and leads share: one file serves every kind that lists it.
FILL_480 = "fill-480x270|format-webp"
FILL_800 = "fill-800x450|format-webp"
FILL_1200 = "fill-1200x675|format-webp"
FILL_1600 = "fill-1600x900|format-webp"
FILL_2000 = "fill-2000x1125|format-webp"
FILL_JPEG = "fill-800x450|format-jpeg"

# The `sizes` below follow site.css: <main> is at most 72rem wide with 1rem of padding
# (0.75rem up to 40rem); an article's column is 70ch, about 760 px. Up to 40rem every
# column is the page's width. tests/newsroom/test_images_browser.py checks in Chromium
# that the file a DPR 2 screen loads is at least twice the width shown.

# The article page's lead: the article's column, 760 px (1,520 px at DPR 2).
LEAD = PictureKind(
    name="lead",
    modern_specs=(FILL_480, FILL_800, FILL_1200, FILL_1600, FILL_2000),
    fallback_spec=FILL_JPEG,
    sizes="(max-width: 40rem) calc(100vw - 1.5rem), (max-width: 49.5rem) calc(100vw - 2rem), 760px",
)
# La une's lead story: three fifths of its card, in the main column (two thirds of the
# page beside « Fil info » from 62rem): 616 px on a 640 px phone, 480 px on a desktop.
FRONT_LEAD = PictureKind(
    name="front-lead",
    modern_specs=(FILL_480, FILL_800, FILL_1200, FILL_1600),
    fallback_spec=FILL_JPEG,
    sizes=(
        "(max-width: 40rem) calc(100vw - 1.5rem), (max-width: 62rem) calc(60vw - 1.8rem), "
        "(max-width: 72rem) calc(45vw - 2.4rem), 30rem"
    ),
)
# A card in a list: the page's width on a phone (a section's listing), at most 25rem
# wider up (two related articles side by side: 368 px; la une's blocks: 262 px).
CARD = PictureKind(
    name="card",
    modern_specs=(FILL_480, FILL_800, FILL_1200, FILL_1600),
    fallback_spec=FILL_JPEG,
    sizes="(max-width: 40rem) calc(100vw - 1.5rem), 25rem",
)
# La une's compact rows: a 6.5rem thumbnail beside the title on a phone, a card wider up.
CARD_COMPACT = PictureKind(
    name="card-compact",
    modern_specs=CARD.modern_specs,
    fallback_spec=CARD.fallback_spec,
    sizes="(max-width: 40rem) 6.5rem, 25rem",
)
# A picture in an article's body, uncropped: the article's column.
INLINE = PictureKind(
    name="inline",
    modern_specs=(
        "max-480x800|format-webp",
        "max-800x1000|format-webp",
        "max-1200x1500|format-webp",
        "max-1600x2000|format-webp",
    ),
    fallback_spec="max-800x1000|format-jpeg",
    sizes=LEAD.sizes,
    arrival_max_width=800,
)

KINDS = {kind.name: kind for kind in (LEAD, CARD, CARD_COMPACT, INLINE, FRONT_LEAD)}
CARD_SPECS = CARD.all_specs
LEAD_SPECS = LEAD.all_specs


def picture_sources(image, kind: PictureKind) -> dict | None:
    """The files of one picture, from renditions that already exist; None without an image.

    Never creates a rendition: that is the worker's job (tasks.pregenerate_image_renditions,
    queued when an image arrives, and again for a kind a page finds incomplete). A missing
    rendition is left out of the srcset; with no JPEG fallback yet, the original file
    stands in at the size the rendition will have, so the layout does not move.
    """
    if image is None:
        return None
    specs = kind.specs_for(image)
    renditions = existing_renditions(image, specs)
    if len(renditions) < len(specs):
        request_kind_renditions(image, kind)
    modern = [renditions[spec] for spec in specs[:-1] if spec in renditions]
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


@functools.cache
def _box(spec: str) -> tuple[str, int, int]:
    """`fill-800x450|format-webp` → ("fill", 800, 450), parsed once per spec."""
    operation, _, size = spec.split("|")[0].partition("-")
    box_w, _, box_h = size.partition("x")
    return operation, int(box_w), int(box_h)


def box_width(spec: str) -> int:
    """The W of a `fill-WxH` or `max-WxH` spec."""
    return _box(spec)[1]


def planned_size(image, spec: str) -> tuple[int, int]:
    """The width and height a `fill-WxH` or `max-WxH` rendition of `image` will have.

    Like Wagtail, never larger than the original: `fill` crops the largest W:H box the
    image holds and shrinks it to W×H only when that box is larger."""
    operation, box_w, box_h = _box(spec)
    if not image.width or not image.height:
        return box_w, box_h
    if operation == "fill":
        crop_w = min(image.width, image.height * box_w / box_h)
        scale = min(box_w / crop_w, 1)
        return max(round(crop_w * scale), 1), max(round(crop_w * box_h / box_w * scale), 1)
    scale = min(box_w / image.width, box_h / image.height, 1)
    return max(round(image.width * scale), 1), max(round(image.height * scale), 1)


def _enqueue_once(image, kinds: list[str] | None, key: str) -> None:
    from django.core.cache import cache

    from kiosque.newsroom.tasks import pregenerate_image_renditions

    # At most once per ten minutes per image (and kind): a page read a thousand times
    # before the worker has run asks once.
    if cache.add(key, 1, timeout=600):
        pregenerate_image_renditions.enqueue(image_id=image.pk, kinds=kinds)


def request_renditions(image) -> None:
    """Ask the worker for the renditions made when an image arrives, those of the apps
    above included (sharing, the API): at most once per ten minutes per image."""
    _enqueue_once(image, None, f"renditions-requested:{image.pk}")


def request_kind_renditions(image, kind: PictureKind) -> None:
    """Ask the worker for the renditions a page shows `image` with, as `kind`."""
    _enqueue_once(image, [kind.name], f"renditions-requested:{image.pk}:{kind.name}")


def specs_of(image, kinds: Iterable[PictureKind]) -> list[str]:
    """Every spec worth making for `image` as any of `kinds`, each once."""
    return sorted({spec for kind in kinds for spec in kind.specs_for(image)})


def arrival_specs(image) -> list[str]:
    """The specs made as soon as an image arrives (see the module's docstring)."""
    return sorted({spec for kind in KINDS.values() for spec in kind.arrival_specs_for(image)})


def pregenerate_renditions(image, kinds: Iterable[PictureKind] | None = None) -> None:
    """Create renditions of an image before a reader asks for them: those made when an
    image arrives (`kinds` None), or every size of `kinds`."""
    specs = arrival_specs(image) if kinds is None else specs_of(image, kinds)
    if specs:
        image.get_renditions(*specs)


FOCAL_POINT_FIELDS = frozenset(
    {"focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height"}
)


def crops_outdated(image) -> bool:
    """Whether the image's crops were made for another focal point than its own and not
    yet for this one (an editor has just moved it): one query, on the JPEG every image
    gets on arrival."""
    made_for = set(
        image.renditions.filter(filter_spec=FILL_JPEG).values_list("focal_point_key", flat=True)
    )
    return bool(made_for) and _filter(FILL_JPEG).get_cache_key(image) not in made_for
