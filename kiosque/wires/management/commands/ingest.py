"""`kiosque ingest PATH... [--source NAME] [--publish] [--json]`.

One line per item: `<outcome> <identity> v<version> <url or reason>`. Exit status 0 when
nothing was rejected, 1 when something was (reasons on stderr), 2 on a usage error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import InterfaceError, OperationalError

from kiosque.core.terminal import printable, printable_json
from kiosque.wires.batch import expand_paths, ingest_file
from kiosque.wires.models import WireSource

PROGRESS_FROM = 20  # files; a small batch needs no bar


class Command(BaseCommand):
    help = "Ingest agency dispatches (IPTC ninjs, NewsML-G2) from files and folders."
    # A data command run by agencies' scripts, often many times a minute: the system
    # checks (a second or two at start-up) belong to deployment, not to every batch.
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument("--source", help="name of the wire source the files come from")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="act as an auto-publish source: publish each usable item (embargoes hold)",
        )
        parser.add_argument("--json", action="store_true", help="one JSON object per line")

    def handle(self, *args, paths, source=None, publish=False, json=False, **options):
        wire_source = None
        if source:
            wire_source = WireSource.objects.filter(name=source).first()
            if wire_source is None:
                raise CommandError(f"no wire source named {source!r}", returncode=2)
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}", returncode=2)
        files = expand_paths(paths)
        progress = self.stderr.isatty() and len(files) >= PROGRESS_FROM
        rejected = 0
        for index, path in enumerate(files, start=1):
            try:
                results = ingest_file(path, source=wire_source, publish=publish)
            except (OperationalError, InterfaceError) as error:
                # Files before this one are stored; this one and those after are untouched.
                raise CommandError(
                    f"database unavailable while ingesting {printable(str(path))}: "
                    f"{printable(str(error).strip())}; run the command again once it is back",
                    returncode=3,
                ) from error
            for result in results:
                if progress:
                    self.stderr.write("\r\033[K", ending="")
                self.stdout.write(self._line(result, as_json=json))
                if result.outcome == "rejected":
                    rejected += 1
                    self.stderr.write(f"{printable(result.identity)}: {printable(result.reason)}")
            if progress:
                self._bar(index, len(files))
        if progress:
            self.stderr.write("")
        if rejected:
            sys.exit(1)

    def _line(self, result, *, as_json: bool) -> str:
        if as_json:
            return printable_json(json_dumps(result.as_dict()))
        tail = result.reason if result.outcome == "rejected" else result.url
        return printable(f"{result.outcome} {result.identity} v{result.version} {tail}".rstrip())

    def _bar(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // total
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        self.stderr.flush()


def json_dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)
