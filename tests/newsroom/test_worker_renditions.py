"""The worker makes every rendition an image may need, the API's largest included."""

import pytest

from kiosque.api.pictures import FULL_SPEC
from kiosque.newsroom.tasks import pregenerate_image_renditions
from tests.factories import make_image

pytestmark = pytest.mark.django_db


def test_the_worker_makes_the_uncropped_picture_partners_get():
    image = make_image("Port de pêche", with_renditions=False)
    assert not image.renditions.filter(filter_spec=FULL_SPEC).exists()
    pregenerate_image_renditions.call(image_id=image.pk)
    assert image.renditions.filter(filter_spec=FULL_SPEC).exists()


def test_a_deleted_image_is_skipped():
    image = make_image("Éphémère", with_renditions=False)
    image_id = image.pk
    image.delete()
    assert pregenerate_image_renditions.call(image_id=image_id) == 0
