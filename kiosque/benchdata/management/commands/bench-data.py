"""`kiosque bench-data --articles N --comments M`: a large, realistic newsroom, fast.

For benchmarks and load tests, never for a production database: it writes straight
into the tables (PostgreSQL COPY), bypassing Wagtail's revisions and signals. It
refuses to run twice on one database: load each size into a fresh database.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from kiosque.benchdata.checks import tree_problems
from kiosque.benchdata.services import bench_data_create


class Command(BaseCommand):
    help = "Fill the database with N published articles and M comments (benchmarks only)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True)
        parser.add_argument("--comments", type=int, default=0)
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data.")
        parser.add_argument("--readers", type=int, default=None, help="Commenting accounts.")
        parser.add_argument("--no-index", action="store_true", help="Leave the search index alone.")
        parser.add_argument(
            "--no-check", action="store_true", help="Skip the page-tree check at the end."
        )

    def handle(self, *args, articles, comments, seed, readers, no_index, no_check, **options):
        try:
            report = bench_data_create(
                articles=articles,
                comments=comments,
                seed=seed,
                readers=readers,
                index=not no_index,
                progress=self.stdout.write,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(
            f"{report.articles:,} articles and {report.comments:,} comments in "
            f"{report.seconds['total']:.1f} s; reference article: {report.reference_path}"
        )
        if no_check:
            return
        problems = tree_problems()
        for problem in problems:
            self.stderr.write(f"tree problem: {problem}")
        if problems:
            raise CommandError("the page tree is inconsistent (see above)")
        self.stdout.write("page tree checked: no problem")
