"""Search, feeds and sitemaps at 100,000 French articles on PostgreSQL, against 1,000.

    .venv/bin/python bench/search_bench.py [--articles 100000] [--baseline 1000]
                                           [--server postgres://postgres@127.0.0.1:5432]

For each size, a fresh database (kq_search_bench_<size>, dropped and re-created) is
migrated and filled by the project's bulk generator (`kiosque bench-data`, PostgreSQL
COPY, no signals), then the reader search index is rebuilt (`search_index_rebuild`,
timed), then measured:

- search: a fixed mix of queries run REPEAT times each through the selector the page
  uses (ranking, visibility check, highlighted excerpts), p50/p95 reported for the rare
  and the common terms separately (target: p95 < 100 ms), and the whole page through
  the Django test client;
- distribution: robots.txt, the sitemap index, a sitemap page, the Google News sitemap
  and the RSS/Atom feeds, through the Django test client on their URLs (targets:
  sitemap index and a sitemap page < 200 ms each).

The small size is the baseline measured in the same run; the last column is the ratio.
Not part of `make test`. Needs a PostgreSQL server where the user may create databases.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REPEAT = 15
# Fixed queries. The generated text (kiosque/benchdata/words.py) repeats a small
# vocabulary, so "common" words match a large share of the archive; "rare" ones are
# words and combinations the generator uses seldom. Each query's match count is printed,
# so the split can be checked on every run.
COMMON_QUERIES = [
    "gouvernement",
    "habitants",
    "syndicats",
    "réforme",
    "budget",
    "maire",
    "préfecture",
    "securite",
]
RARE_QUERIES = [
    "canicule",
    "cyberattaque mairies",
    "maternité réouverture",
    "conserverie rachat",
    "tramway retour Quimperlé",
    "piétonnisation Hanoï",
    "moratoire forages Lima",
    "zxqvbn",  # matches nothing: the cost of an empty result
]
DISTRIBUTION_URLS = [
    ("robots.txt", "/robots.txt"),
    ("sitemap index", "/sitemap.xml"),
    ("sitemap page", "/sitemaps/articles-1.xml"),
    ("Google News sitemap", "/sitemaps/news.xml"),
    ("RSS, home", "/rss.xml"),
    ("Atom, home", "/atom.xml"),
]
DISTRIBUTION_REPEAT = 5


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


# --- inside one database (a child process with DATABASE_URL set) --------------------


def measure(articles: int) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kiosque.settings.test")
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from kiosque.search.engines import Filters
    from kiosque.search.selectors import parse_query, search_articles
    from kiosque.search.services import search_index_rebuild

    figures: dict = {"articles": articles}
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    figures["migrate_s"] = time.perf_counter() - started

    from kiosque.benchdata.services import bench_data_create

    started = time.perf_counter()
    bench_data_create(articles=articles, comments=0, index=False)
    figures["generate_s"] = time.perf_counter() - started

    started = time.perf_counter()
    figures["indexed"] = search_index_rebuild(batch_size=2000)
    figures["index_s"] = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE search_searchdocument")  # as autovacuum would
        cursor.execute("SELECT pg_total_relation_size('search_searchdocument')")
        figures["index_mb"] = cursor.fetchone()[0] / 1e6

    now = timezone.now()
    searches = {}
    for kind, queries in (("common", COMMON_QUERIES), ("rare", RARE_QUERIES)):
        timings, counts = [], {}
        for query in queries:
            match = parse_query(query)
            search_articles(match=match, filters=Filters(), page_number=1, now=now)  # warm
            for _ in range(REPEAT):
                started = time.perf_counter()
                page = search_articles(match=match, filters=Filters(), page_number=1, now=now)
                timings.append((time.perf_counter() - started) * 1000)
            counts[query] = page.total
        searches[kind] = {
            "p50_ms": statistics.median(timings),
            "p95_ms": percentile(timings, 0.95),
            "matches": counts,
        }
    figures["search"] = searches

    client = Client()
    page_timings = []
    for query in COMMON_QUERIES[:4] + RARE_QUERIES[:4]:
        client.get("/recherche/", {"q": query})
        for _ in range(5):
            started = time.perf_counter()
            response = client.get("/recherche/", {"q": query})
            page_timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (query, response.status_code)
    figures["search_page"] = {
        "p50_ms": statistics.median(page_timings),
        "p95_ms": percentile(page_timings, 0.95),
    }

    distribution = {}
    for label, url in DISTRIBUTION_URLS:
        first = client.get(url)
        if first.status_code != 200:
            distribution[label] = {"status": first.status_code}
            continue
        timings = []
        for _ in range(DISTRIBUTION_REPEAT):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        distribution[label] = {
            "status": response.status_code,
            "median_ms": statistics.median(timings),
            "max_ms": max(timings),
            "bytes": len(response.content),
        }
    figures["distribution"] = distribution
    return figures


# --- the driver -----------------------------------------------------------------------


def run_size(server: str, articles: int) -> dict:
    name = f"kq_search_bench_{articles}"
    admin = f"{server}/postgres"
    subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True)
    subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True)
    env = {
        **os.environ,
        "DATABASE_URL": f"{server}/{name}",
        "DJANGO_SETTINGS_MODULE": os.environ.get("BENCH_SETTINGS", "kiosque.settings.test"),
    }
    result = subprocess.run(
        [sys.executable, __file__, "--measure", str(articles)],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def ratio(big: float, small: float) -> str:
    return f"×{big / small:.1f}" if small else "–"


def report(big: dict, small: dict) -> None:
    n, b = big["articles"], small["articles"]
    print(f"\nData ({n:,} articles; baseline {b:,}):")
    for key, label in (
        ("generate_s", "bulk generation (bench-data, COPY)"),
        ("index_s", "search index rebuild"),
    ):
        print(f"  {label:<40} {big[key]:8.1f} s   baseline {small[key]:6.1f} s")
    print(f"  {'search index size':<40} {big['index_mb']:8.1f} MB")

    print(f"\nSearch, {REPEAT} runs per query (target p95 < 100 ms):")
    print(f"  {'':<22}{'p50 ms':>10}{'p95 ms':>10}{'base p95':>10}{'ratio':>8}")
    for kind in ("common", "rare"):
        s, t = big["search"][kind], small["search"][kind]
        print(
            f"  {kind + ' terms':<22}{s['p50_ms']:10.1f}{s['p95_ms']:10.1f}"
            f"{t['p95_ms']:10.1f}{ratio(s['p95_ms'], t['p95_ms']):>8}"
        )
    s, t = big["search_page"], small["search_page"]
    print(
        f"  {'whole page (client)':<22}{s['p50_ms']:10.1f}{s['p95_ms']:10.1f}"
        f"{t['p95_ms']:10.1f}{ratio(s['p95_ms'], t['p95_ms']):>8}"
    )
    for kind in ("common", "rare"):
        counts = ", ".join(f"{q}: {c:,}" for q, c in big["search"][kind]["matches"].items())
        print(f"  matches, {kind}: {counts}")

    print("\nFeeds and sitemaps, Django test client (targets: index and page < 200 ms):")
    print(f"  {'':<22}{'median ms':>10}{'max ms':>10}{'base med':>10}{'ratio':>8}{'bytes':>12}")
    for label, _url in DISTRIBUTION_URLS:
        d, e = big["distribution"][label], small["distribution"][label]
        if "median_ms" not in d:
            print(f"  {label:<22} answered {d['status']}")
            continue
        print(
            f"  {label:<22}{d['median_ms']:10.1f}{d['max_ms']:10.1f}"
            f"{e.get('median_ms', 0):10.1f}{ratio(d['median_ms'], e.get('median_ms', 0)):>8}"
            f"{d['bytes']:12,}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=1_000)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        sys.path.insert(0, str(REPO))
        print(json.dumps(measure(args.measure)))
        return
    started = time.perf_counter()
    small = run_size(args.server, args.baseline)
    big = run_size(args.server, args.articles)
    report(big, small)
    print(f"\n(whole run: {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
