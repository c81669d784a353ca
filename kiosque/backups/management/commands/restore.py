"""`kiosque restore ARCHIVE`: an archive of `kiosque backup` back into an empty site.

Everything is verified before anything is written; a PostgreSQL site can be filled from
a SQLite archive (docs/backups.md, decision 0079).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kiosque.backups.archive import ArchiveError
from kiosque.backups.progress import Progress, _size
from kiosque.backups.services import RestoreRefused, archive_restore
from kiosque.backups.summary import summary_lines
from kiosque.core.terminal import printable


class Command(BaseCommand):
    help = (
        "Restore an archive made by `kiosque backup` into an empty database and media "
        "folder, migrate it forward, and queue renditions and search indexes for the worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="the archive's file")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database and media folder that are not empty (their content is lost)",
        )

    def handle(self, *args, archive, force, **options):
        # The stream itself: the bar redraws its line, which OutputWrapper would end.
        progress = Progress(self.stderr._out)
        try:
            result = archive_restore(archive=archive, progress=progress, replace=force)
        except ArchiveError as error:
            raise CommandError(f"archive refused, nothing written: {error}") from None
        except RestoreRefused as error:
            raise CommandError(f"restore refused, nothing written: {error}") from None
        manifest = result.manifest
        write = self.stdout.write
        write(
            f"Restored {printable(archive.name)}: made {printable(manifest['created_at'])} by "
            f"Kiosque {printable(manifest.get('kiosque_version', '?'))}, "
            f"{manifest['database']['engine']} into {result.engine}."
        )
        write(f"Database: {', '.join(summary_lines(result.counts))}")
        write(f"Media: {result.files} original files ({_size(result.bytes_written)})")
        if result.migrated:
            write(f"Migrated forward: {len(result.migrated)} ({', '.join(result.migrated)})")
        else:
            write("Migrated forward: none (the archive was made by this version's schema)")
        write(
            f"Queued for the worker: renditions of {result.queued['renditions']} images, "
            "search indexes. Start (or restart) `kiosque worker` and the web server."
        )
        write(f"Done in {result.seconds:.1f} s.")
