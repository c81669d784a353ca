"""The media folder's storage: a file that could not be written whole is not kept.

Django's FileSystemStorage creates the file, then writes the content into it chunk by
chunk; when a write fails (the disk full, a quota, an input/output error), the part
already written stays under the file's name. The rows that would have pointed at it
are rolled back, so nothing ever refers to it again: a half picture left on a full disk
for nobody (issue 19's media-disk drill found one per refused dispatch).

Here the file is written the same way (created exclusively, under a free name), and
removed if anything fails before it is complete; the error says which file and why
(decision 0081). An OSError still, so every caller that handles one goes on doing so.
"""

from __future__ import annotations

import contextlib
import errno
import os

from django.core.files import locks
from django.core.files.storage import FileSystemStorage
from django.utils._os import safe_makedirs  # Django's own, for its directory modes

# Flags of a new file: it must not exist yet (a name two writers chose at once).
CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


class MediaWriteError(OSError):
    """A media file could not be written; nothing of it was kept."""


def describe(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "no space left on the media disk"
    if error.errno == errno.EDQUOT:
        return "the media disk quota is exceeded"
    return error.strerror or str(error)


class WholeFileSystemStorage(FileSystemStorage):
    """FileSystemStorage that never leaves a partly written file behind."""

    def _save(self, name: str, content) -> str:
        if self._allow_overwrite:
            # Replacing a file in place (deprecated by Django): the old one is lost on
            # the first write whatever happens; Django's own way, then.
            return super()._save(name, content)
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        if self.directory_permissions_mode is not None:
            safe_makedirs(directory, self.directory_permissions_mode, exist_ok=True)
        else:
            os.makedirs(directory, exist_ok=True)
        while True:
            try:
                descriptor = os.open(full_path, CREATE_FLAGS, 0o666)
            except FileExistsError:
                name = self.get_available_name(name)
                full_path = self.path(name)
                continue
            break
        try:
            self._write(descriptor, content)
            if self.file_permissions_mode is not None:
                os.chmod(full_path, self.file_permissions_mode)
            self._ensure_location_group_id(full_path)
        except BaseException as error:
            # Ours since os.open created it: nobody else has its name.
            with contextlib.suppress(FileNotFoundError):
                os.remove(full_path)
            if isinstance(error, OSError) and not isinstance(error, MediaWriteError):
                raise MediaWriteError(
                    error.errno, f"{name} not stored: {describe(error)} (nothing kept)"
                ) from error
            raise
        return os.path.relpath(full_path, self.location).replace("\\", "/")

    @staticmethod
    def _write(descriptor: int, content) -> None:
        """The content's chunks into the open file, which this closes in every case."""
        out = None
        try:
            locks.lock(descriptor, locks.LOCK_EX)
            for chunk in content.chunks():
                if out is None:
                    out = os.fdopen(descriptor, "wb" if isinstance(chunk, bytes) else "wt")
                out.write(chunk)
            if out is not None:
                out.flush()  # a full disk shows here at the latest, not in close()
        finally:
            locks.unlock(descriptor)
            if out is not None:
                out.close()
            else:
                os.close(descriptor)
