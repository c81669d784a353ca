"""`kiosque backup DEST`: one archive of the database and the media originals.

Runs while the site serves and writes (docs/backups.md). DEST is a folder, where the
archive is named after the time (kiosque-backup-20261207T031500Z.tar), or a file name.
"""

import argparse

from django.core.management.base import BaseCommand, CommandError

from kiosque.backups.archive import ArchiveError
from kiosque.backups.progress import Progress, _size
from kiosque.backups.services import BackupError, backup_create
from kiosque.backups.summary import summary_lines
from kiosque.core.terminal import printable


def count(value: str) -> int:
    number = int(value)
    if not 0 <= number <= 10_000:
        raise argparse.ArgumentTypeError("a whole number from 0 to 10000")
    return number


class Command(BaseCommand):
    help = (
        "Write one archive of the database (a consistent snapshot, taken while the site "
        "runs) and the media originals, with a manifest of versions, counts and checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "destination",
            help="a folder (the archive is named after the time; end the name with / to "
            "create it) or the archive's file name",
        )
        parser.add_argument(
            "--keep-daily",
            type=count,
            default=0,
            metavar="N",
            help="in the folder, keep the newest archive of each of the last N days...",
        )
        parser.add_argument(
            "--keep-weekly",
            type=count,
            default=0,
            metavar="N",
            help="...and of each of the last N weeks; delete the other archives",
        )

    def handle(self, *args, destination, keep_daily, keep_weekly, **options):
        # The stream itself: the bar redraws its line, which OutputWrapper would end.
        progress = Progress(self.stderr._out)
        try:
            result = backup_create(
                destination=destination,
                progress=progress,
                keep_daily=keep_daily,
                keep_weekly=keep_weekly,
            )
        except (BackupError, ArchiveError) as error:
            raise CommandError(f"backup failed: {error}") from None
        except OSError as error:
            raise CommandError(f"backup failed, nothing kept: {error}") from None
        write = self.stdout.write
        write(f"Archive: {printable(result.path)} ({_size(result.size)})")
        write(f"Database: {', '.join(summary_lines(result.counts))}")
        write(f"Media: {result.files} original files")
        for name in result.missing:
            self.stderr.write(f"warning: {printable(name)} is named in the database but missing")
        for name in result.deleted:
            write(f"Deleted (retention): {printable(name)}")
        write(f"Done in {result.seconds:.1f} s.")
