"""Every crop keeps an image's focal point: the pages' `fill` crops and the sharing
`cover` crops, made when the picture arrives and again when an editor moves the point."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image
from wagtail.images.models import Filter
from wagtail.models import Collection

from kiosque.newsroom.images import FILL_JPEG
from kiosque.newsroom.models import NewsImage
from kiosque.newsroom.tasks import pregenerate_image_renditions

pytestmark = pytest.mark.django_db

RED = (220, 20, 20)
# A portrait picture, blue, with a red subject in its top 200 px: a centred 16:9 crop
# (rows 547 to 1053) misses it.
WIDTH, HEIGHT = 900, 1600
SUBJECT = (350, 0, 550, 200)


def portrait(**fields) -> NewsImage:
    picture = Image.new("RGB", (WIDTH, HEIGHT), (20, 60, 200))
    picture.paste(RED, SUBJECT)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=95)
    image = NewsImage(title="Portrait", description="Un portrait", **fields)
    image.file = ImageFile(buffer, name="portrait.jpg")
    image.save()
    return image


def shows_the_subject(rendition) -> bool:
    with Image.open(rendition.file.path) as picture:
        # Small enough to look at every pixel; the subject is a fifth of a crop's width.
        pixels = picture.convert("RGB").resize((48, 48)).get_flattened_data()
        return any(r > 180 and g < 80 and b < 80 for r, g, b in pixels)


def crops(image) -> list:
    """The image's crops made for its current focal point."""
    focal_key, found = {}, []
    for rendition in image.renditions.all():
        spec = rendition.filter_spec
        if not spec.startswith(("fill-", "cover-")):
            continue
        focal_key.setdefault(spec, Filter(spec=spec).get_cache_key(image))
        if rendition.focal_point_key == focal_key[spec]:
            found.append(rendition)
    return found


ON_THE_SUBJECT = {
    "focal_point_x": 450,
    "focal_point_y": 100,
    "focal_point_width": 200,
    "focal_point_height": 200,
}


@pytest.mark.parametrize("focal", [ON_THE_SUBJECT, {}], ids=["focal-point", "none"])
def test_every_crop_made_on_arrival_keeps_the_focal_point(newsroom, focal):
    image = portrait(**focal)
    pregenerate_image_renditions.call(image_id=image.pk)
    made = crops(image)
    # The cards' and leads' fills, and the three sharing covers (1:1, 4:3, 16:9).
    assert len(made) >= 7, [r.filter_spec for r in made]
    shown = {r.filter_spec: shows_the_subject(r) for r in made}
    if focal:
        assert all(shown.values()), shown
    else:  # the control: centred crops lose the subject, so the check above means something
        assert not any(shown.values()), shown


def test_an_editor_sets_the_focal_point_in_the_image_form_and_the_crops_follow(
    client, newsroom, django_capture_on_commit_callbacks
):
    image = portrait()
    pregenerate_image_renditions.call(image_id=image.pk)  # as uploaded: no focal point
    assert not shows_the_subject(image.renditions.get(filter_spec=FILL_JPEG))
    editor = get_user_model().objects.create_superuser("photo", "p@example.org", "x" * 16)
    client.force_login(editor)
    url = reverse("wagtailimages:edit", args=[image.pk])

    form = client.get(url).content.decode()
    assert "focal-point-chooser" in form and 'name="focal_point_x"' in form

    data = {
        "title": image.title,
        "description": image.description,
        "collection": Collection.get_first_root_node().pk,
        "tags": "",
        "caption": "",
        "photographer": "",
        "source": "",
        "agency": "AFP",
        **ON_THE_SUBJECT,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    image.refresh_from_db()
    assert (image.focal_point_x, image.focal_point_y) == (450, 100)
    # Saving it asked the worker for new crops (tests run tasks at once).
    made = crops(image)
    assert FILL_JPEG in {r.filter_spec for r in made}
    assert all(shows_the_subject(r) for r in made)


@pytest.fixture
def queue_only(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    default_task_backend.clear()
    return default_task_backend


def asked_for_renditions(backend) -> int:
    return [r.task.name for r in backend.results].count("pregenerate_image_renditions")


def test_only_a_moved_focal_point_asks_for_new_crops(
    newsroom, queue_only, django_capture_on_commit_callbacks
):
    image = portrait()
    pregenerate_image_renditions.call(image_id=image.pk)
    queue_only.clear()
    with django_capture_on_commit_callbacks(execute=True):
        image.title = "Autre titre"
        image.save()  # the crops are still right
        image.save(update_fields=["file_size"])  # Wagtail's own bookkeeping
    assert asked_for_renditions(queue_only) == 0
    with django_capture_on_commit_callbacks(execute=True):
        image.focal_point_x, image.focal_point_y = 450, 100
        image.focal_point_width = image.focal_point_height = 200
        image.save()
    assert asked_for_renditions(queue_only) == 1
