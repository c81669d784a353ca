"""varnishncsa writing the page-view lines, beside the varnishd that `kiosque edge` runs.

The VCL logs `count:<page id>` for each response the application marked as a page view
(vcl_deliver); varnishncsa writes one line for each, in the format below, which
kiosque/audience/lines.py reads (docs/audience.md). Production runs it as its own
service (deploy/varnish/kiosque-audience.service, the same format); on one machine,
`kiosque edge` starts it just before it becomes varnishd.
"""

import ctypes
import shutil
import signal
import subprocess
from pathlib import Path

# Tab-separated: when (seconds since the epoch), method, status, page id, then the
# Sec-Purpose and User-Agent request headers, only for the ingester to drop prefetches
# and robots (never stored). No client address, no URL, no cookie.
VARNISHNCSA_FORMAT = r"%{sec}t\t%m\t%s\t%{VCL_Log:count}x\t%{Sec-Purpose}i\t%{User-Agent}i"
# Only the requests the VCL counted.
VARNISHNCSA_QUERY = "VCL_Log:count"
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def varnishncsa_command(*, work_dir: Path, log_file: Path) -> list[str]:
    varnishncsa = shutil.which("varnishncsa") or "/usr/bin/varnishncsa"
    return [
        varnishncsa,
        "-n", str(work_dir),  # the varnishd instance (its -n)
        "-t", "off",  # started before varnishd: wait for it, however long
        "-a", "-w", str(log_file),  # append; SIGHUP reopens it after a rotation
        "-F", VARNISHNCSA_FORMAT,
        "-q", VARNISHNCSA_QUERY,  # only the requests the VCL counted
    ]  # fmt: skip


def _die_with_parent() -> None:
    # The parent becomes varnishd (exec) and outlives this call; when it stops, the
    # kernel stops varnishncsa too, so no log writer is left behind.
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


def start_page_view_log(*, work_dir: Path, log_file: Path) -> subprocess.Popen:
    """Start varnishncsa for the varnishd about to run in `work_dir`."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(  # noqa: S603 (arguments built above)
        varnishncsa_command(work_dir=work_dir, log_file=log_file),
        stdin=subprocess.DEVNULL,
        preexec_fn=_die_with_parent,  # a command, before any thread starts
    )
