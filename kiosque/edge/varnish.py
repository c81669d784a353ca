"""The edge's VCL: deploy/varnish/kiosque.vcl with this site's application hosts and paths.

`vcl_for()` is the one way to write it: `kiosque edge` (`make edge`, one machine) and
the cluster (one VCL per edge) both call it. It rewrites the blocks the shipped file
marks ">>> make edge:": the application hosts (one `backend` each, all sharing the
/healthz probe, all in the round-robin director), the addresses allowed to purge, and
the admin path. Every value is checked here, because varnishd's own error on a bad
address comes later, from a C compiler's output.
"""

import ipaddress
import os
import re
import shutil
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

VCL_TEMPLATE = Path(settings.PROJECT_DIR) / "deploy" / "varnish" / "kiosque.vcl"
ADMIN_PATH_LINE = re.compile(r'req\.url ~ "\^/admin/" # make edge: ADMIN_PATH')
# What `make edge` fronts, and who may purge it: this machine.
DEFAULT_BACKEND_HOST = "127.0.0.1"
DEFAULT_PURGERS = ("127.0.0.1", "::1")
# A host name or address Varnish can put between quotes (no quote, space or backslash).
HOST_NAME = re.compile(r"^[A-Za-z0-9._:-]+$")


class EdgeSetupError(Exception):
    pass


def vcl_for(
    backends: int | str | Sequence[str],
    admin_path: str,
    *,
    purgers: Sequence[str] = DEFAULT_PURGERS,
    host_header: str | None = None,
    template: Path = VCL_TEMPLATE,
) -> str:
    """The shipped VCL for these application hosts, purgers and admin path.

    backends: "host:port" for each application host (an IPv6 address in brackets,
        "[2001:db8::1]:8000"), in the director's order; a bare port number means
        127.0.0.1:<port>, as `make edge` has always done.
    purgers: addresses or networks ("198.18.2.0/24") whose PURGE requests are obeyed;
        they replace the default, this machine (127.0.0.1 and ::1).
    host_header: the Host header of the health probes (Varnish's `.host_header`), for
        application hosts whose ALLOWED_HOSTS does not list their own address.

    Raises EdgeSetupError on a value Varnish would refuse or misread.
    """
    hosts = _backend_addresses(backends)
    if host_header is not None and not HOST_NAME.match(host_header):
        raise EdgeSetupError(f"host header {host_header!r}: not a host name")
    text = template.read_text()
    text = _replace_block(text, "backends", _backend_declarations(hosts, host_header), template)
    text = _replace_block(text, "director", _director_lines(hosts), template)
    text = _replace_block(text, "purgers", _acl_entries(purgers), template)
    text, admins = ADMIN_PATH_LINE.subn(f'req.url ~ "^/{re.escape(admin_path)}"', text)
    if admins != 1:
        raise EdgeSetupError(f"{template}: the line marked 'make edge: ADMIN_PATH' was not found")
    return text


def parse_backend(value: str) -> tuple[str, int]:
    """`host:port` → (host, port); EdgeSetupError when it is not one."""
    try:
        parts = urlsplit("//" + value.strip())
        host, port = parts.hostname, parts.port
    except ValueError as error:
        raise EdgeSetupError(f"backend {value!r}: {error}") from None
    if (
        not host
        or port is None
        or parts.path
        or parts.query
        or parts.fragment
        or parts.username
        or not HOST_NAME.match(host)
    ):
        raise EdgeSetupError(f"backend {value!r}: expected HOST:PORT, e.g. 198.18.2.21:8000")
    if port == 0:
        raise EdgeSetupError(f"backend {value!r}: port 0")
    return host, port


def _backend_addresses(backends: int | str | Sequence[str]) -> list[tuple[str, int]]:
    if isinstance(backends, bool):
        raise EdgeSetupError("backends: expected HOST:PORT values or a port number")
    if isinstance(backends, int):
        backends = [f"{DEFAULT_BACKEND_HOST}:{backends}"]
    elif isinstance(backends, str):
        backends = [backends]
    hosts = [parse_backend(value) for value in backends]
    if not hosts:
        raise EdgeSetupError("at least one backend (application host) is needed")
    names = [backend_name(host, port) for host, port in hosts]
    if len(set(names)) != len(names):
        raise EdgeSetupError(f"backends: the same host:port is listed twice in {list(backends)}")
    return hosts


def backend_name(host: str, port: int) -> str:
    """The VCL name of an application host, readable in `varnishadm backend.list`."""
    return "app_" + re.sub(r"[^A-Za-z0-9]", "_", host).strip("_") + f"_{port}"


def _backend_declarations(hosts: list[tuple[str, int]], host_header: str | None) -> list[str]:
    lines = []
    for host, port in hosts:
        lines += [
            f"backend {backend_name(host, port)} {{",
            f'    .host = "{host}";',
            f'    .port = "{port}";',
            *([f'    .host_header = "{host_header}";'] if host_header else []),
            "    .connect_timeout = 1s;",
            "    .first_byte_timeout = 30s;",
            "    .probe = healthz;",
            "}",
        ]
    return lines


def _director_lines(hosts: list[tuple[str, int]]) -> list[str]:
    return [f"    application.add_backend({backend_name(host, port)});" for host, port in hosts]


def _acl_entries(purgers: Sequence[str]) -> list[str]:
    if isinstance(purgers, str):
        purgers = [purgers]
    entries = []
    for value in purgers:
        try:
            network = ipaddress.ip_network(value.strip(), strict=False)
        except ValueError:
            raise EdgeSetupError(
                f"purger {value!r}: expected an address or a network (198.18.2.0/24)"
            ) from None
        if network.num_addresses == 1:
            entries.append(f'    "{network.network_address}";')
        else:
            # Written as the network's first address, which Varnish requires of an ACL.
            entries.append(f'    "{network.network_address}"/{network.prefixlen};')
    if not entries:
        raise EdgeSetupError("at least one purger address is needed (the application hosts)")
    return entries


def _replace_block(text: str, name: str, lines: list[str], template: Path) -> str:
    """Replace what lies between ">>> make edge: <name>" and its "<<<" line."""
    block = re.compile(
        rf"(^[ \t]*# >>> make edge: {name}\n).*?(^[ \t]*# <<< make edge: {name}\n)",
        re.MULTILINE | re.DOTALL,
    )
    text, found = block.subn(lambda match: match[1] + "\n".join(lines) + "\n" + match[2], text)
    if found != 1:
        raise EdgeSetupError(f"{template}: the block 'make edge: {name}' was not found")
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
