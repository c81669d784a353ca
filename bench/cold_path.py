"""The cold path: reader pages rendered whole (no fragment, no edge), against /healthz.

    .venv/bin/python bench/cold_path.py                    # what `make bench-pages` runs
    .venv/bin/python bench/cold_path.py --in-process-only  # no gunicorn, no wrk
    .venv/bin/python bench/cold_path.py --profile article  # where one page's time goes
    .venv/bin/python bench/cold_path.py --queries article --fragments  # its SQL, warm

On the small bench database (BENCH_SMALL_URL, 1,000 articles, loaded and indexed on
first use) and the reference article of kiosque.benchdata (60 comments), with the
production settings and Redis as deploy/README.md sets them up:

  in-process   each page through Django's whole stack (middleware included) with the
               test client: p50 and p90 of --requests renders, queries, bytes; once
               with FRAGMENT_CACHE=off (every part rendered: a purge, a deploy) and
               once with the fragments warm;
  HTTP         the same pages from `kiosque serve` (gunicorn, production settings),
               one connection with wrk (p50/p99), fragments off then on; the article
               with warm fragments at 16 connections (requests/s). /healthz through the
               same server and middleware is the baseline every ratio is taken against.

Results go to bench/results/cold-path-<time>.json with a PNG chart next to it. The
targets of issue 15 are printed as ratios measured in this run, never asserted.

--profile PAGE runs cProfile over renders of that page (fragments off) and prints the
functions by own time and by cumulative time, with the counts of the calls the issue
named (template node renders, reverse(), pickle.loads, number and date formatting).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import http_bench  # noqa: E402  (bench/http_bench.py: processes, wrk, databases)

REPO = http_bench.REPO
RESULTS = http_bench.RESULTS
PAGES = ("healthz", "article", "comments", "home", "section", "topic", "author", "search")
# The issue's targets, printed as verdicts next to the figures.
COLD_OVER_BASELINE = 3.0
COLD_MS = 15.0
WARM_OVER_BASELINE = 1.5
WARM_RPS = 430
OTHERS_OVER_ARTICLE_COLD = 1.5
ARTICLE_QUERIES = 10


# --- in a child process: Django set up with the production settings ----------------------


def page_paths() -> dict[str, str]:
    """The reference article and the pages around it, found in the bench database."""
    from django.urls import reverse

    from kiosque.benchdata.reference import REFERENCE_PATH, REFERENCE_SLUG
    from kiosque.newsroom.models import ArticlePage

    article = ArticlePage.objects.live().get(slug=REFERENCE_SLUG)
    author = article.article_authors.select_related("author").first()
    topic = article.topic
    return {
        "healthz": "/healthz",
        "article": REFERENCE_PATH,
        "comments": reverse("discussion:thread", args=[article.pk]),
        "home": "/",
        "section": article.get_parent().url,
        "topic": topic.url if topic else "/",
        "author": author.author.url if author else "/",
        "search": "/recherche/?q=budget+conseil",
    }


def warm_up(client, path: str) -> None:
    """Templates and translations loaded, and the fragments kept (when they are on).

    A fragment rendered less than CLOCK_SKEW after one of its keys was first seen is not
    trusted (edge/fragments.py): without the pause, the first second of "warm" renders
    would all be cold.
    """
    from kiosque.edge.fragments import CLOCK_SKEW

    for attempt in range(4):
        if attempt == 2:
            time.sleep(CLOCK_SKEW + 0.2)
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")


def time_requests(client, path: str, requests: int) -> dict:
    from django.db import connection

    warm_up(client, path)
    queries = []  # counted by a wrapper: each request empties connection.queries

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(path)
    took = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(path)
        took.append((time.perf_counter() - start) * 1000)
    took.sort()
    return {
        "p50_ms": round(statistics.median(took), 2),
        "p90_ms": round(took[int(len(took) * 0.9) - 1], 2),
        "queries": len(queries),
        "bytes": len(response.content),
    }


def in_process(requests: int) -> dict:
    import django

    django.setup()
    from django.test import Client

    paths = page_paths()
    client = Client(HTTP_HOST="127.0.0.1")
    return {
        "paths": paths,
        "pages": {name: time_requests(client, paths[name], requests) for name in PAGES},
    }


def profile(page: str, requests: int, top: int) -> None:
    import cProfile
    import pstats

    import django

    django.setup()
    from django.test import Client

    path = page_paths()[page]
    client = Client(HTTP_HOST="127.0.0.1")
    warm_up(client, path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        client.get(path)
    profiler.disable()
    stats = pstats.Stats(profiler)
    print(f"{page} ({path}), {requests} renders, fragments {os.environ['FRAGMENT_CACHE']}")
    watched = {
        "template node renders": ("django/template/base.py", "render_annotated"),
        "jinja2 template renders": ("jinja2/environment.py", "render"),
        "reverse()": ("django/urls/base.py", "reverse"),
        "pickle.loads": ("~", "<built-in method _pickle.loads>"),
        "number_format": ("django/utils/numberformat.py", "format"),
        "date_format": ("django/utils/formats.py", "date_format"),
    }
    for label, (file_end, function) in watched.items():
        calls = sum(
            count
            for (file, _line, name), (_cc, count, *_rest) in stats.stats.items()
            if name == function and file.endswith(file_end)
        )
        print(f"  {label}: {calls / requests:.0f} per request")
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def show_queries(page: str) -> None:
    """The SQL of one render of the page (after three warm-up renders), one line each."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    path = page_paths()[page]
    client = Client(HTTP_HOST="127.0.0.1")
    warm_up(client, path)
    queries = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        client.get(path)
    print(f"{page} ({path}), fragments {os.environ['FRAGMENT_CACHE']}: {len(queries)} queries")
    for sql in queries:
        print(" ", sql if os.environ.get("BENCH_FULL_SQL") else sql[:300])


