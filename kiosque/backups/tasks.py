"""What the worker rebuilds after a restore: renditions and the search indexes.

Queued by the restore once the database is in place, so the rows of the tasks are in
the restored database, where `kiosque worker` looks for them. Every task is safe to run
again (a rendition that exists is not made twice; an index entry is rewritten).
"""

from django_tasks import task
from wagtail.images import get_image_model

from kiosque.newsroom.tasks import pregenerate_image_renditions

# Images per task: a worker killed in the middle redoes at most this many.
IMAGES_PER_TASK = 100


@task()
def renditions_rebuild(image_ids: list[int]) -> int:
    """The renditions of these images, as on their arrival (newsroom.tasks)."""
    return sum(pregenerate_image_renditions.call(image_id) for image_id in image_ids)


@task()
def search_indexes_rebuild() -> dict[str, int]:
    """The reader search's index, then Wagtail's entries of every indexed model."""
    from wagtail.search.backends import get_search_backends
    from wagtail.search.index import get_indexed_models

    from kiosque.search.services import search_index_rebuild
    from kiosque.search.wagtail_bulk import wagtail_index_bulk

    written = {"reader": search_index_rebuild()}
    for backend in get_search_backends():
        for model in get_indexed_models():
            ids = list(model.get_indexed_objects().values_list("pk", flat=True))
            if ids:
                label = model._meta.label_lower
                written[label] = wagtail_index_bulk(backend, model, ids)
    return written


def queue_rebuilds() -> dict[str, int]:
    """Tasks queued for the worker: {"renditions": images, "search": 1}."""
    ids = list(get_image_model().objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), IMAGES_PER_TASK):
        renditions_rebuild.enqueue(ids[start : start + IMAGES_PER_TASK])
    search_indexes_rebuild.enqueue()
    return {"renditions": len(ids), "search": 1}
