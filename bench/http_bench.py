"""HTTP benchmark of the article page: application, edge cache, static-file limit.

    .venv/bin/python bench/http_bench.py                     # what `make bench` runs
    .venv/bin/python bench/http_bench.py --servers 1x1,2x4,4x1,4x4 --conn-max-age 0,60

Needs wrk, varnishd (with varnish-modules) and nginx on this machine (`make bench`
installs the missing ones), and two PostgreSQL databases loaded by `kiosque bench-data`
(see bench/results/README.md): BENCH_LARGE_URL (200,000 articles) and BENCH_SMALL_URL
(1,000 articles). In one run, on the reference article of kiosque.benchdata:

  (a) the page straight from the application: `kiosque serve` (gunicorn) with the
      production settings, nothing cached in front;
  (b) the same page through Varnish running deploy/varnish/kiosque.vcl;
  (c) nginx serving the same bytes as a static file, the edge's response headers
      included: the physical limit of this machine for this response;
  (c0) the same with nginx's own, shorter headers (for reference);
  (d) the application's page on the small database, to compare with (a).

Each is measured twice with wrk: one connection (the time of one request: p50/p99 are
what a reader waits) and many connections (throughput; (b), (c) and (c0) in alternating
rounds, median reported). Results go to
bench/results/http-bench-<time>.json with a PNG chart next to it. Timing targets are
printed as ratios measured in this same run, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kiosque.benchdata.reference import REFERENCE_PATH  # noqa: E402

RESULTS = REPO / "bench" / "results"
VCL = REPO / "deploy" / "varnish" / "kiosque.vcl"
PG = "postgres://postgres@127.0.0.1:5432"
# Commands other than the server run with the ordinary settings, whatever this script's
# own Django set-up (it reads `kiosque serve`'s defaults) put in os.environ.
DEV = {"DJANGO_SETTINGS_MODULE": "kiosque.settings.dev"}
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


# --- processes -------------------------------------------------------------------------


def wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float = 300) -> None:
    """Until `url` answers 200; stop early, showing the log, if `process` has died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{process.args[0]} stopped:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer 200 within {timeout:.0f} s")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Servers run in process groups of their own (so stop() can end a server and its
# children) but in the benchmark's session: Linux's autogroup scheduling shares the CPU
# evenly between sessions, so a server in a session of its own would get half the two
# cores against wrk whatever its threads, which penalises Varnish (a thread per
# connection) against nginx (two event loops) for a reason that has nothing to do with
# either: in production no load generator shares the edge's machine.


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def app_environment(
    database_url: str,
    port: int,
    var_dir: Path,
    conn_max_age: int,
    redis_url: str = "",
    fragments: bool = True,
) -> dict:
    """Production settings, as an operator would set them, on this machine.

    With Redis (deploy/README.md's production set-up) when one answers at `redis_url`,
    emptied first so every run starts from the same cold caches.
    """
    if redis_url:
        flush_redis(redis_url)
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kiosque.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BASE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "CONN_MAX_AGE": str(conn_max_age),
        "KIOSQUE_VAR_DIR": str(var_dir),
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "LOG_LEVEL": "WARNING",
        "EDGE_URL": "",
        "REDIS_URL": redis_url,
        "FRAGMENT_CACHE": "on" if fragments else "off",
    }


def redis_answers(url: str) -> bool:
    host_port = url.split("://", 1)[1].split("/", 1)[0]
    host, _, port = host_port.rpartition(":")
    try:
        with socket.create_connection((host or "127.0.0.1", int(port or 6379)), timeout=1):
            return True
    except OSError:
        return False


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def start_app(env: dict, workers: int, threads: int, log: Path) -> subprocess.Popen:
    command = [
        str(REPO / ".venv" / "bin" / "kiosque"), "serve", "--no-worker",
        "--workers", str(workers), "--threads", str(threads),
    ]  # fmt: skip
    process = subprocess.Popen(
        command, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, process_group=0
    )
    wait_for(f"http://127.0.0.1:{env['PORT']}/healthz", process, log)
    return process


