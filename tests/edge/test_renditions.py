"""Readers never wait for an image rendition: the worker makes them, pages fall back."""

import pytest

from kiosque.newsroom.images import CARD, picture_sources
from tests.factories import days_ago, make_article, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue_only(settings):
    # Tasks are recorded, not run: what a reader request would leave for the worker.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    default_task_backend.clear()
    return default_task_backend


def test_a_page_with_a_new_image_falls_back_and_asks_the_worker(client, newsroom, queue_only):
    image = make_image("Sans rendu", with_renditions=False)
    article = make_article(
        newsroom.europe, slug="photo", lead_image=image, published_at=days_ago(1)
    )
    response = client.get(article.url)
    assert response.status_code == 200
    assert image.renditions.count() == 0  # nothing made during the reader's request
    html = response.content.decode()
    assert image.file.url in html  # the original stands in...
    assert 'width="800" height="450"' in html  # ...at the size its rendition will have
    assert "pregenerate_image_renditions" in [r.task.name for r in queue_only.results]


def test_once_the_worker_has_run_the_renditions_are_used(newsroom):
    image = make_image("Avec rendus")
    sources = picture_sources(image, CARD)
    assert image.file.url != sources["src"]
    assert sources["srcset"].count("w,") == len(CARD.modern_specs) - 1


def test_an_uploaded_image_queues_its_renditions_after_commit(
    queue_only, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_image("Nouvelle", with_renditions=False)
    assert "pregenerate_image_renditions" in [r.task.name for r in queue_only.results]
