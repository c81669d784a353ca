"""`kiosque search_rebuild`: index every visible article again (after a restore, an
upgrade that changes what is indexed, or articles changed outside Wagtail).

`--with-wagtail` also rewrites Wagtail's index entries of every article (the admin's
search, the API's `q`), in bulk: Wagtail's own `update_index` loads each page and
takes hours over a large archive.
"""

import time

from django.core.management.base import BaseCommand

from kiosque.search.services import search_index_rebuild, search_indexes_rebuild


class Command(BaseCommand):
    help = "Rebuild the reader search index from the articles readers may see."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-wagtail",
            action="store_true",
            help="Also rewrite Wagtail's index entries of every article (admin search, API).",
        )

    def handle(self, *args, with_wagtail, **options):
        started = time.monotonic()
        names = {"wagtail": "Wagtail index", "reader": "reader search index"}

        def progress(index: str, done: int, total: int) -> None:
            if options["verbosity"] > 1:
                self.stdout.write(f"  {names[index]} {done}/{total}")

        if with_wagtail:
            written = search_indexes_rebuild(progress=progress)
        else:
            written = {
                "reader": search_index_rebuild(progress=lambda d, t: progress("reader", d, t))
            }
        seconds = time.monotonic() - started
        if "wagtail" in written:
            self.stdout.write(f"Wagtail index: {written['wagtail']} articles indexed.")
        self.stdout.write(f"Search index: {written['reader']} articles indexed in {seconds:.1f} s.")
