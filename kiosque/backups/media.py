"""The originals in the archive: every file a carried row names, through the storage.

Renditions are not carried (the worker makes them again from the originals). A file a
row names but that is gone from the storage by the time it is read (deleted after the
snapshot) is listed in the manifest as missing, and the backup still completes.
"""

import os
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage

from kiosque.backups.archive import ArchiveWriter
from kiosque.backups.progress import Progress

MEDIA_FOLDER = "media"


def media_sizes(names: list[str], storage=default_storage) -> tuple[dict[str, int], list[str]]:
    """(size of each file present, names of those missing)."""
    sizes, missing = {}, []
    for name in names:
        try:
            sizes[name] = storage.size(name)
        except (FileNotFoundError, NotADirectoryError):
            missing.append(name)
    return sizes, missing


def media_archive(
    writer: ArchiveWriter, sizes: dict[str, int], progress: Progress, storage=default_storage
) -> list[str]:
    """Each file into the archive; returns the names that vanished meanwhile."""
    vanished = []
    for name, size in sizes.items():
        try:
            handle = storage.open(name, "rb")
        except FileNotFoundError:
            vanished.append(name)
            continue
        with handle:
            writer.add(f"{MEDIA_FOLDER}/{name}", handle, size, on_read=progress.advance)
    return vanished


def media_folder_files(storage=default_storage) -> int:
    """How many files the media storage holds (stops counting at 100)."""
    location = getattr(storage, "location", None)
    if location is None:
        directories, files = storage.listdir("")
        return len(directories) + len(files)
    count = 0
    for _folder, _directories, files in os.walk(location):
        count += len(files)
        if count >= 100:
            break
    return count


def media_restore(
    staged: dict[str, Path], progress: Progress, *, replace: bool, storage=default_storage
) -> int:
    """Each staged original saved under its own name; returns the bytes written."""
    written = 0
    for name, path in sorted(staged.items()):
        if storage.exists(name):
            if not replace:
                raise FileExistsError(f"{name} exists in the media folder")
            storage.delete(name)
        with open(path, "rb") as handle:
            saved = storage.save(name, File(handle, name=name))
        if saved != name:
            raise RuntimeError(f"the storage saved {name} as {saved}")
        size = path.stat().st_size
        written += size
        progress.advance(size)
    return written
