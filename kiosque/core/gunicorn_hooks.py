"""gunicorn settings `kiosque serve` loads (`--config python:kiosque.core.gunicorn_hooks`).

Python's full garbage collection walks every object the process holds: Django, Wagtail
and their caches, some hundreds of thousands of objects that live as long as the worker.
Measured on the reference article page, each full collection stopped a worker for
100–150 ms every few seconds, which was the whole p99 of an otherwise 7 ms page.
`gc.freeze()` moves the objects alive at that moment out of the collector's sight:
once when the worker has loaded the application, once more after its first requests
(templates, URL resolvers and Wagtail's caches are built lazily). A collection runs just
before each freeze, so no garbage is frozen with them.
"""

import gc

FREEZE_AGAIN_AFTER_REQUESTS = 200


def freeze_what_lives() -> None:
    gc.collect()
    gc.freeze()


def post_worker_init(worker):
    freeze_what_lives()
    worker.kiosque_requests_served = 0


def post_request(worker, req, environ, resp):
    served = getattr(worker, "kiosque_requests_served", 0) + 1
    worker.kiosque_requests_served = served
    if served == FREEZE_AGAIN_AFTER_REQUESTS:
        freeze_what_lives()
