"""Background tasks of the newsroom, run by `kiosque worker` (django-tasks)."""

from django_tasks import task

from kiosque.newsroom import rendition_makers
from kiosque.newsroom.images import KINDS, pregenerate_renditions
from kiosque.newsroom.models import NewsImage


@task()
def pregenerate_image_renditions(image_id: int, kinds: list[str] | None = None) -> int:
    """Create the renditions an image needs (see `images.KINDS`).

    Renditions are created in the background, never during a reader request: this task
    is enqueued when an image arrives (`kinds` None: each kind's files up to the width
    it makes on arrival, see `images.arrival_specs`), and when a page finds renditions
    of a kind missing (`kinds`: those kinds' names, all their sizes). Returns how many
    renditions the image has afterwards; an image deleted in the meantime is skipped (0).
    """
    image = NewsImage.objects.filter(pk=image_id).first()
    if image is None:
        return 0
    pregenerate_renditions(
        image, None if kinds is None else [KINDS[n] for n in kinds if n in KINDS]
    )
    # Those of the apps above: sharing pictures (decision 0032), the API's uncropped
    # picture (decision 0044). See rendition_makers.py. Made again when a kind is asked
    # for: nothing is redone when they exist, and a new focal point gets new crops.
    for make_renditions in rendition_makers.registered():
        make_renditions(image)
    return image.renditions.count()
