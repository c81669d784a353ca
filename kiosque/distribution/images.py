"""The pictures search engines and social networks take from an article.

Google asks for 1:1, 4:3 and 16:9 versions of the lead image at least 1,200 pixels
wide (for the large previews of Discover and Top stories); OpenGraph and feeds use the
16:9 one. Wagtail's `fill` never enlarges a picture, so a 1600×900 photo would give a
900×900 square: the `cover` operation registered here crops like `fill` and then
resizes to the exact size asked, enlarging when it must (decision 0032).
"""

from dataclasses import dataclass

from wagtail.images.image_operations import FillOperation


class CoverOperation(FillOperation):
    """`cover-WxH`: crop to the W:H ratio around the focal point, then exactly W×H."""

    def run(self, transform, image):
        transform = super().run(transform, image)
        if transform.size != (self.width, self.height):
            transform = transform.resize((self.width, self.height))
        return transform


@dataclass(frozen=True)
class ShareSpec:
    ratio: str
    spec: str
    width: int
    height: int


SQUARE = ShareSpec("1:1", "cover-1200x1200|format-jpeg|jpegquality-80", 1200, 1200)
FOUR_THREE = ShareSpec("4:3", "cover-1200x900|format-jpeg|jpegquality-80", 1200, 900)
WIDE = ShareSpec("16:9", "cover-1200x675|format-jpeg|jpegquality-80", 1200, 675)
# The order search engines read them in: the wide one is the default preview.
SHARE_SPECS = (WIDE, FOUR_THREE, SQUARE)


def share_renditions(image) -> dict[str, object]:
    """The three renditions of `image`, keyed by ratio, created if missing: for the
    worker, never for a reader's request (see `existing_share_renditions`)."""
    renditions = image.get_renditions(*(share.spec for share in SHARE_SPECS))
    return {share.ratio: renditions[share.spec] for share in SHARE_SPECS}


def existing_share_renditions(image) -> dict[str, object]:
    """The sharing renditions already made, keyed by ratio, in SHARE_SPECS order.

    Reader requests never resize pictures (kiosque.newsroom.images): when some are
    missing, the worker is asked for them and the page names what exists meanwhile.
    """
    from kiosque.newsroom.images import existing_renditions, request_renditions

    found = existing_renditions(image, [share.spec for share in SHARE_SPECS])
    if len(found) < len(SHARE_SPECS):
        request_renditions(image)
    return {share.ratio: found[share.spec] for share in SHARE_SPECS if share.spec in found}


def pregenerate_share_renditions(image) -> None:
    """Create the sharing renditions now (in the worker), not during a reader's request."""
    share_renditions(image)