def edge_vcl(workdir: Path, backend_port: int) -> tuple[Path, str]:
    """The shipped VCL pointed at this run's backend; a minimal one if none is shipped."""
    if VCL.exists():
        text = VCL.read_text()
        text = re.sub(r'(\.port\s*=\s*)"\d+"', rf'\1"{backend_port}"', text)
        text = re.sub(r'(\.host\s*=\s*)"[^"]+"', r'\1"127.0.0.1"', text)
        source = str(VCL.relative_to(REPO))
    else:
        text = (
            "vcl 4.1;\n"
            f'backend default {{ .host = "127.0.0.1"; .port = "{backend_port}"; }}\n'
            "sub vcl_recv { unset req.http.Cookie; }\n"
        )
        source = "minimal fallback VCL (deploy/varnish/kiosque.vcl missing)"
    path = workdir / "kiosque.vcl"
    path.write_text(text)
    return path, source


EDGE_COMMAND = REPO / "kiosque" / "edge" / "management" / "commands" / "edge.py"


def start_edge(workdir: Path, backend_port: int, port: int, log: Path) -> tuple:
    """`make edge`'s Varnish (`kiosque edge`) in front of the app; (process, VCL source)."""
    if not EDGE_COMMAND.exists():
        vcl, source = edge_vcl(workdir, backend_port)
        return start_varnish(workdir, vcl, port, log), source
    env = {**os.environ, **DEV, "KIOSQUE_VAR_DIR": str(workdir / "edge-var")}
    command = [
        str(REPO / ".venv" / "bin" / "kiosque"), "edge", "--skip-checks",
        "--port", str(port), "--backend-port", str(backend_port),
        # Like nginx in (c): no request log. One thread pool: two cores, and wrk on them.
        "--quiet-log", "--thread-pools", "1",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, process_group=0
    )
    wait_for(f"http://127.0.0.1:{port}{REFERENCE_PATH}", process, log)
    return process, "kiosque edge (make edge's VCL)"


def start_varnish(workdir: Path, vcl: Path, port: int, log: Path) -> subprocess.Popen:
    command = [
        "varnishd", "-F", "-n", str(workdir / "varnish"), "-a", f"127.0.0.1:{port}",
        "-f", str(vcl), "-s", "malloc,256m",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, stdout=log.open("w"), stderr=subprocess.STDOUT, process_group=0
    )
    wait_for(f"http://127.0.0.1:{port}{REFERENCE_PATH}", process, log)
    return process


# Headers nginx writes itself for a static file; every other header of the edge's
# response is added to nginx's, so that (c) sends the same bytes as (b), headers included.
NGINX_OWN_HEADERS = {
    "date", "server", "content-length", "content-type", "content-encoding", "connection",
    "last-modified", "etag", "accept-ranges", "transfer-encoding", "keep-alive",
}  # fmt: skip


def nginx_add_headers(edge_headers: dict) -> tuple[str, list[str]]:
    """`add_header` lines repeating the edge's headers; (lines, names left out).

    A value nginx cannot hold literally (a double quote, a `$` it would read as a
    variable, a backslash) is left out and named in the results.
    """
    lines, left_out = [], []
    for name, value in edge_headers.items():
        if name.lower() in NGINX_OWN_HEADERS:
            continue
        if re.search(r'["$\\]', value):
            left_out.append(name)
            continue
        lines.append(f'add_header {name} "{value}" always;')
    return "\n        ".join(lines), left_out


def start_nginx(
    workdir: Path,
    body: bytes,
    gzipped: bytes,
    port: int,
    log: Path,
    add_headers: str = "",
    name: str = "nginx",
) -> subprocess.Popen:
    """nginx serving `body` at the article's path, and to clients accepting gzip the
    compressed bytes the edge sends (`gzipped`), from a config of its own (`name`), with
    `add_headers` (nginx_add_headers) in its server block."""
    workdir = workdir / name
    root = workdir / "static"
    page = root / REFERENCE_PATH.strip("/") / "index.html"
    page.parent.mkdir(parents=True)
    page.write_bytes(body)
    compressed = page.with_name("index.html.gz")
    compressed.write_bytes(gzipped)
    for folder in [workdir, *page.parents]:  # nginx's workers run as nobody
        if folder.is_relative_to(workdir):
            folder.chmod(0o755)
    page.chmod(0o644)
    compressed.chmod(0o644)
    config = workdir / "nginx.conf"
    config.write_text(
        f"""
worker_processes auto;
daemon off;
pid {workdir}/nginx.pid;
error_log {log} warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    gzip_static on;
    default_type text/html;
    client_body_temp_path {workdir}/nginx-body;
    proxy_temp_path {workdir}/nginx-proxy;
    fastcgi_temp_path {workdir}/nginx-fastcgi;
    uwsgi_temp_path {workdir}/nginx-uwsgi;
    scgi_temp_path {workdir}/nginx-scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
        {add_headers}
    }}
}}
"""
    )
    process = subprocess.Popen(
        ["nginx", "-c", str(config), "-p", str(workdir)],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        process_group=0,
    )
    wait_for(f"http://127.0.0.1:{port}{REFERENCE_PATH}", process, log)
    return process


