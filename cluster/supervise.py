"""`python -m cluster.supervise -- ARGV`: systemd's Restart=on-failure for one service.

The application's hosts run their web server and worker under systemd
(deploy/systemd/*.service, `Restart=on-failure`): a worker that exits on an error (the
database went away under it) is started again a moment later. The cluster's hosts have
no systemd, so their application services run under this: it starts ARGV, passes on
SIGTERM and SIGINT (a stop), and starts ARGV again when it exits with a failure status
or a signal it was not asked to pass on, after RESTART_SECONDS. It runs in the host's
namespace with its service: a killed host loses both, as a machine loses its systemd.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading

RESTART_SECONDS = 2.0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--"]:
        argv = argv[1:]
    if not argv:
        print("usage: python -m cluster.supervise -- COMMAND [ARGUMENTS...]", file=sys.stderr)
        return 2
    stopping = threading.Event()
    child: subprocess.Popen | None = None

    def stop(signum, frame):
        stopping.set()
        if child is not None and child.poll() is None:
            child.send_signal(signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while True:
        child = subprocess.Popen(argv)
        status = child.wait()
        if stopping.is_set() or status == 0:
            return status if status >= 0 else 128 - status
        print(
            f"supervise: {argv[0]} exited with status {status}; "
            f"started again in {RESTART_SECONDS:.0f} s",
            flush=True,
        )
        if stopping.wait(RESTART_SECONDS):
            return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
