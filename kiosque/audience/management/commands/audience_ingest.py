"""`kiosque audience_ingest [PATH|-] [--follow]`: add the page views of access logs.

Without PATH, the files of AUDIENCE_LOG_FILES (what the worker reads every minute). A
PATH is read from where the last reading of it stopped (its position is kept in the
database), so running this again, or alongside the worker, counts nothing twice. `-`
reads standard input (`varnishncsa … | kiosque audience_ingest -`): no position there,
every line read is counted once, as it comes.
"""

import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kiosque.audience.ingest import IngestReport, ingest_files, ingest_lines

FOLLOW_PAUSE_SECONDS = 1.0
STDIN_BATCH_LINES = 1000
STDIN_BATCH_SECONDS = 5.0


class Command(BaseCommand):
    help = "Add the page views of the edge's access logs (docs/audience.md)."

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="*", metavar="PATH", help="log files, or - for standard input"
        )
        parser.add_argument(
            "--follow", action="store_true", help="keep reading as lines are added (Ctrl-C stops)"
        )

    def handle(self, *args, paths, follow, **options):
        if "-" in paths:
            if len(paths) > 1:
                raise CommandError("- (standard input) cannot be read with files")
            self._report(self._read_standard_input(follow))
            return
        paths = paths or settings.AUDIENCE_LOG_FILES
        if not paths:
            raise CommandError("no log file: give a PATH or set AUDIENCE_LOG_FILES")
        try:
            while True:
                report = ingest_files(paths)
                if not follow or report.lines:
                    self._report(report)
                if not follow:
                    return
                time.sleep(FOLLOW_PAUSE_SECONDS)
        except KeyboardInterrupt:
            return

    def _read_standard_input(self, follow: bool) -> IngestReport:
        """Counted by batches, so a long pipe shows its views within seconds."""
        total = IngestReport(files=["-"])
        batch: list[str] = []
        started = time.monotonic()
        try:
            for line in sys.stdin:
                batch.append(line)
                if len(batch) >= STDIN_BATCH_LINES or (
                    follow and time.monotonic() - started > STDIN_BATCH_SECONDS
                ):
                    total.add(ingest_lines(batch))
                    batch, started = [], time.monotonic()
        except KeyboardInterrupt:
            pass
        if batch:
            total.add(ingest_lines(batch))
        total.files = ["-"]
        return total

    def _report(self, report: IngestReport) -> None:
        self.stdout.write(f"{', '.join(report.files) or '(none)'}: {report}")
