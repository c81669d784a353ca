"""The archive file refused at the first doubt; retention; progress off and on a terminal.

No database: archives written here with the writer, then cut, flipped, padded or
forged, and read back with the reader every restore goes through first.
"""

import gzip
import io
import tarfile
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from kiosque.backups import services
from kiosque.backups.archive import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ArchiveError,
    ArchiveWriter,
    archive_read_verified,
)
from kiosque.backups.progress import Progress
from kiosque.backups.retention import archive_name, archives_to_delete
from kiosque.backups.services import RestoreRefused, archive_restore

PICTURE = bytes(range(256)) * 40
DATABASE = gzip.compress(b"SQLite format 3\x00" + b"\x00" * 4000)


def manifest(**changes) -> dict:
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "created_at": "2026-12-07T03:15:00+00:00",
        "database": {"engine": "sqlite", "member": "database.sqlite3.gz"},
        "migrations": {},
        "counts": {},
        **changes,
    }


def write_archive(path, *, extra=None, **changes):
    writer = ArchiveWriter(path)
    writer.add("database.sqlite3.gz", io.BytesIO(DATABASE), len(DATABASE))
    writer.add("media/original_images/quai.jpg", io.BytesIO(PICTURE), len(PICTURE))
    if extra:
        extra(writer)
    writer.finish(manifest(**changes))
    return path


def read(path, tmp_path):
    return archive_read_verified(path, tmp_path / "staging")


def test_a_complete_archive_is_read_back_member_by_member(tmp_path):
    verified = read(write_archive(tmp_path / "a.tar"), tmp_path)
    assert verified.database_file.read_bytes() == DATABASE
    assert {n: p.read_bytes() for n, p in verified.media.items()} == {
        "original_images/quai.jpg": PICTURE
    }
    assert verified.manifest["database"]["engine"] == "sqlite"


@pytest.mark.parametrize("kept", [0.05, 0.3, 0.6, 0.95, 0.999, "before the manifest's checksum"])
def test_an_archive_cut_short_anywhere_is_refused_as_truncated(tmp_path, kept):
    data = write_archive(tmp_path / "a.tar").read_bytes()
    with tarfile.open(tmp_path / "a.tar") as tar:
        last = tar.getmember("kiosque-backup/manifest.sha256")
    # (Past the last member come zeros only: the end marker and the padding.)
    content_end = last.offset_data + last.size
    end = last.offset if kept == "before the manifest's checksum" else int(content_end * kept)
    (tmp_path / "cut.tar").write_bytes(data[:end])
    with pytest.raises(ArchiveError, match="truncated"):
        read(tmp_path / "cut.tar", tmp_path)


def _flipped(path, member_name, tmp_path):
    data = bytearray(path.read_bytes())
    with tarfile.open(path) as tar:
        member = tar.getmember(member_name)
    data[member.offset_data + member.size // 2] ^= 0x10
    flipped = tmp_path / "flipped.tar"
    flipped.write_bytes(data)
    return flipped


@pytest.mark.parametrize(
    ("member", "message"),
    [
        ("kiosque-backup/media/original_images/quai.jpg", "quai.jpg does not match its checksum"),
        ("kiosque-backup/database.sqlite3.gz", "database.sqlite3.gz does not match"),
        ("kiosque-backup/manifest.json", "manifest does not match its checksum"),
    ],
)
def test_one_flipped_bit_in_any_member_is_refused(tmp_path, member, message):
    flipped = _flipped(write_archive(tmp_path / "a.tar"), member, tmp_path)
    with pytest.raises(ArchiveError, match=message):
        read(flipped, tmp_path)


def test_a_member_the_manifest_does_not_list_is_refused(tmp_path):
    path = tmp_path / "a.tar"
    write_archive(path)
    # Appended after the manifest, as someone adding a file to the archive would.
    with tarfile.open(path, "a") as tar:
        info = tarfile.TarInfo("kiosque-backup/media/extra.jpg")
        info.size = 3
        tar.addfile(info, io.BytesIO(b"abc"))
    with pytest.raises(ArchiveError, match=r"extra\.jpg is in the archive but not in its manifest"):
        read(path, tmp_path)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("kiosque-backup/media/../../../etc/cron.d/evil", tarfile.REGTYPE),
        ("/kiosque-backup/media/a.jpg", tarfile.REGTYPE),
        ("elsewhere/a.jpg", tarfile.REGTYPE),
        ("kiosque-backup/media/link.jpg", tarfile.SYMTYPE),
    ],
)
def test_members_outside_the_archive_or_not_plain_files_are_refused(tmp_path, name, kind):
    path = tmp_path / "forged.tar"
    with tarfile.open(path, "w") as tar:
        info = tarfile.TarInfo(name)
        info.type = kind
        info.linkname = "/etc/passwd" if kind == tarfile.SYMTYPE else ""
        tar.addfile(info, io.BytesIO(b"") if kind == tarfile.REGTYPE else None)
    with pytest.raises(ArchiveError, match="not a Kiosque backup"):
        read(path, tmp_path)
    assert not (tmp_path / "etc").exists()