# --- measuring -------------------------------------------------------------------------


def fetch(url: str, headers: dict | None = None) -> tuple[bytes, dict]:
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.read(), dict(response.headers)


def wrk(url: str, *, connections: int, seconds: int, threads: int = 2) -> dict:
    threads = min(threads, connections)
    output = subprocess.run(
        # A long timeout: a slow answer is a measurement, not an error to leave out.
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "60s",
            "--latency",
            # Every browser accepts gzip: the edge then sends what it stores, compressed.
            "-H",
            "Accept-Encoding: gzip",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return parse_wrk(output) | {"connections": connections, "seconds": seconds}


def parse_wrk(output: str) -> dict:
    def latency(percent: str) -> float:
        found = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return round(float(found.group(1)) * UNITS[found.group(2)], 3) if found else None

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    total = re.search(r"(\d+) requests in", output)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "requests": int(total.group(1)) if total else 0,
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1).strip() if socket_errors else "",
    }


def settle(seconds: float = 5.0) -> None:
    """Let the previous run's queued requests drain (gunicorn keeps serving the backlog
    of a many-connection run for a few seconds), so it does not share the CPU with the
    next measurement."""
    time.sleep(seconds)


def one_connection(url: str, args) -> dict:
    """The time of one request: one connection, after a warm-up.

    The warm-up uses as many connections as the throughput run, so that every server
    process has answered before the measured run: with a one-connection warm-up, the
    measured connection could land on a gunicorn worker that had never answered, and
    its first requests (about 0.5 s for the first) made the p99 of a 10-second run.
    """
    warm_up(url, args)
    return wrk(url, connections=1, seconds=args.seconds, threads=1)


def warm_up(url: str, args) -> None:
    """Every server process answers (args.connections for 3 s), then its backlog drains."""
    settle()
    wrk(url, connections=args.connections, seconds=3)
    settle()


def measure(url: str, args) -> dict:
    """One connection (latency), after a warm-up, then args.connections (throughput).

    The one-connection run comes first so no request queued by the many-connection run
    is still being served while it measures.
    """
    return {
        "latency": one_connection(url, args),
        "throughput": wrk(url, connections=args.connections, seconds=args.seconds),
    }


def interleaved_throughput(urls: dict[str, str], args) -> dict[str, dict]:
    """Throughput of several servers measured in alternating rounds; each one's median.

    Idle, one 10-second run of the same server swung by 10-30 % from the next on this
    2-core machine (where the scheduler puts wrk's threads and the server's), which
    made a ratio of two single runs a draw. Alternating rounds spread whatever else the
    machine does over every server; the median round is reported, with every round.
    """
    runs: dict[str, list[dict]] = {key: [] for key in urls}
    for _ in range(args.rounds):
        for key, url in urls.items():
            settle(1)  # Varnish and nginx keep no backlog; a second lets wrk's sockets close
            runs[key].append(wrk(url, connections=args.connections, seconds=args.seconds))
    return {key: median_run(measured) for key, measured in runs.items()}


def latency_in_new_processes(apps: dict[str, tuple[dict, Path]], args) -> dict[str, dict]:
    """One-connection runs of several applications (environment, log stem) in
    alternating rounds, each run in newly started processes; each one's median round
    by p50.

    Measured on a 2-core machine: two instances of the same application on the same
    database, kept running and measured in alternating rounds, differed by 10 % round
    after round (0.91 to 1.26), the one started first slower in five rounds of six,
    with the whole machine drifting by 50 % in minutes. A large/small ratio from one
    instance of each measured that draw, not the database: new instances every round,
    in alternating order, spread both over the two sides.
    """
    runs: dict[str, list[dict]] = {key: [] for key in apps}
    keys = list(apps)
    for number in range(args.rounds):
        for key in keys if number % 2 == 0 else keys[::-1]:
            env, log_stem = apps[key]
            log = log_stem.with_name(f"{log_stem.name}-round-{number}.log")
            process = start_app(env, args.workers, args.threads, log)
            try:
                url = f"http://127.0.0.1:{env['PORT']}{REFERENCE_PATH}"
                runs[key].append(one_connection(url, args))
            finally:
                stop(process)
    return {key: median_run(measured, by="p50_ms") for key, measured in runs.items()}


