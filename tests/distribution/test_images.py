"""The sharing renditions: exact sizes whatever the upload, made by the worker."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image

from kiosque.distribution.images import SHARE_SPECS, share_renditions
from kiosque.newsroom.models import NewsImage, NewsRendition
from kiosque.newsroom.tasks import pregenerate_image_renditions

pytestmark = pytest.mark.django_db


def upload(width: int, height: int) -> NewsImage:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, format="PNG")
    image = NewsImage(title=f"{width}x{height}", description="Un carré rouge")
    image.file = ImageFile(buffer, name=f"i{width}x{height}.png")
    image.save()
    return image


@pytest.mark.parametrize("size", [(3000, 2000), (800, 450), (500, 1400), (120, 90)])
def test_every_share_rendition_has_its_exact_size_and_is_a_jpeg(size):
    renditions = share_renditions(upload(*size))
    assert {ratio: (r.width, r.height) for ratio, r in renditions.items()} == {
        "16:9": (1200, 675),
        "4:3": (1200, 900),
        "1:1": (1200, 1200),
    }
    for rendition in renditions.values():
        with rendition.get_willow_image() as willow:
            assert willow.get_size() == (rendition.width, rendition.height)
        assert rendition.file.name.endswith(".jpg")


def test_the_rendition_task_makes_them_in_the_background():
    image = upload(1600, 900)
    result = pregenerate_image_renditions.enqueue(image.pk)
    made = set(NewsRendition.objects.filter(image=image).values_list("filter_spec", flat=True))
    assert {share.spec for share in SHARE_SPECS} <= made
    assert result.return_value == len(made)