# --- the parent: databases, servers, wrk, the report ------------------------------------


def child_environment(args, fragments: bool, port: int) -> dict:
    env = http_bench.app_environment(
        args.database_url, port, args.var_dir, 60, args.redis_url, fragments=fragments
    )
    return env | {"PYTHONPATH": str(REPO)}


def run_in_process(args, fragments: bool) -> dict:
    env = child_environment(args, fragments, http_bench.free_port())
    command = [sys.executable, __file__, "--child", "--requests", str(args.requests)]
    out = subprocess.run(command, env=env, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"in-process run failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_http(args, fragments: bool, paths: dict[str, str], workdir: Path) -> dict:
    """One connection per page (p50/p99), and the article's throughput at 16."""
    port = http_bench.free_port()
    env = child_environment(args, fragments, port)
    log = workdir / f"serve-fragments-{'on' if fragments else 'off'}.log"
    process = http_bench.start_app(env, args.workers, args.threads, log)
    base = f"http://127.0.0.1:{port}"
    try:
        pages = {}
        for name in PAGES:
            http_bench.warm_up(base + paths[name], args)
            pages[name] = http_bench.wrk(
                base + paths[name], connections=1, seconds=args.seconds, threads=1
            )
        article = base + paths["article"]
        http_bench.settle()
        throughput = http_bench.wrk(article, connections=args.connections, seconds=args.seconds)
    finally:
        http_bench.stop(process)
    return {"pages": pages, "article_throughput": throughput}


def ratio(a, b):
    return round(a / b, 2) if a and b else None


def summary(report: dict) -> dict:
    cold = report["http"]["fragments_off"]["pages"]
    warm = report["http"]["fragments_on"]["pages"]
    baseline = cold["healthz"]["p50_ms"]
    article_cold = cold["article"]["p50_ms"]
    queries = report["in_process"]["fragments_off"]["pages"]["article"]["queries"]
    verdict = {
        "baseline /healthz p50 ms": baseline,
        "article cold p50 ms": article_cold,
        "article cold / baseline": ratio(article_cold, baseline),
        "article cold queries": queries,
        "article warm p50 ms": warm["article"]["p50_ms"],
        "article warm / baseline": ratio(warm["article"]["p50_ms"], baseline),
        "article warm rps": round(report["http"]["fragments_on"]["article_throughput"]["rps"]),
    }
    for name in PAGES[2:]:
        verdict[f"{name} cold / article cold"] = ratio(cold[name]["p50_ms"], article_cold)
    return verdict


def print_report(report: dict) -> None:
    print(f"\nprocessor: {report['machine']['cpu_model']} ({report['machine']['cpus']} CPUs)")
    inside = report["in_process"]
    http = report["http"]
    header = (
        f"{'page':10} {'in-proc off':>12} {'queries':>8} {'in-proc on':>11} {'queries':>8}"
        f" {'http off p50':>13} {'p99':>7} {'http on p50':>12} {'p99':>7} {'kB':>6}"
    )
    print(header)
    for name in PAGES:
        off, on = inside["fragments_off"]["pages"][name], inside["fragments_on"]["pages"][name]
        hoff = http["fragments_off"]["pages"][name] if http else {}
        hon = http["fragments_on"]["pages"][name] if http else {}
        print(
            f"{name:10} {off['p50_ms']:>12.2f} {off['queries']:>8} {on['p50_ms']:>11.2f}"
            f" {on['queries']:>8} {hoff.get('p50_ms') or 0:>13.2f} {hoff.get('p99_ms') or 0:>7.2f}"
            f" {hon.get('p50_ms') or 0:>12.2f} {hon.get('p99_ms') or 0:>7.2f}"
            f" {off['bytes'] / 1000:>6.1f}"
        )
    if not http:
        return
    verdict = report["summary"]
    print()
    for key, value in verdict.items():
        print(f"  {key}: {value}")
    checks = [
        ("article cold <= 3x /healthz", verdict["article cold / baseline"], COLD_OVER_BASELINE),
        ("article cold <= 15 ms", verdict["article cold p50 ms"], COLD_MS),
        ("article cold <= 10 queries", verdict["article cold queries"], ARTICLE_QUERIES),
        ("article warm <= 1.5x /healthz", verdict["article warm / baseline"], WARM_OVER_BASELINE),
    ]
    for label, value, target in checks:
        print(f"  {'met ' if value is not None and value <= target else 'MISSED'} {label}: {value}")
    met = verdict["article warm rps"] >= WARM_RPS
    print(
        f"  {'met ' if met else 'MISSED'} article warm >= {WARM_RPS} req/s at "
        f"{report['wrk']['connections']} connections: {verdict['article warm rps']}"
    )
    for name in PAGES[2:]:
        value = verdict[f"{name} cold / article cold"]
        met = value is not None and value <= OTHERS_OVER_ARTICLE_COLD
        print(f"  {'met ' if met else 'MISSED'} {name} cold <= 1.5x article cold: {value}")


def draw_chart(report: dict, path: Path) -> Path:
    """p50 of one connection per page, fragments off and on, with /healthz marked."""
    from PIL import Image, ImageDraw

    cold = report["http"]["fragments_off"]["pages"]
    warm = report["http"]["fragments_on"]["pages"]
    width, height, margin, top = 1200, 520, 60, 80
    bottom = height - 80
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text(
        (margin, 15),
        f"Reader pages, p50 of one connection (ms) - {report['when']} - "
        f"{report['machine']['cpus']} CPUs ({report['machine']['cpu_model']})",
        fill="black",
    )
    draw.text((margin, 35), "dark: fragments off (rendered whole)   light: warm fragments",
              fill="black")  # fmt: skip
    highest = max(max(p["p50_ms"] or 0 for p in cold.values()), 1)
    slot = (width - 2 * margin) // len(PAGES)
    for index, name in enumerate(PAGES):
        x = margin + index * slot
        for offset, pages, colour in ((0, cold, "#1f4e79"), (slot // 2 - 4, warm, "#9dc3e6")):
            value = pages[name]["p50_ms"] or 0
            bar_top = bottom - (bottom - top) * value / highest
            draw.rectangle([x + offset + 4, bar_top, x + offset + slot // 2 - 6, bottom],
                           fill=colour)  # fmt: skip
            draw.text((x + offset + 4, bar_top - 14), f"{value:.1f}", fill="black")
        draw.text((x + 4, bottom + 10), name, fill="black")
    baseline = cold["healthz"]["p50_ms"] or 0
    line = bottom - (bottom - top) * baseline * COLD_OVER_BASELINE / highest
    draw.line([margin, line, width - margin, line], fill="#c00000")
    draw.text((width - margin - 220, line - 14), "3 x /healthz (cold target)", fill="#c00000")
    image.save(path)
    return path


def ensure_search_index(url: str, var_dir: Path) -> None:
    """The bench load leaves the search index out (decision 0050); the search page needs it."""
    count = subprocess.run(
        ["psql", url, "-Atc", "SELECT COUNT(*) FROM search_searchdocument"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    if count == "0":
        env = {**os.environ, "DATABASE_URL": url, "KIOSQUE_VAR_DIR": str(var_dir), **http_bench.DEV}
        kiosque = str(REPO / ".venv" / "bin" / "kiosque")
        subprocess.run([kiosque, "search_rebuild", "-v0"], env=env, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_SMALL_URL", f"{http_bench.PG}/kq_bench_1k")
    )
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument(
        "--var-dir",
        type=Path,
        default=Path(os.environ.get("BENCH_VAR_DIR", REPO / "var" / "bench")),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
    )
    parser.add_argument("--requests", type=int, default=60, help="In-process renders per page.")
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 5)))
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=None, help="Default: kiosque serve's.")
    parser.add_argument("--threads", type=int, default=None, help="Default: kiosque serve's.")
    parser.add_argument("--in-process-only", action="store_true")
    parser.add_argument("--profile", choices=PAGES, help="cProfile this page and stop.")
    parser.add_argument("--top", type=int, default=30, help="With --profile: lines shown.")
    parser.add_argument("--queries", choices=PAGES, help="Print the SQL of one render and stop.")
    parser.add_argument(
        "--fragments", action="store_true", help="With --profile or --queries: fragments warm."
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        print(json.dumps(in_process(args.requests)))
        return 0
    if args.redis_url and not http_bench.redis_answers(args.redis_url):
        print(f"no Redis at {args.redis_url}: the database cache is used")
        args.redis_url = ""
    args.var_dir.mkdir(parents=True, exist_ok=True)
    http_bench.ensure_database(args.database_url, args.articles, args.articles * 10, args.var_dir)
    ensure_search_index(args.database_url, args.var_dir)
    http_bench.prepare_var_dir(args.var_dir)
    if args.profile or args.queries:
        os.environ.update(child_environment(args, args.fragments, http_bench.free_port()))
        if args.queries:
            show_queries(args.queries)
        else:
            profile(args.profile, args.requests, args.top)
        return 0

    serve_defaults = http_bench._serve_defaults()
    args.workers = args.workers or serve_defaults[0]
    args.threads = args.threads or serve_defaults[1]
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "cpu_model": http_bench.cpu_model(),
            "load_average_at_start": os.getloadavg(),
        },
        "database": http_bench.database_size(args.database_url),
        "wrk": {"seconds": args.seconds, "connections": args.connections},
        "server": {"workers": args.workers, "threads": args.threads},
        "in_process": {
            "fragments_off": run_in_process(args, fragments=False),
            "fragments_on": run_in_process(args, fragments=True),
        },
        "http": {},
    }
    paths = report["in_process"]["fragments_off"]["paths"]
    if not args.in_process_only:
        for tool in ("wrk", "psql"):
            if not http_bench.shutil.which(tool):
                raise SystemExit(f"{tool} is missing: `make bench` installs it")
        with tempfile.TemporaryDirectory(prefix="kiosque-cold-") as tmp:
            for fragments in (False, True):
                key = "fragments_on" if fragments else "fragments_off"
                report["http"][key] = run_http(args, fragments, paths, Path(tmp))
        report["summary"] = summary(report)
    report["machine"]["load_average_at_end"] = os.getloadavg()
    print_report(report)

    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS / f"cold-path-{stamp}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"results: {path.relative_to(REPO)}")
    if report["http"]:
        print(f"chart: {draw_chart(report, path.with_suffix('.png')).relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(60))
    sys.exit(main())
