"""Background tasks of the newsroom, run by `kiosque worker` (django-tasks)."""

from django_tasks import task

from kiosque.newsroom import rendition_makers
from kiosque.newsroom.images import pregenerate_renditions
from kiosque.newsroom.models import NewsImage


@task()
def pregenerate_image_renditions(image_id: int) -> int:
    """Create every rendition an image may need (see `images.KINDS`).

    Renditions are created in the background, never during a reader request: enqueue
    this task when an image is added, and the worker writes its files before a reader
    asks for them. Returns how many renditions the image has afterwards; an image
    deleted in the meantime is skipped (0).
    """
    image = NewsImage.objects.filter(pk=image_id).first()
    if image is None:
        return 0
    pregenerate_renditions(image)
    # Those of the apps above: sharing pictures (decision 0032), the API's uncropped
    # picture (decision 0044). See rendition_makers.py.
    for make_renditions in rendition_makers.registered():
        make_renditions(image)
    return image.renditions.count()