def throughput(url: str, args) -> dict:
    """args.connections for args.seconds, after a warm-up of every server process."""
    warm_up(url, args)
    return wrk(url, connections=args.connections, seconds=args.seconds)


def median_run(runs: list[dict], by: str = "rps") -> dict:
    """The median run by `by`, with that figure of every run kept (`rounds_<by>`)."""
    ordered = sorted(runs, key=lambda run: run[by])
    figures = [round(run[by]) if by == "rps" else run[by] for run in runs]
    return ordered[len(ordered) // 2] | {f"rounds_{by}": figures}


def next_redis_database(url: str) -> str:
    """The Redis database after `url`'s (a second application's cache, kept apart)."""
    if not url:
        return url
    found = re.fullmatch(r"(redis://[^/]+)/?(\d*)", url)
    if not found:
        raise SystemExit(f"--redis-url: expected redis://host:port/number, not {url}")
    return f"{found.group(1)}/{int(found.group(2) or 0) + 1}"


def header_bytes(url: str) -> int:
    """Bytes of the status line and headers of a gzip-accepting GET of `url`."""
    host, port = url.split("/")[2].split(":")
    path = "/" + url.split("/", 3)[3]
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept-Encoding: gzip\r\n"
        "Connection: close\r\n\r\n"
    )
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(request.encode())
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = connection.recv(65536)
            if not chunk:
                break
            received += chunk
    return len(received.split(b"\r\n\r\n", 1)[0]) + 4


def ratio(a: float | None, b: float | None) -> float | None:
    return float(f"{a / b:.3g}") if a and b else None  # 3 significant digits


# --- the run ---------------------------------------------------------------------------


def ratio_by_round(numerators: list, denominators: list) -> list[float | None]:
    return [ratio(a, b) for a, b in zip(numerators, denominators, strict=True)]


def prepare_var_dir(var_dir: Path) -> None:
    """Static files collected once into the bench's var dir (whitenoise's manifest)."""
    env = {**os.environ, "KIOSQUE_VAR_DIR": str(var_dir), **DEV}
    subprocess.run(
        [str(REPO / ".venv/bin/kiosque"), "collectstatic", "--no-input", "-v0", "--skip-checks"],
        env=env,
        check=True,
    )


