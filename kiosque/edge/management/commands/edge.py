"""`kiosque edge`: Varnish on EDGE_PORT in front of the site's application hosts (`make edge`).

Without --backend, the one application host is this machine's `kiosque serve`, on
BACKEND_PORT, as `make edge` has always run it. Each --backend HOST:PORT adds an
application host to the round-robin director instead; each --purger ADDRESS[/BITS]
replaces the default purgers (this machine) in the ACL. --print-vcl prints the VCL
these options make, for Debian's varnish service, and starts nothing.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kiosque.edge.page_view_log import start_page_view_log
from kiosque.edge.varnish import (
    DEFAULT_PURGERS,
    EdgeSetupError,
    varnishd_command,
    vcl_for,
)


class Command(BaseCommand):
    help = "Run the Varnish edge cache in front of `kiosque serve` (foreground)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("EDGE_PORT", 8080)))
        parser.add_argument(
            "--backend-port",
            type=int,
            default=int(os.environ.get("BACKEND_PORT", 8000)),
            help="the application on 127.0.0.1 (when no --backend is given)",
        )
        parser.add_argument(
            "--backend",
            action="append",
            default=[],
            metavar="HOST:PORT",
            help="an application host, probed on /healthz (repeat for several)",
        )
        parser.add_argument(
            "--purger",
            action="append",
            default=[],
            metavar="ADDRESS[/BITS]",
            help="an address or network allowed to purge (repeat; default this machine)",
        )
        parser.add_argument(
            "--probe-host",
            default=None,
            help="Host header of the health probes (default: each backend's address)",
        )
        parser.add_argument(
            "--print-vcl",
            action="store_true",
            help="print the VCL for these options and exit (for Debian's varnish service)",
        )
        parser.add_argument("--memory", default="256m", help="cache size (varnishd -s malloc)")
        parser.add_argument(
            "--quiet-log",
            action="store_true",
            help="no per-request records in Varnish's log (varnishlog shows no requests)",
        )
        parser.add_argument(
            "--thread-pools", type=int, default=None, help="varnishd thread_pools (default 2)"
        )

    def handle(
        self, *args, host, port, backend_port, backend, purger, probe_host, print_vcl,
        memory, quiet_log, thread_pools, **options,
    ):  # fmt: skip
        try:
            vcl = vcl_for(
                backend or backend_port,
                settings.ADMIN_PATH,
                purgers=purger or DEFAULT_PURGERS,
                host_header=probe_host,
            )
        except EdgeSetupError as error:
            raise CommandError(str(error)) from error
        if print_vcl:
            self.stdout.write(vcl, ending="")
            return
        work_dir = Path(settings.VAR_DIR) / "edge"
        work_dir.mkdir(parents=True, exist_ok=True)
        vcl_file = work_dir / "kiosque.vcl"
        vcl_file.write_text(vcl)
        try:
            command = varnishd_command(
                host=host, port=port, vcl_file=vcl_file, work_dir=work_dir / "varnish",
                memory=memory, quiet_log=quiet_log, thread_pools=thread_pools,
            )  # fmt: skip
        except EdgeSetupError as error:
            raise CommandError(str(error)) from error
        fronted = (
            ", ".join(f"http://{address.strip()}/" for address in backend)
            or f"http://127.0.0.1:{backend_port}/"
        )
        self.stdout.write(
            f"Edge on http://{host}:{port}/ in front of {fronted} "
            f"(purges: set EDGE_URL=http://{host}:{port} for the site)"
        )
        if not quiet_log:
            # The page views it serves, for the worker to count (docs/audience.md).
            page_views = Path(settings.VAR_DIR) / "log" / "audience.log"
            start_page_view_log(work_dir=work_dir / "varnish", log_file=page_views)
            self.stdout.write(f"Page views logged to {page_views}")
        self.stdout.flush()
        os.execv(command[0], command)  # noqa: S606 (varnishd, arguments built above)
