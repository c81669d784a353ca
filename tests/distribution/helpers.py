"""Helpers shared by the distribution tests."""

import json
import re

from lxml import html as lxml_html
from wagtail.models import PageViewRestriction

BASE_URL = "https://www.kiosque.example"


def head_of(response):
    assert response.status_code == 200, response.status_code
    return lxml_html.fromstring(response.content).find("head")


def json_ld_blocks(response) -> list[dict]:
    """Every JSON-LD block of a page, parsed back from the HTML."""
    text = response.content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    return [json.loads(block) for block in blocks]


def json_ld_of_type(response, *types: str) -> dict:
    found = [block for block in json_ld_blocks(response) if block.get("@type") in types]
    assert len(found) == 1, [block.get("@type") for block in json_ld_blocks(response)]
    return found[0]


def meta_content(head, attribute: str, name: str) -> list[str]:
    return [m.get("content") for m in head.findall("meta") if m.get(attribute) == name]


def make_private(page) -> None:
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-pw"
    )


def recropped_image(title: str = "Recadree"):
    """(an image with all its renditions, then a newer 16:9 one from a new focal point).

    The old 16:9 rendition stays in the table beside the new one, as after a re-crop.
    """
    from kiosque.distribution.images import WIDE
    from kiosque.newsroom.models import NewsRendition
    from kiosque.newsroom.tasks import pregenerate_image_renditions
    from tests.factories import make_image

    image = make_image(title)
    pregenerate_image_renditions.enqueue(image.pk)
    newest = NewsRendition.objects.create(
        image=image,
        filter_spec=WIDE.spec,
        focal_point_key="recadre",
        file="images/recadree.recadre.cover-1200x675.jpg",
        width=WIDE.width,
        height=WIDE.height,
    )
    return image, newest
