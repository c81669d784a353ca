"""`kiosque serve`: the web server and one background worker, stopped together.

`make run` ends with this command. gunicorn serves the site (DEBUG off, static files
through whitenoise) and `kiosque worker` runs background tasks; Ctrl-C or SIGTERM
stops both, and if either dies the other is stopped too, so the demo never keeps
running half-alive.
"""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from kiosque.core.sites import sync_default_site_with_base_url

STOP_GRACE_SECONDS = 10


class Command(BaseCommand):
    help = "Serve the site with gunicorn together with one background worker."

    def add_arguments(self, parser):
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 2))
        )
        parser.add_argument("--threads", type=int, default=int(os.environ.get("WEB_THREADS", 4)))
        parser.add_argument("--no-worker", action="store_true", help="Serve without a task worker.")

    def handle(self, *args, workers: int, threads: int, no_worker: bool, **options):
        sync_default_site_with_base_url()
        bind = f"{settings.HOST}:{settings.PORT}"
        if ":" in settings.HOST and not settings.HOST.startswith("["):
            bind = f"[{settings.HOST}]:{settings.PORT}"
        web = [
            sys.executable, "-m", "gunicorn", "kiosque.wsgi:application",
            "--bind", bind,
            "--workers", str(workers),
            "--threads", str(threads),
            "--access-logfile", "-",
            "--graceful-timeout", str(STOP_GRACE_SECONDS),
            # Hooks: keeps long-lived objects out of the garbage collector's way.
            "--config", "python:kiosque.core.gunicorn_hooks",
        ]  # fmt: skip
        worker = [sys.executable, "-m", "kiosque", "worker"]
        children = [subprocess.Popen(web)]  # noqa: S603 (fixed argument lists)
        if not no_worker:
            children.append(subprocess.Popen(worker))  # noqa: S603
        self.stdout.write(f"Kiosque is serving {settings.BASE_URL} (Ctrl-C stops it)")
        self._supervise(children)

    def _supervise(self, children: list[subprocess.Popen]) -> None:
        stopping = False

        def request_stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, request_stop)
        signal.signal(signal.SIGTERM, request_stop)
        while not stopping and all(child.poll() is None for child in children):
            time.sleep(0.5)
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for child in children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
        failed = [c for c in children if c.returncode not in (0, -signal.SIGTERM, -signal.SIGINT)]
        if failed and not stopping:
            raise SystemExit(1)
