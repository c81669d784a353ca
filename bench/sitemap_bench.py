"""Sitemaps and feeds at 100,000 articles on PostgreSQL, against 1,000 in the same run.

    .venv/bin/python bench/sitemap_bench.py [--articles 100000] [--baseline 1000]
                                            [--server postgres://postgres@127.0.0.1:5432]
                                            [--repeat 10] [--reuse]

The large database, kq_sitemap_bench, is dropped, re-created, migrated, filled by the
project's bulk generator (`kiosque bench-data --comments 0 --no-index`, PostgreSQL COPY)
and vacuumed; with --reuse it is kept when it already holds a finished load of that size
(its Google News sitemap then empties as the load ages: two days). It is kept at the
end, so a later run can --reuse it. The baseline, kq_sitemap_bench_<n>, is loaded afresh
and dropped at the end. The pictures of the loads are written under var/sitemap-bench/.

Each URL is fetched through the Django test client with production settings (as
`kiosque serve` runs them, see bench/http_bench.py), once to warm up and then REPEAT
times: p50/p95 of the wall time, the SQL time and this process's CPU time (which other
work on the machine disturbs less than the wall time), the number of entries, the size.
Targets (issue 5): the sitemap index and a full sitemap page under 200 ms each.

The load average is printed with the figures: other work on the machine inflates them.
Not part of `make test`. Needs a PostgreSQL server where the user may create databases.
"""

import argparse
import json
import os
import re
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KIOSQUE = REPO / ".venv" / "bin" / "kiosque"
LARGE_DATABASE = "kq_sitemap_bench"
# Pictures written by the load live here, next to the database that names them.
VAR_DIR = REPO / "var" / "sitemap-bench"
BASE_URL = "https://www.kiosque.example"
REPEAT = 10
TARGET_MS = 200


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# --- inside one database (a child process with DATABASE_URL set) --------------------


