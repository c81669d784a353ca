"""Responsive image renditions: which sizes exist, and the <picture> markup for them.

Every place that shows an image names a *kind* (lead, card, inline); the specs of a
kind are listed here once, so templates, prefetching and the demo's pre-generation of
renditions all agree.
"""

from dataclasses import dataclass


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

KINDS = {kind.name: kind for kind in (LEAD, CARD, INLINE)}
CARD_SPECS = CARD.all_specs
LEAD_SPECS = LEAD.all_specs


def picture_sources(image, kind: PictureKind) -> dict | None:
    """The files of one picture, fetched or created in one call; None without an image."""
    if image is None:
        return None
    renditions = image.get_renditions(*kind.all_specs)
    modern = [renditions[spec] for spec in kind.modern_specs]
    fallback = renditions[kind.fallback_spec]
    return {
        "srcset": ", ".join(f"{r.url} {r.width}w" for r in modern),
        "sizes": kind.sizes,
        "src": fallback.url,
        "width": fallback.width,
        "height": fallback.height,
    }


def pregenerate_renditions(image) -> None:
    """Create every rendition an image may need, so no reader request has to."""
    specs = {spec for kind in KINDS.values() for spec in kind.all_specs}
    image.get_renditions(*sorted(specs))
