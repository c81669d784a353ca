"""`kiosque demo`: build the demo newsroom (idempotent; `make run` calls it)."""

import logging

from django.core.management.base import BaseCommand
from django.utils import timezone

from kiosque.demo.builder import build_demo


class Command(BaseCommand):
    help = "Build the demo newsroom: sections, topics, authors, 40+ articles, staff accounts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--renditions-by-worker",
            action="store_true",
            help="Leave the pictures' renditions to `kiosque worker` (queued as each picture "
            "is saved) instead of making them now: much faster; pages show a picture once "
            "the worker has made its files.",
        )

    def handle(self, *args, **options):
        # Wagtail logs every page it creates and publishes: hundreds of lines here.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        self.stdout.write("Building the demo newsroom…")
        report = build_demo(
            now=timezone.now(),
            progress=self.stdout.write,
            renditions_now=not options["renditions_by_worker"],
        )
        self.stdout.write(
            f"Demo ready: {report.created_articles} articles created, "
            f"{report.existing_articles} already there."
        )
        if report.new_accounts:
            self.stdout.write(
                self.style.WARNING(
                    "New staff accounts — note these passwords now, they are not shown again:"
                )
            )
            for username, password in report.new_accounts:
                self.stdout.write(f"  {username:<12} {password}")
