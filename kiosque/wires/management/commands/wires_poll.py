"""`kiosque wires_poll`: poll every enabled wire source once, now (operators, cron)."""

from django.core.management.base import BaseCommand

from kiosque.core.terminal import printable
from kiosque.wires.models import WireSource
from kiosque.wires.sources import source_poll
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
        for source in WireSource.objects.filter(enabled=True).select_related("agency"):
            for result in source_poll(source=source):
                tail = result.reason or result.url
                line = f"{source.name}: {result.outcome} {result.identity} v{result.version} {tail}"
                self.stdout.write(printable(line))