@pytest.mark.parametrize(
    "content",
    [b"", b"not an archive at all" * 100, gzip.compress(b"x" * 10_000)],
    ids=["empty", "text", "gzip"],
)
def test_a_file_that_is_not_an_archive_is_refused(tmp_path, content):
    (tmp_path / "x.tar").write_bytes(content)
    with pytest.raises(ArchiveError, match="truncated or is not a Kiosque backup"):
        read(tmp_path / "x.tar", tmp_path)


def test_an_archive_of_a_newer_format_asks_for_an_upgrade(tmp_path):
    path = write_archive(tmp_path / "a.tar", format_version=FORMAT_VERSION + 1)
    with pytest.raises(ArchiveError, match="made by a newer Kiosque"):
        read(path, tmp_path)


def test_a_missing_archive_or_a_folder_says_so(tmp_path):
    with pytest.raises(ArchiveError, match="no such file"):
        read(tmp_path / "nowhere.tar", tmp_path)
    with pytest.raises(ArchiveError, match="is a folder"):
        read(tmp_path, tmp_path)


def test_migrations_this_code_does_not_know_mean_a_newer_kiosque():
    newer = manifest(
        kiosque_version="9.0",
        migrations={"newsroom": ["0001_initial", "9999_from_the_future"], "gone_app": ["0001"]},
    )
    with pytest.raises(
        RestoreRefused, match=r"newer Kiosque \(version 9.0\).*9999_from_the_future"
    ):
        services._check_migrations_known(newer)
    services._check_migrations_known(manifest(migrations={"newsroom": ["0001_initial"]}))


def test_a_postgresql_archive_is_not_restored_into_sqlite(tmp_path, monkeypatch):
    path = tmp_path / "pg.tar"
    writer = ArchiveWriter(path)
    writer.add("database.pgdump", io.BytesIO(b"PGDMP"), 5)
    writer.finish(manifest(database={"engine": "postgresql", "member": "database.pgdump"}))
    monkeypatch.setattr(services, "connections", {"default": SimpleNamespace(vendor="sqlite")})
    with pytest.raises(RestoreRefused, match="restores into PostgreSQL only"):
        archive_restore(archive=path, progress=Progress(io.StringIO()))


# --- retention -----------------------------------------------------------------------------


def test_retention_keeps_the_newest_of_each_of_7_days_and_4_weeks():
    last = datetime(2026, 12, 7, 3, 15, tzinfo=UTC)  # a Monday
    daily = [archive_name(last - timedelta(days=d)) for d in range(60)]
    same_day = archive_name(last - timedelta(hours=2))  # an earlier run on the last day
    others = [
        "notes.txt",
        "kiosque-backup-latest.tar",
        "kiosque-backup-20261207T031500Z.tar.partial",
    ]
    doomed = archives_to_delete([*daily, same_day, *others], keep_daily=7, keep_weekly=4)
    kept = {*daily, same_day} - set(doomed)
    # 7 days (Dec 1-7), and the newest of each of the 4 latest ISO weeks: Monday Dec 7
    # and Sunday Dec 6 (both kept as days already), then Sundays Nov 29 and 22.
    expected_days = {archive_name(last - timedelta(days=d)) for d in range(7)}
    expected_weeks = {archive_name(last - timedelta(days=d)) for d in (8, 15)}
    assert kept == expected_days | expected_weeks
    assert same_day in doomed
    assert not set(others) & set(doomed)
    assert doomed == sorted(doomed)  # oldest first (names sort by time)


def test_retention_of_nothing_deletes_every_archive():
    names = [archive_name(datetime(2026, 1, day, tzinfo=UTC)) for day in (1, 2)]
    assert archives_to_delete(names, keep_daily=0, keep_weekly=0) == names
    with pytest.raises(ValueError, match="negative"):
        archives_to_delete(names, keep_daily=-1, keep_weekly=0)


# --- progress ------------------------------------------------------------------------------


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_off_a_terminal_each_step_is_a_line_and_long_steps_report_every_ten_seconds():
    out, clock = io.StringIO(), Clock()
    progress = Progress(out, terminal=False, clock=clock)
    progress.step("Archiving 3 media files", 3 * 1024 * 1024, in_bytes=True)
    for _ in range(3):
        clock.now += 6
        progress.advance(1024 * 1024)
    progress.step("Restoring the database")
    progress.finish()
    assert out.getvalue().splitlines() == [
        "Archiving 3 media files (3.0 MB)…",
        "Archiving 3 media files: 66 % (2.0 MB)",
        "Restoring the database…",
    ]
    assert "\r" not in out.getvalue()


def test_on_a_terminal_a_bar_is_redrawn_in_place_then_ends_its_line():
    out, clock = io.StringIO(), Clock()
    progress = Progress(out, terminal=True, clock=clock)
    progress.step("Verifying the archive", 4)
    for _ in range(4):
        clock.now += 1
        progress.advance()
    progress.finish()
    text = out.getvalue()
    assert text.count("\n") == 1 and text.endswith("\n")
    assert "\r\033[KVerifying the archive [###############...............] 2/4" in text
    assert text.rstrip("\n").endswith("[" + "#" * 30 + "] 4/4")
