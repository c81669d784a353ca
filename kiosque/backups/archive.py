"""The archive file: one tar whose last two members describe and vouch for all the others.

    kiosque-backup/database.sqlite3.gz   the SQLite copy, gzipped (or database.pgdump:
                                         pg_dump's custom format, compressed already)
    kiosque-backup/media/<name>          one member per original file (the storage's name)
    kiosque-backup/manifest.json         versions, migrations, counts, and the size and
                                         SHA-256 of every member above
    kiosque-backup/manifest.sha256       the SHA-256 of manifest.json

The tar itself is not compressed: pictures are compressed already, and the database
member is on its own. The manifest comes last because it holds the checksums of the bytes
as they were written; an archive cut short lacks it and is refused. Reading verifies
every byte before the caller writes anything (`archive_read_verified`).
"""

import hashlib
import io
import json
import tarfile
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

PREFIX = "kiosque-backup"
MANIFEST = f"{PREFIX}/manifest.json"
MANIFEST_DIGEST = f"{PREFIX}/manifest.sha256"
MEDIA_PREFIX = f"{PREFIX}/media/"
FORMAT_NAME = "kiosque-backup"
FORMAT_VERSION = 1
CHUNK = 1024 * 1024


class ArchiveError(Exception):
    """The archive cannot be trusted: the message says why, for the operator."""


@dataclass(frozen=True)
class Member:
    size: int
    sha256: str

    def as_dict(self) -> dict:
        return {"size": self.size, "sha256": self.sha256}


class _HashingReader:
    """A file object that hashes what tarfile reads from it, and counts it."""

    def __init__(self, raw, on_read=None):
        self.raw = raw
        self.digest = hashlib.sha256()
        self.size = 0
        self.on_read = on_read

    def read(self, size=-1):
        data = self.raw.read(size)
        self.digest.update(data)
        self.size += len(data)
        if self.on_read:
            self.on_read(len(data))
        return data


class ArchiveWriter:
    """Adds members to a new archive, hashing each one's bytes as they are written."""

    def __init__(self, path: Path):
        self.path = path
        self.members: dict[str, Member] = {}
        self._tar = tarfile.open(path, "w", format=tarfile.PAX_FORMAT)  # noqa: SIM115

    def add(self, name: str, fileobj, size: int, on_read=None) -> Member:
        """`size` bytes of `fileobj` as the member `name` (relative to the prefix)."""
        full_name = f"{PREFIX}/{name}"
        if full_name in self.members or full_name in (MANIFEST, MANIFEST_DIGEST):
            raise ValueError(f"{name} is already in the archive")
        reader = _HashingReader(fileobj, on_read)
        # tarfile reads exactly `size` bytes, and fails if the file ends before.
        self._tar.addfile(_info(full_name, size), reader)
        member = Member(size=reader.size, sha256=reader.digest.hexdigest())
        self.members[full_name] = member
        return member

    def add_path(self, name: str, path: Path, on_read=None) -> Member:
        with open(path, "rb") as handle:
            return self.add(name, handle, path.stat().st_size, on_read)

    def finish(self, manifest: dict) -> None:
        """The manifest (with every member's checksum), its own checksum, and the end."""
        manifest = {**manifest, "members": {n: m.as_dict() for n, m in self.members.items()}}
        data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
        self._tar.addfile(_info(MANIFEST, len(data)), io.BytesIO(data))
        digest = f"{hashlib.sha256(data).hexdigest()}  manifest.json\n".encode()
        self._tar.addfile(_info(MANIFEST_DIGEST, len(digest)), io.BytesIO(digest))
        self._tar.close()

    def abandon(self) -> None:
        self._tar.close()


