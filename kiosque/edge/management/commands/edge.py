"""`kiosque edge`: Varnish on EDGE_PORT in front of the site on BACKEND_PORT (`make edge`)."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kiosque.edge.varnish import EdgeSetupError, varnishd_command, vcl_for


class Command(BaseCommand):
    help = "Run the Varnish edge cache in front of `kiosque serve` (foreground)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("EDGE_PORT", 8080)))
        parser.add_argument(
            "--backend-port", type=int, default=int(os.environ.get("BACKEND_PORT", 8000))
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

    def handle(self, *args, host, port, backend_port, memory, quiet_log, thread_pools, **options):
        work_dir = Path(settings.VAR_DIR) / "edge"
        work_dir.mkdir(parents=True, exist_ok=True)
        vcl_file = work_dir / "kiosque.vcl"
        try:
            vcl_file.write_text(vcl_for(backend_port, settings.ADMIN_PATH))
            command = varnishd_command(
                host=host, port=port, vcl_file=vcl_file, work_dir=work_dir / "varnish",
                memory=memory, quiet_log=quiet_log, thread_pools=thread_pools,
            )  # fmt: skip
        except EdgeSetupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Edge on http://{host}:{port}/ in front of http://127.0.0.1:{backend_port}/ "
            f"(purges: set EDGE_URL=http://{host}:{port} for the site)"
        )
        self.stdout.flush()
        os.execv(command[0], command)  # noqa: S606 (varnishd, arguments built above)
