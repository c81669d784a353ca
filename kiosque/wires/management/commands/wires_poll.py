"""`kiosque wires_poll`: poll every enabled wire source once, now (operators, cron).

One line per item; a source whose poll failed is named on stderr, the other sources are
still polled, and the exit status is then 1.
"""

import sys

from django.core.management.base import BaseCommand

from kiosque.core.terminal import printable
from kiosque.wires.batch import error_summary
from kiosque.wires.sources import sources_poll
from kiosque.wires.tasks import schedule_next_poll


class Command(BaseCommand):
    help = "Poll the enabled wire sources once; --schedule starts the worker's polling."

    def add_arguments(self, parser):
        parser.add_argument("--schedule", action="store_true", help="queue the periodic poll")

    def handle(self, *args, schedule=False, **options):
        if schedule:
            started = schedule_next_poll()
            self.stdout.write("polling scheduled" if started else "polling already scheduled")
            return
        failed = 0
        for source, results, error in sources_poll():
            for result in results:
                tail = result.reason or result.url
                line = f"{source.name}: {result.outcome} {result.identity} v{result.version} {tail}"
                self.stdout.write(printable(line))
            if error is not None:
                failed += 1
                self.stderr.write(printable(f"{source.name}: poll failed: {error_summary(error)}"))
        if failed:
            sys.exit(1)
