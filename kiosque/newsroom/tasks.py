"""Background tasks of the newsroom, run by `kiosque worker` (django-tasks)."""

from django_tasks import task

from kiosque.api.pictures import pregenerate_full_rendition
from kiosque.distribution.images import pregenerate_share_renditions
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
    # The 1:1, 4:3 and 16:9 pictures of structured data, OpenGraph and feeds.
    pregenerate_share_renditions(image)
    # The uncropped picture the API's ninjs offers partners (decision 0044).
    pregenerate_full_rendition(image)
    return image.renditions.count()