def measure(repeat: int) -> dict:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from kiosque.benchdata.models import BenchDataRun

    run = BenchDataRun.objects.get()
    client = Client()
    index = client.get("/sitemap.xml")
    assert index.status_code == 200, index.status_code
    article_pages = re.findall(rb"/sitemaps/articles-(\d+)\.xml", index.content)
    # The middle one of the full pages (the last is partly filled).
    middle = int(article_pages[(len(article_pages) - 1) // 2]) if article_pages else 1
    urls = [
        ("robots.txt", "/robots.txt"),
        ("sitemap index", "/sitemap.xml"),
        ("sitemap page, first", "/sitemaps/articles-1.xml"),
        ("sitemap page, middle", f"/sitemaps/articles-{middle}.xml"),
        ("sitemap, other pages", "/sitemaps/pages.xml"),
        ("Google News sitemap", "/sitemaps/news.xml"),
        ("RSS, home", "/rss.xml"),
        ("Atom, home", "/atom.xml"),
    ]

    sql_seconds = [0.0]

    def timed_sql(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            sql_seconds[0] += time.perf_counter() - started

    figures: dict = {"articles": run.articles, "loaded_at": run.started_at.isoformat()}
    results = {}
    with connection.execute_wrapper(timed_sql):
        for label, url in urls:
            response = client.get(url)  # warm: connection, Wagtail's site cache, imports
            if response.status_code != 200:
                results[label] = {"url": url, "status": response.status_code}
                continue
            walls, sqls, cpus = [], [], []
            for _ in range(repeat):
                sql_seconds[0] = 0.0
                cpu = time.process_time()
                started = time.perf_counter()
                response = client.get(url)
                walls.append((time.perf_counter() - started) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
                sqls.append(sql_seconds[0] * 1000)
                assert response.status_code == 200, (url, response.status_code)
            results[label] = {
                "url": url,
                "status": 200,
                "p50_ms": statistics.median(walls),
                "p95_ms": percentile(walls, 0.95),
                "sql_ms": statistics.median(sqls),
                "cpu_ms": statistics.median(cpus),
                "entries": sum(
                    response.content.count(tag) for tag in (b"<url>", b"<item>", b"<entry>")
                ),
                "bytes": len(response.content),
            }
    figures["urls"] = results
    return figures


# --- the driver -----------------------------------------------------------------------


def environment(server: str, database: str) -> dict:
    """Production settings, as `kiosque serve` runs them (bench/http_bench.py)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kiosque.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        # The test client's host, and what an operator would list.
        "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        "BASE_URL": BASE_URL,
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"{server}/{database}",
        "KIOSQUE_VAR_DIR": str(VAR_DIR),
        "LOG_LEVEL": "WARNING",
        "EDGE_URL": "",
    }


def psql(server: str, database: str, sql: str) -> str:
    result = subprocess.run(
        ["psql", f"{server}/{database}", "-Atqc", sql], check=True, capture_output=True, text=True
    )
    return result.stdout.strip()


def finished_load(server: str, database: str) -> int | None:
    """The article count of a finished bench-data load in `database`, or None."""
    if database not in psql(server, "postgres", "SELECT datname FROM pg_database").split():
        return None
    try:
        found = psql(
            server,
            database,
            "SELECT articles FROM benchdata_benchdatarun WHERE finished_at IS NOT NULL",
        )
    except subprocess.CalledProcessError:  # not migrated yet
        return None
    return int(found) if found.isdigit() else None


def load(server: str, database: str, articles: int, reuse: bool) -> float | None:
    """Seconds the load took, or None when a finished load of that size was reused."""
    if reuse and finished_load(server, database) == articles:
        return None
    psql(server, "postgres", f"DROP DATABASE IF EXISTS {database}")
    psql(server, "postgres", f"CREATE DATABASE {database}")
    env = environment(server, database)
    started = time.perf_counter()
    for command in (
        ["migrate", "--verbosity", "0"],
        ["createcachetable"],
        ["bench-data", "--articles", str(articles), "--comments", "0", "--no-index"],
    ):
        # Progress lines are dropped; errors (stderr) still show.
        subprocess.run(
            [str(KIOSQUE), *command], env=env, cwd=REPO, check=True, stdout=subprocess.DEVNULL
        )
    # As autovacuum would soon: sets the hint bits and visibility map the COPY left
    # unset, so the first timed reads do not pay for them.
    psql(server, database, "VACUUM ANALYZE")
    return time.perf_counter() - started


def run_measure(server: str, database: str, repeat: int) -> dict:
    before = load_average()
    result = subprocess.run(
        [sys.executable, __file__, "--measure", "--repeat", str(repeat)],
        env=environment(server, database),
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["load_average"] = (before, load_average())
    return figures


def ratio(big: float, small: float) -> str:
    return f"×{big / small:.1f}" if small else "–"


def report(big: dict, small: dict, repeat: int) -> None:
    print(
        f"\n{big['articles']:,} articles (loaded {big['loaded_at'][:16]}), baseline "
        f"{small['articles']:,}; {repeat} runs per URL, Django test client, production "
        f"settings. Target: sitemap index and a full sitemap page < {TARGET_MS} ms."
    )
    header = ("", "p50 ms", "p95 ms", "SQL ms", "CPU ms", "base p50", "ratio", "entries", "bytes")
    print(f"  {header[0]:<22}" + "".join(f"{h:>10}" for h in header[1:]))
    for label, d in big["urls"].items():
        if "p50_ms" not in d:
            print(f"  {label:<22} answered {d['status']}")
            continue
        base_p50 = small["urls"].get(label, {}).get("p50_ms", 0)
        print(
            f"  {label:<22}{d['p50_ms']:10.1f}{d['p95_ms']:10.1f}{d['sql_ms']:10.1f}"
            f"{d['cpu_ms']:10.1f}{base_p50:10.1f}{ratio(d['p50_ms'], base_p50):>10}"
            f"{d['entries']:10,}{d['bytes']:10,}"
        )
    print(
        f"  load average (1, 5, 15 min) before/after: large {big['load_average'][0]} / "
        f"{big['load_average'][1]}; baseline {small['load_average'][0]} / "
        f"{small['load_average'][1]}  ({os.cpu_count()} CPUs)"
    )
    print("  (SQL: time in the database driver; CPU: this process's, the server's excluded)")
    for label, d in big["urls"].items():
        print(f"  {label:<22} {d['url']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=1_000)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--repeat", type=int, default=REPEAT)
    parser.add_argument(
        "--reuse", action="store_true", help=f"Keep {LARGE_DATABASE} if it holds that load."
    )
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        sys.path.insert(0, str(REPO))
        print(json.dumps(measure(args.repeat)))
        return
    started = time.perf_counter()
    small_database = f"{LARGE_DATABASE}_{args.baseline}"
    for database, articles, reuse in (
        (LARGE_DATABASE, args.articles, args.reuse),
        (small_database, args.baseline, False),
    ):
        seconds = load(args.server, database, articles, reuse)
        what = "reused" if seconds is None else f"loaded in {seconds:.0f} s"
        print(f"{database}: {articles:,} articles {what}", flush=True)
    try:
        small = run_measure(args.server, small_database, args.repeat)
        big = run_measure(args.server, LARGE_DATABASE, args.repeat)
    finally:
        psql(args.server, "postgres", f"DROP DATABASE IF EXISTS {small_database}")
    report(big, small, args.repeat)
    print(f"\n(whole run: {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