def run_main(args, workdir: Path) -> dict:
    app_port, small_port, edge_port, nginx_port, plain_port = (free_port() for _ in range(5))
    results: dict = {
        "targets": {"b/c": ">= 0.8", "uncached p50 ms": "< 15", "large/small": "<= 1.2"}
    }
    workers, threads = args.workers, args.threads
    results["cache"] = {"redis": bool(args.redis_url), "fragments": "measured on and off"}
    env = app_environment(
        args.large_url, app_port, args.var_dir, args.default_conn_max_age, args.redis_url,
        fragments=False,
    )  # fmt: skip
    app = small_app = edge = nginx = nginx_plain = None
    try:
        app = start_app(env, workers, threads, workdir / "app-no-fragments.log")
        url = f"http://127.0.0.1:{app_port}{REFERENCE_PATH}"
        print(f"(a0) application, {args.large_label}, fragment cache off: every part rendered")
        results["a0_app_no_fragments"] = measure(url, args)
        show(results["a0_app_no_fragments"])
    finally:
        stop(app)
    env = app_environment(
        args.large_url, app_port, args.var_dir, args.default_conn_max_age, args.redis_url
    )
    small_env = app_environment(
        args.small_url, small_port, args.var_dir, args.default_conn_max_age,
        next_redis_database(args.redis_url),
    )  # fmt: skip
    print(f"(a) application, {args.large_label}; (d) application, {args.small_label}")
    print(f"    one connection: {args.rounds} alternating rounds, new processes every round")
    app_latencies = latency_in_new_processes(
        {"a_app": (env, workdir / "app-large"), "d_app_small": (small_env, workdir / "app-small")},
        args,
    )
    try:
        app = start_app(env, workers, threads, workdir / "app-large.log")
        url = f"http://127.0.0.1:{app_port}{REFERENCE_PATH}"
        body, headers = fetch(url)
        results["page"] = {
            "path": REFERENCE_PATH,
            "bytes": len(body),
            "cache_control": headers.get("Cache-Control", ""),
            "set_cookie": "Set-Cookie" in headers,
        }
        print(f"(a) application, {args.large_label}: {url} ({len(body):,} bytes)")
        results["a_app"] = {"latency": app_latencies["a_app"], "throughput": throughput(url, args)}
        show(results["a_app"])

        edge, source = start_edge(workdir, app_port, edge_port, workdir / "varnish.log")
        edge_url = f"http://127.0.0.1:{edge_port}{REFERENCE_PATH}"
        fetch(edge_url)
        _, edge_headers = fetch(edge_url)
        gzipped, gzip_headers = fetch(edge_url, {"Accept-Encoding": "gzip"})
        results["edge"] = {
            "vcl": source,
            "x_cache_after_warmup": edge_headers.get("X-Cache", ""),
            "gzip_bytes": len(gzipped) if gzip_headers.get("Content-Encoding") == "gzip" else None,
        }
        if gzip_headers.get("Content-Encoding") != "gzip":
            raise SystemExit("the edge did not send the page compressed (Accept-Encoding: gzip)")
        add_headers, left_out = nginx_add_headers(gzip_headers)
        nginx = start_nginx(
            workdir, body, gzipped, nginx_port, workdir / "nginx.log", add_headers, "nginx"
        )
        nginx_plain = start_nginx(
            workdir, body, gzipped, plain_port, workdir / "nginx-plain.log", "", "nginx-plain"
        )
        urls = {
            "b_edge": edge_url,
            "c_static": f"http://127.0.0.1:{nginx_port}{REFERENCE_PATH}",
            "c0_static_own_headers": f"http://127.0.0.1:{plain_port}{REFERENCE_PATH}",
        }
        results["static"] = {
            "edge_headers_left_out": left_out,
            "response_header_bytes": {key: header_bytes(url) for key, url in urls.items()},
        }
        labels = {
            "b_edge": f"(b) Varnish ({source}), X-Cache after warm-up: "
            f"{edge_headers.get('X-Cache')}",
            "c_static": "(c) nginx, the same bytes as a static file, the edge's headers too",
            "c0_static_own_headers": "(c0) nginx, the same body with nginx's own headers",
        }
        latencies = {key: one_connection(url, args) for key, url in urls.items()}
        print(f"    (b), (c) and (c0) in {args.rounds} alternating rounds of throughput")
        throughputs = interleaved_throughput(urls, args)
        for key in urls:
            results[key] = {"latency": latencies[key], "throughput": throughputs[key]}
            print(labels[key])
            show(results[key])
    finally:
        for process in (nginx_plain, nginx, edge, app):
            stop(process)

    try:
        small_app = start_app(small_env, workers, threads, workdir / "app-small.log")
        small_url = f"http://127.0.0.1:{small_port}{REFERENCE_PATH}"
        print(f"(d) application, {args.small_label}")
        results["d_app_small"] = {
            "latency": app_latencies["d_app_small"],
            "throughput": throughput(small_url, args),
        }
        show(results["d_app_small"])
    finally:
        stop(small_app)

    a, b, c, d = (
        results[k]["throughput"]["rps"] for k in ("a_app", "b_edge", "c_static", "d_app_small")
    )
    results["ratios"] = {
        "b/c rps": ratio(b, c),
        "b/c rps, each round": ratio_by_round(
            results["b_edge"]["throughput"]["rounds_rps"],
            results["c_static"]["throughput"]["rounds_rps"],
        ),
        "b/c0 rps (nginx's own headers)": ratio(
            b, results["c0_static_own_headers"]["throughput"]["rps"]
        ),
        "a/c rps": ratio(a, c),
        "large/small p50 (1 connection)": ratio(
            results["a_app"]["latency"]["p50_ms"], results["d_app_small"]["latency"]["p50_ms"]
        ),
        "large/small p50, each round": ratio_by_round(
            results["a_app"]["latency"]["rounds_p50_ms"],
            results["d_app_small"]["latency"]["rounds_p50_ms"],
        ),
        "large/small rps": ratio(d, a),
    }
    results["server"] = {
        "workers": workers,
        "threads": threads,
        "conn_max_age": args.default_conn_max_age,
    }
    return results