def _info(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    info.mtime = int(time.time())
    return info


@dataclass
class VerifiedArchive:
    """An archive whose every byte matched its manifest, copied into a staging folder."""

    manifest: dict
    staging: Path
    database_member: str
    media: dict[str, Path] = field(default_factory=dict)  # storage name → staged copy

    @property
    def database_file(self) -> Path:
        return self.staging / self.database_member


def archive_read_verified(path: Path, staging: Path, on_read=None) -> VerifiedArchive:
    """Copy every member of `path` into `staging`, then check it all against the manifest.

    Raises ArchiveError, naming the first problem, for a file that is not a Kiosque
    archive, is cut short, holds a member the manifest does not list (or lacks one it
    does), or whose bytes differ from their checksum. Only `staging` is written.
    """
    seen: dict[str, Member] = {}
    contents: dict[str, bytes] = {}
    try:
        with tarfile.open(path, "r:") as tar:
            for info in tar:
                name = _checked_name(info, seen)
                source = tar.extractfile(info)
                if name in (MANIFEST, MANIFEST_DIGEST):
                    data = source.read()
                    if len(data) != info.size:
                        raise ArchiveError(f"the archive is truncated (in {name}).")
                    contents[name] = data
                    seen[name] = Member(len(data), hashlib.sha256(data).hexdigest())
                    continue
                seen[name] = _stage(source, staging / name, on_read)
                if seen[name].size != info.size:
                    raise ArchiveError(f"the archive is truncated (in {name}).")
    except FileNotFoundError:
        raise ArchiveError(f"{path}: no such file.") from None
    except IsADirectoryError:
        raise ArchiveError(f"{path} is a folder, not an archive.") from None
    except (tarfile.TarError, EOFError, UnicodeDecodeError) as error:
        raise ArchiveError(
            f"the archive is truncated or is not a Kiosque backup ({error})."
        ) from None
    manifest = _checked_manifest(contents)
    database_member = _check_members(manifest, seen)
    media = {
        name.removeprefix(MEDIA_PREFIX): staging / name
        for name in seen
        if name.startswith(MEDIA_PREFIX)
    }
    return VerifiedArchive(manifest, staging, database_member, media)


def _checked_name(info: tarfile.TarInfo, seen: dict) -> str:
    name = info.name
    parts = PurePosixPath(name).parts
    if (
        not info.isfile()
        or name.startswith("/")
        or len(parts) < 2
        or parts[0] != PREFIX
        or any(part in ("..", ".", "") for part in parts)
        or "\\" in name
        or "\x00" in name
    ):
        raise ArchiveError(f"unexpected member {name!r}: this is not a Kiosque backup.")
    if name in seen:
        raise ArchiveError(f"the member {name!r} appears twice: the archive was tampered with.")
    return name


def _stage(source, target: Path, on_read) -> Member:
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    with open(target, "wb") as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
            if on_read:
                on_read(len(chunk))
    return Member(size, digest.hexdigest())


def _checked_manifest(contents: dict[str, bytes]) -> dict:
    if MANIFEST not in contents or MANIFEST_DIGEST not in contents:
        raise ArchiveError(
            "the archive has no manifest at its end: it is truncated (a backup that did "
            "not finish, or a copy cut short)."
        )
    data = contents[MANIFEST]
    recorded = contents[MANIFEST_DIGEST].decode("ascii", "replace").split()[:1]
    if recorded != [hashlib.sha256(data).hexdigest()]:
        raise ArchiveError("the manifest does not match its checksum: the archive is corrupted.")
    try:
        manifest = json.loads(data)
    except ValueError:
        raise ArchiveError("the manifest is not readable JSON: the archive is corrupted.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise ArchiveError("this is not a Kiosque backup (its manifest names no such format).")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise ArchiveError("the manifest has no valid format version.")
    if version > FORMAT_VERSION:
        raise ArchiveError(
            f"the archive's format is version {version}, made by a newer Kiosque than this "
            f"one (which reads up to version {FORMAT_VERSION}): upgrade Kiosque first."
        )
    database = manifest.get("database")
    if not isinstance(database, dict) or database.get("engine") not in ("sqlite", "postgresql"):
        raise ArchiveError("the manifest names no database engine Kiosque knows.")
    if not isinstance(manifest.get("members"), dict):
        raise ArchiveError("the manifest lists no members.")
    return manifest


def _check_members(manifest: dict, seen: dict[str, Member]) -> str:
    """Every member as listed, none more; returns the database member's full name."""
    listed = manifest["members"]
    files = {n: m for n, m in seen.items() if n not in (MANIFEST, MANIFEST_DIGEST)}
    for name, recorded in listed.items():
        member = files.get(name)
        if member is None:
            raise ArchiveError(f"{name} is listed in the manifest but missing from the archive.")
        if not isinstance(recorded, dict) or member.as_dict() != {
            "size": recorded.get("size"),
            "sha256": recorded.get("sha256"),
        }:
            raise ArchiveError(
                f"{name} does not match its checksum in the manifest: the archive is corrupted."
            )
    extra = sorted(set(files) - set(listed))
    if extra:
        raise ArchiveError(f"{extra[0]} is in the archive but not in its manifest.")
    database_member = f"{PREFIX}/{manifest['database'].get('member')}"
    if database_member not in files:
        raise ArchiveError("the archive holds no database.")
    return database_member
