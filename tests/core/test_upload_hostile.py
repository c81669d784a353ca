"""Hostile picture uploads: refused with a message, or stored harmless; never a 500, and
never a worker stuck on a picture it cannot decode (decision 0078).

The files are made here, a few hundred bytes each: an image bomb (a PNG header that
declares 100,000 × 100,000 pixels), a GIF that is also HTML and JavaScript, pictures
whose extension lies, a JPEG cut in half.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils.html import escape
from django_tasks_db.models import DBTaskResult
from PIL import Image

from kiosque.newsroom.models import NewsImage
from kiosque.newsroom.tasks import pregenerate_image_renditions

pytestmark = pytest.mark.django_db

SCRIPT = b"<script>alert(document.domain)</script>"


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A valid PNG header declaring width × height RGB pixels, and almost no data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _png_chunk(b"IEND", b"")
    )


def picture(kind: str, size=(64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=kind)
    return buffer.getvalue()


def gif_polyglot() -> bytes:
    """A real GIF carrying HTML and JavaScript in its comment and after its trailer: a
    browser sniffing it as HTML would run the script."""
    buffer = io.BytesIO()
    Image.new("P", (8, 8)).save(buffer, format="GIF", comment=SCRIPT)
    return buffer.getvalue() + b"<html><body>" + SCRIPT + b"</body></html>"


def truncated_jpeg() -> bytes:
    whole = picture("JPEG", size=(320, 240))
    return whole[: len(whole) // 2]


@pytest.fixture
def editor(client, newsroom):
    user = get_user_model().objects.create_superuser("photo", "photo@kiosque.invalid", "x")
    client.force_login(user)
    return client


def upload(client, name: str, content: bytes):
    return client.post(
        "/admin/images/add/",
        {"title": "Photo", "file": SimpleUploadedFile(name, content), "description": "Alt"},
    )


def stored_originals() -> set[Path]:
    folder = Path(settings.MEDIA_ROOT) / "original_images"
    return set(folder.glob("*")) if folder.exists() else set()


# (file name, its bytes, the error code of the form's file field)
REFUSED = [
    ("bomb.png", png_bomb, "file_too_many_pixels"),
    ("png-named.jpg", lambda: picture("PNG"), "invalid_image_known_format"),
    ("text-named.jpg", lambda: b"Bonjour, je ne suis pas une image.\n" * 20, "invalid_image"),
    ("page.html", gif_polyglot, "invalid_image_extension"),
    ("drawing.svg", lambda: b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
     "invalid_image_extension"),
    ("half.jpg", truncated_jpeg, "damaged_image"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "make", "reason"), REFUSED, ids=[name for name, _, _ in REFUSED])
def test_a_hostile_upload_is_refused_with_a_reason_and_nothing_stored(editor, name, make, reason):
    files_before = stored_originals()
    response = upload(editor, name, make())
    assert response.status_code == 200  # the form again, not a 500 and not a redirect
    [error] = response.context["form"].errors.as_data()["file"]
    assert error.code == reason
    assert escape(error.messages[0]) in response.content.decode()  # said to the editor
    assert not NewsImage.objects.filter(title="Photo").exists()
    assert stored_originals() == files_before


def test_the_multiple_upload_refuses_a_truncated_jpeg_in_json(editor):
    response = editor.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("half.jpg", truncated_jpeg())},
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert not NewsImage.objects.exists()


def test_a_gif_polyglot_is_served_as_a_picture_and_its_renditions_carry_no_script(editor):
    response = upload(editor, "drapeau.gif", gif_polyglot())
    assert response.status_code == 302  # a real GIF: stored
    image = NewsImage.objects.get(title="Photo")
    original = editor.get(image.file.url)
    assert original["Content-Type"] == "image/gif"
    assert original["X-Content-Type-Options"] == "nosniff"  # never sniffed as HTML
    rendition = image.get_rendition("max-100x100|format-png")
    with rendition.file.open("rb") as made:
        assert b"<script" not in made.read()  # re-encoded: only the pixels are kept


def test_a_good_picture_still_uploads(editor):
    assert upload(editor, "port.jpg", picture("JPEG")).status_code == 302
    assert NewsImage.objects.get(title="Photo").width == 64


def test_a_damaged_original_fails_its_rendition_task_once_and_the_worker_goes_on(settings):
    """A picture damaged on disk (or stored before the upload check): its rendition task
    is marked failed, not retried, and the next task runs."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    damaged = NewsImage(title="Abîmée")
    damaged.file.save("abimee.jpg", ContentFile(truncated_jpeg()), save=False)
    damaged.width, damaged.height = 320, 240  # its header's: only the data is missing
    good = NewsImage(title="Intacte")
    good.file.save("intacte.jpg", ContentFile(picture("JPEG")), save=False)
    good.width, good.height = 64, 48
    with captured_on_commit():  # the upload signal's own task: queued below instead
        damaged.save()
        good.save()
    pregenerate_image_renditions.enqueue(image_id=damaged.pk)
    pregenerate_image_renditions.enqueue(image_id=good.pk)
    # The worker closes "old" connections between tasks: here that is the test's own
    # connection, inside its transaction (PostgreSQL then refuses every query).
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    by_image = {
        row.args_kwargs["kwargs"]["image_id"]: row.status
        for row in DBTaskResult.objects.filter(task_path=pregenerate_image_renditions.module_path)
    }
    assert by_image == {damaged.pk: "FAILED", good.pk: "SUCCESSFUL"}
    assert DBTaskResult.objects.filter(status="READY").count() == 0  # nothing left to retry
    assert damaged.renditions.count() == 0 and good.renditions.count() > 0


# --- helpers ---------------------------------------------------------------------------


def captured_on_commit():
    """The on_commit callbacks of the block dropped (the upload signal's task, which the
    test queues itself on the backend under test)."""
    return mock.patch("django.db.transaction.on_commit")