def run_servers(args, workdir: Path) -> list[dict]:
    """The uncached article page under several gunicorn and connection settings."""
    rows = []
    for conn_max_age in args.conn_max_age:
        for server in args.servers:
            workers, threads = server
            port = free_port()
            env = app_environment(
                args.large_url, port, args.var_dir, conn_max_age, args.redis_url,
                fragments=args.server_fragments == "on",
            )  # fmt: skip
            app = start_app(env, workers, threads, workdir / f"app-{workers}x{threads}.log")
            try:
                url = f"http://127.0.0.1:{port}{REFERENCE_PATH}"
                fetch(url)
                measured = measure(url, args)
            finally:
                stop(app)
            row = {
                "workers": workers,
                "threads": threads,
                "worker_class": "gthread" if threads > 1 else "sync",
                "conn_max_age": conn_max_age,
                "fragments": args.server_fragments,
                **{f"latency_{k}": v for k, v in measured["latency"].items()},
                **{f"throughput_{k}": v for k, v in measured["throughput"].items()},
            }
            rows.append(row)
            print(
                f"  {workers} workers x {threads} threads, CONN_MAX_AGE={conn_max_age}: "
                f"{row['throughput_rps']:.0f} req/s at {args.connections} connections "
                f"(p50 {row['throughput_p50_ms']} ms, p99 {row['throughput_p99_ms']} ms); "
                f"1 connection p50 {row['latency_p50_ms']} ms"
            )
    return rows


def show(result: dict) -> None:
    one, many = result["latency"], result["throughput"]
    print(
        f"    1 connection: p50 {one['p50_ms']} ms, p99 {one['p99_ms']} ms, {one['rps']:.0f} req/s"
        + (f" (median of rounds' p50 {one['rounds_p50_ms']})" if "rounds_p50_ms" in one else "")
    )
    print(
        f"    {many['connections']} connections: {many['rps']:.0f} req/s, "
        f"p50 {many['p50_ms']} ms, p99 {many['p99_ms']} ms"
        + (f", {many['non_2xx']} non-2xx" if many["non_2xx"] else "")
        + (f" (median of rounds {many['rounds_rps']})" if "rounds_rps" in many else "")
    )


