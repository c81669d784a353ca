"""The newsroom the fault drills' load needs, written in the stack's private database.

`write(spec)` is the one description: the test runs it in its own process
(`written_here`, Django pointed at the private server for the time it takes: no
`kiosque shell` to start, about 20 s on a busy machine), bench/faults.py in `kiosque
shell` (SETUP_SCRIPT), having no Django of its own.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import timedelta

from tests.faults.stack import DATABASE, PG_USER, Stack

SETUP_SCRIPT = "from tests.faults.newsroom import write\nanswer(write(SPEC))\n"


def write(spec: dict) -> dict:
    """Articles, reader accounts, a picture whose renditions wait, a wire folder."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from kiosque.discussion.models import DiscussionSettings
    from kiosque.newsroom.tasks import pregenerate_image_renditions
    from kiosque.readers.models import ReaderProfile
    from kiosque.wires.models import Policy, WireSource
    from tests.factories import build_newsroom, days_ago, make_article, make_image

    newsroom = build_newsroom()
    config = DiscussionSettings.for_site(newsroom.site)
    config.trusted_after_approved = 0  # published at once: every reader is trusted
    config.min_seconds_between_comments = spec["comment_interval"]
    config.save()
    articles = [
        make_article(newsroom.europe, title=f"Article d'exercice {n}", slug=f"exercice-{n}",
                     published_at=days_ago(0.1 + n))
        for n in range(spec["articles"])
    ]  # fmt: skip
    accounts = []
    for n in range(spec["accounts"]):
        email = f"lecteur{n}@exercice.invalid"
        user = get_user_model().objects.create_user(
            username=f"lecteur{n}", email=email, password=spec["password"]
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        ReaderProfile.objects.create(user=user, display_name=f"Lecteur {n}")
        accounts.append(email)
    image = make_image("Photo d'exercice", with_renditions=False)
    # Its renditions wait for the worker-kill drill (run_after moved to now then).
    later = timezone.now() + timedelta(days=1)
    held_rendition = pregenerate_image_renditions.using(run_after=later).enqueue(image_id=image.pk)
    WireSource.objects.create(
        name="exercice", agency=newsroom.agency, kind=WireSource.Kind.FOLDER,
        folder=spec["wire_folder"], policy=Policy.AUTO_PUBLISH, enabled=True,
    )  # fmt: skip
    return {
        "articles": ["/" + a.url_path.removeprefix(newsroom.home.url_path) for a in articles],
        "article_ids": [a.pk for a in articles],
        "sections": ["/monde/europe/", "/monde/", "/sport/"],
        "accounts": accounts,
        "image_id": image.pk,
        "rendition_task": str(held_rendition.id),
    }


@contextlib.contextmanager
def pointed_at(stack: Stack) -> Iterator[None]:
    """This process's Django on the stack's database, media folder and task queue, with
    production's password hasher (the site checks the readers' passwords); back to the
    test database afterwards, its caches emptied of anything read meanwhile."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import caches
    from django.db import connections
    from django.test import override_settings

    default = connections["default"]
    saved = dict(default.settings_dict)
    default.close()
    default.settings_dict.update(
        NAME=DATABASE, HOST="127.0.0.1", PORT=stack.postgres.port, USER=PG_USER, PASSWORD=""
    )
    try:
        with override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"],
            TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
            MEDIA_ROOT=str(stack.media.folder),
        ):
            yield
    finally:
        default.close()
        default.settings_dict.clear()
        default.settings_dict.update(saved)
        for cache in caches.all(initialized_only=True):
            cache.clear()
        ContentType.objects.clear_cache()


def written_here(spec: dict) -> Callable[[Stack], dict]:
    """write_newsroom for tests/faults/stack.py's start_stack, in this process."""

    def write_in_stack(stack: Stack) -> dict:
        with pointed_at(stack):
            return write(spec)

    return write_in_stack
