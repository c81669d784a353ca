"""The edge for one machine: deploy/varnish/kiosque.vcl, with this site's ports and paths."""

import os
import re
import shutil
from pathlib import Path

from django.conf import settings

VCL_TEMPLATE = Path(settings.PROJECT_DIR) / "deploy" / "varnish" / "kiosque.vcl"
BACKEND_PORT_LINE = re.compile(r'\.port = "\d+"; # make edge: BACKEND_PORT')
ADMIN_PATH_LINE = re.compile(r'req\.url ~ "\^/admin/" # make edge: ADMIN_PATH')


class EdgeSetupError(Exception):
    pass


def vcl_for(backend_port: int, admin_path: str, template: Path = VCL_TEMPLATE) -> str:
    text = template.read_text()
    text, ports = BACKEND_PORT_LINE.subn(f'.port = "{backend_port}";', text)
    text, admins = ADMIN_PATH_LINE.subn(f'req.url ~ "^/{re.escape(admin_path)}"', text)
    if ports != 1 or admins != 1:
        raise EdgeSetupError(f"{template}: the lines marked 'make edge' were not found")
    return text


# Per-request records of Varnish's shared-memory log (what varnishlog and varnishncsa
# read). `kiosque edge --quiet-log` masks them, like nginx's `access_log off`: the
# benchmark compares the two servers with neither writing a request log.
REQUEST_LOG_TAGS = (
    "Begin", "End", "SessOpen", "SessClose", "Link", "Timestamp", "ReqStart", "ReqMethod",
    "ReqURL", "ReqProtocol", "ReqHeader", "ReqUnset", "ReqAcct", "RespProtocol",
    "RespStatus", "RespReason", "RespHeader", "RespUnset", "Hit", "VCL_use", "VCL_call",
    "VCL_return",
)  # fmt: skip


def varnishd_command(
    *,
    host: str,
    port: int,
    vcl_file: Path,
    work_dir: Path,
    memory: str = "256m",
    quiet_log: bool = False,
    thread_pools: int | None = None,
) -> list[str]:
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not Path(varnishd).exists():
        raise EdgeSetupError(
            "varnishd not found: install Debian's varnish and varnish-modules (`make edge` does it)"
        )
    # As root, varnishd would switch to its own user, who cannot read a private data folder
    # (the e2e tests' temporary one, a developer's home): `kiosque edge` is the one-machine
    # edge, so it keeps the caller's user. Production runs Debian's service (deploy/).
    jail = ["-j", "none"] if os.geteuid() == 0 else []
    return [
        varnishd,
        *jail,
        "-F",  # in the foreground: Ctrl-C or SIGTERM stops it
        "-a", f"{host}:{port}",
        "-f", str(vcl_file),
        "-n", str(work_dir),
        "-s", f"malloc,{memory}",
        "-T", "none",  # no management port: nothing listens but the edge itself
        *(["-p", f"thread_pools={thread_pools}"] if thread_pools else []),
        *(["-p", "vsl_mask=" + ",".join(f"-{tag}" for tag in REQUEST_LOG_TAGS)]
          if quiet_log else []),
    ]  # fmt: skip