def ensure_database(url: str, articles: int, comments: int, var_dir: Path) -> None:
    """Create, migrate and load a bench database unless a finished load is already there."""
    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    check = "SELECT COUNT(*) FROM benchdata_benchdatarun WHERE finished_at IS NOT NULL"
    done = subprocess.run(["psql", url, "-Atc", check], capture_output=True, text=True)
    if done.returncode == 0 and done.stdout.strip() not in ("", "0"):
        return
    print(f"preparing {name}: {articles:,} articles, {comments:,} comments (takes a while)")
    for sql in (f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'):
        subprocess.run(["psql", server, "-qc", sql], check=True)
    env = {**os.environ, "DATABASE_URL": url, "KIOSQUE_VAR_DIR": str(var_dir), **DEV}
    kiosque = str(REPO / ".venv" / "bin" / "kiosque")
    for command in (
        [kiosque, "createcachetable"],
        [kiosque, "migrate", "--no-input", "-v0"],
        # The article page does not read the search indexes, and filling them is most of
        # a load's time (docs/decisions/0050): left out here.
        [
            kiosque,
            "bench-data",
            "--articles",
            str(articles),
            "--comments",
            str(comments),
            "--no-index",
        ],
    ):
        subprocess.run(command, env=env, check=True)


def cpu_model() -> str:
    """The processor's name: figures from different sessions' machines differ with it
    (b/c was 0.65-0.81 on one machine of this kind, 1.0 on another)."""
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor() or "unknown"
    found = re.search(r"^model name\s*:\s*(.+)$", text, re.M)
    return found.group(1).strip() if found else "unknown"


def database_size(url: str) -> dict:
    """Articles and comments in a bench database (psql, so no Django set-up here)."""
    query = (
        "SELECT (SELECT COUNT(*) FROM newsroom_articlepage), "
        "(SELECT COUNT(*) FROM discussion_comment)"
    )
    out = subprocess.run(
        ["psql", url, "-Atc", query], capture_output=True, text=True, check=True
    ).stdout.strip()
    articles, comments = (int(x) for x in out.split("|"))
    return {"articles": articles, "comments": comments}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--large-url", default=os.environ.get("BENCH_LARGE_URL", f"{PG}/kq_bench_200k")
    )
    parser.add_argument(
        "--small-url", default=os.environ.get("BENCH_SMALL_URL", f"{PG}/kq_bench_1k")
    )
    parser.add_argument(
        "--var-dir",
        type=Path,
        default=Path(os.environ.get("BENCH_VAR_DIR", REPO / "var" / "bench")),
    )
    parser.add_argument(
        "--large-articles",
        type=int,
        default=int(os.environ.get("BENCH_LARGE_ARTICLES", 200_000)),
        help="Size loaded into the large database when it holds no bench data yet "
        "(with ten comments per article).",
    )
    parser.add_argument(
        "--small-articles", type=int, default=int(os.environ.get("BENCH_SMALL_ARTICLES", 1_000))
    )
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 10)))
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--rounds",
        type=int,
        default=int(os.environ.get("BENCH_ROUNDS", 5)),
        help="Alternating throughput rounds of (b), (c) and (c0); the median is reported.",
    )
    parser.add_argument("--workers", type=int, default=None, help="Default: kiosque serve's.")
    parser.add_argument("--threads", type=int, default=None, help="Default: kiosque serve's.")
    parser.add_argument("--default-conn-max-age", type=int, default=60)
    parser.add_argument(
        "--servers", default="", help="Also compare gunicorn settings, e.g. 1x1,2x4,4x1"
    )
    parser.add_argument("--conn-max-age", default="60", help="With --servers, e.g. 0,60")
    parser.add_argument("--skip-main", action="store_true", help="Only the --servers table.")
    parser.add_argument(
        "--server-fragments",
        choices=("on", "off"),
        default="on",
        help="With --servers: the fragment cache on (warm pages) or off (every part "
        "rendered, as after a purge of everything).",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7"),
        help="Cache and sessions in this Redis database (emptied); '' for the database cache.",
    )
    args = parser.parse_args()
    if args.redis_url and not redis_answers(args.redis_url):
        print(f"no Redis at {args.redis_url}: the database cache is used")
        args.redis_url = ""
    args.servers = [tuple(int(n) for n in s.split("x")) for s in args.servers.split(",") if s]
    args.conn_max_age = [int(n) for n in args.conn_max_age.split(",") if n]
    serve_defaults = _serve_defaults()
    args.workers = args.workers or serve_defaults[0]
    args.threads = args.threads or serve_defaults[1]

    for tool in ("wrk", "varnishd", "nginx", "psql"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing: `make bench` installs it")
    args.var_dir.mkdir(parents=True, exist_ok=True)
    ensure_database(args.large_url, args.large_articles, args.large_articles * 10, args.var_dir)
    ensure_database(args.small_url, args.small_articles, args.small_articles * 10, args.var_dir)
    sizes = {"large": database_size(args.large_url), "small": database_size(args.small_url)}
    args.large_label = f"{sizes['large']['articles']:,} articles"
    args.small_label = f"{sizes['small']['articles']:,} articles"
    args.var_dir.mkdir(parents=True, exist_ok=True)
    prepare_var_dir(args.var_dir)

    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "cpu_model": cpu_model(),
            "load_average_at_start": os.getloadavg(),
        },
        "databases": sizes,
        "wrk": {
            "seconds": args.seconds,
            "connections": args.connections,
            "edge_and_static_rounds": args.rounds,
        },
    }
    with tempfile.TemporaryDirectory(prefix="kiosque-bench-") as tmp:
        workdir = Path(tmp)
        workdir.chmod(0o755)  # Varnish and nginx workers run as users of their own
        if not args.skip_main:
            report |= run_main(args, workdir)
        if args.servers:
            print("Server settings, uncached article page:")
            report["servers"] = run_servers(args, workdir)
    report["machine"]["load_average_at_end"] = os.getloadavg()

    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS / f"http-bench-{stamp}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"results: {path.relative_to(REPO)}")
    if not args.skip_main:
        chart = draw_chart(report, path.with_suffix(".png"))
        print(f"chart: {chart.relative_to(REPO)}")
        verdicts(report)
    return 0


