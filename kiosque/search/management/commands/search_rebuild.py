"""`kiosque search_rebuild`: index every visible article again (after a restore, an
upgrade that changes what is indexed, or articles changed outside Wagtail)."""

import time

from django.core.management.base import BaseCommand

from kiosque.search.services import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the reader search index from the articles readers may see."

    def handle(self, *args, **options):
        started = time.monotonic()

        def progress(done: int, total: int) -> None:
            if options["verbosity"] > 1:
                self.stdout.write(f"  {done}/{total}")

        written = search_index_rebuild(progress=progress)
        seconds = time.monotonic() - started
        self.stdout.write(f"Search index: {written} articles indexed in {seconds:.1f} s.")
