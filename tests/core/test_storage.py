"""The media storage keeps no half-written file (issue 19, decision 0081).

A disk that fills up in the middle of a write is played by a content whose chunks
raise ENOSPC after the first; tests/faults fills a real tmpfs under the running site.
"""

import errno

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from kiosque.core.storage import MediaWriteError, WholeFileSystemStorage


class FillsTheDisk:
    """Content whose writing stops after `written` bytes with `error`."""

    def __init__(self, written: int = 64 * 1024, error: BaseException | None = None):
        self.written = written
        self.error = error or OSError(errno.ENOSPC, "No space left on device")

    def chunks(self, chunk_size=None):
        yield b"\xff\xd8" + b"\0" * (self.written - 2)  # the start of a JPEG
        raise self.error


@pytest.fixture
def storage(tmp_path):
    return WholeFileSystemStorage(location=tmp_path / "media", base_url="/media/")


def files(storage) -> dict[str, bytes]:
    root = storage.base_location
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_full_disk_leaves_no_half_written_file_and_says_so(storage):
    with pytest.raises(MediaWriteError) as refused:
        storage.save("original_images/photo.jpg", FillsTheDisk())

    assert files(storage) == {}
    assert refused.value.errno == errno.ENOSPC
    assert isinstance(refused.value, OSError)  # callers that handle OSError still do
    assert str(refused.value) == (
        "[Errno 28] original_images/photo.jpg not stored: no space left on the media disk "
        "(nothing kept)"
    )


def test_a_failed_write_under_a_taken_name_keeps_the_file_already_there(storage):
    storage.save("original_images/photo.jpg", ContentFile(b"the first photo"))

    with pytest.raises(MediaWriteError):
        storage.save("original_images/photo.jpg", FillsTheDisk())

    assert files(storage) == {"original_images/photo.jpg": b"the first photo"}


def test_any_other_failure_of_the_content_removes_the_file_too(storage):
    with pytest.raises(ValueError, match="truncated"):
        storage.save("a.jpg", FillsTheDisk(error=ValueError("truncated upload")))
    with pytest.raises(MediaWriteError, match="Input/output error"):
        storage.save("b.jpg", FillsTheDisk(error=OSError(errno.EIO, "Input/output error")))

    assert files(storage) == {}


def test_complete_files_are_stored_under_a_free_name(storage):
    first = storage.save("docs/note.txt", ContentFile("texte, é"))
    second = storage.save("docs/note.txt", ContentFile(b"\x89PNG"))

    assert first == "docs/note.txt"
    assert second != first and second.startswith("docs/note_")
    assert files(storage) == {first: "texte, é".encode(), second: b"\x89PNG"}
    assert (storage.base_location / first).stat().st_mode & 0o777 == 0o644


def test_the_site_stores_media_with_it():
    from kiosque.settings import base

    assert base.STORAGES["default"]["BACKEND"] == "kiosque.core.storage.WholeFileSystemStorage"
    assert isinstance(storages["default"], WholeFileSystemStorage)