def verdicts(report: dict) -> None:
    ratios = report["ratios"]
    p50 = report["a_app"]["latency"]["p50_ms"]
    lines = [
        (
            f"b/c (edge / static, req/s; each round {ratios['b/c rps, each round']})",
            ratios["b/c rps"],
            ">= 0.8",
            (ratios["b/c rps"] or 0) >= 0.8,
        ),
        (
            "  b/c0 (against nginx's own, shorter headers)",
            ratios["b/c0 rps (nginx's own headers)"],
            "-",
            None,
        ),
        ("a/c (app / static, req/s)", ratios["a/c rps"], "-", None),
        ("uncached article p50, 1 connection (ms)", p50, "< 15", p50 is not None and p50 < 15),
        (
            "  the same, fragment cache off (ms)",
            report["a0_app_no_fragments"]["latency"]["p50_ms"],
            "-",
            None,
        ),
        (
            f"large/small article p50, 1 connection (each round "
            f"{ratios['large/small p50, each round']})",
            ratios["large/small p50 (1 connection)"],
            "<= 1.2",
            (ratios["large/small p50 (1 connection)"] or 99) <= 1.2,
        ),
    ]
    for name, value, target, ok in lines:
        verdict = "" if ok is None else ("OK" if ok else "MISSED")
        print(f"{name}: {value} (target {target}) {verdict}")


# --- the chart (Pillow: matplotlib is not a dependency) -----------------------------------

BAR_COLOURS = {
    "a0": (140, 50, 30),
    "a": (196, 78, 52),
    "b": (52, 120, 196),
    "c": (90, 90, 90),
    "c0": (150, 150, 150),
    "d": (226, 160, 60),
}


def draw_chart(report: dict, path: Path) -> Path:
    """Requests per second (many connections) and p50/p99 of one connection, as bars."""
    from PIL import Image, ImageDraw

    bars = [
        ("a0", "(a0) app, no fragments", report["a0_app_no_fragments"]),
        ("a", "(a) app", report["a_app"]),
        ("b", "(b) Varnish", report["b_edge"]),
        ("c", "(c) nginx static", report["c_static"]),
        ("c0", "(c0) nginx, own hdrs", report["c0_static_own_headers"]),
        ("d", f"(d) app, {report['databases']['small']['articles']:,} art.", report["d_app_small"]),
    ]
    width, height, margin = 1200, 560, 60
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    title = (
        f"Article page, {report['databases']['large']['articles']:,} articles - "
        f"{report['when']} - {report['machine']['cpus']} CPUs "
        f"({report['machine'].get('cpu_model', 'unknown')}) - load average "
        f"{report['machine']['load_average_at_start'][0]:.1f} at start"
    )
    draw.text((margin, 15), title, fill="black")
    panels = [
        (f"requests/s, {report['wrk']['connections']} connections",
         [(key, label, r["throughput"]["rps"]) for key, label, r in bars], "{:.0f}"),
        ("p50 ms, 1 connection",
         [(key, label, r["latency"]["p50_ms"] or 0) for key, label, r in bars], "{:.2f}"),
        ("p99 ms, 1 connection",
         [(key, label, r["latency"]["p99_ms"] or 0) for key, label, r in bars], "{:.2f}"),
    ]  # fmt: skip
    panel_width = (width - margin * 2) // len(panels)
    top, bottom = 70, height - 90
    for number, (heading, values, fmt) in enumerate(panels):
        left = margin + number * panel_width
        draw.text((left, top - 25), heading, fill="black")
        highest = max(v for _, _, v in values) or 1
        bar_width = (panel_width - 40) // len(values)
        for index, (key, label, value) in enumerate(values):
            x = left + index * bar_width
            bar_top = bottom - (bottom - top) * value / highest
            draw.rectangle([x + 6, bar_top, x + bar_width - 6, bottom], fill=BAR_COLOURS[key])
            draw.text((x + 8, bar_top - 14), fmt.format(value), fill="black")
            draw.text((x + 6, bottom + 8 + 14 * (index % 2)), label, fill="black")
        draw.line([left, bottom, left + panel_width - 40, bottom], fill="black")
    ratios = report["ratios"]
    draw.text(
        (margin, height - 40),
        f"b/c = {ratios['b/c rps']}   a/c = {ratios['a/c rps']}   "
        f"large/small p50 = {ratios['large/small p50 (1 connection)']}   "
        "(targets: b/c >= 0.8, uncached p50 < 15 ms, large/small <= 1.2)",
        fill="black",
    )
    image.save(path)
    return path


def _serve_defaults() -> tuple[int, int]:
    """kiosque serve's own defaults (WEB_CONCURRENCY / WEB_THREADS or its built-ins)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kiosque.settings.test")
    import django

    django.setup()
    from kiosque.core.management.commands.serve import Command

    parser = Command().create_parser("kiosque", "serve")
    defaults = parser.parse_args([])
    return defaults.workers, defaults.threads


if __name__ == "__main__":
    sys.exit(main())
