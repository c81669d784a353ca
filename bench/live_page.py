"""A long live costs what a short one does (issue 17): render time, 5,000 entries vs 20.

    .venv/bin/python bench/live_page.py

In one process (Django's test client, no HTTP), on the PostgreSQL database the polling
benchmark uses (BENCH_LIVE_URL, created and migrated on first use): lives of its own,
with 20 entries (the issue's baseline, measured in the same run), 30 (as many as the
long live's first page shows) and 5,000, created once and kept. Each page and each
polling answer is rendered --rounds times, the lives alternating, as the edge's miss
after a purge asks for it (the process's memos and cached fragments warm, the entries
never cached). Prints the median and p90 of each, the ratios (target: within 1.2× of
the baseline) and the queries per render.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import http_bench  # noqa: E402
from live_polling import PG, ensure_database  # noqa: E402

# 20: the baseline; 30: as many entries shown as the long live's first page
# (PAGE_SIZE), so that the ratio against it is the cost of the live's length alone.
SIZES = (20, 30, 5000)


def _live(section, entries: int):
    from django.utils import timezone

    from kiosque.live.models import LiveEntry, LivePage

    slug = f"banc-direct-{entries}"
    existing = LivePage.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    live = LivePage(
        title=f"DIRECT. Banc d’essai, {entries} entrées",
        slug=slug,
        standfirst="Un direct pour mesurer le coût d’un direct long.",
        body=[],
    )
    section.add_child(instance=live)
    live.save_revision().publish()
    start = timezone.now() - timedelta(seconds=30 * entries)
    text = "Le niveau de la Loire atteint 5,31 m à Tours ; la préfecture maintient sa prévision."
    LiveEntry.objects.bulk_create(
        [
            LiveEntry(
                live=live,
                posted_at=start + timedelta(seconds=30 * number),
                title="Point d’étape" if number % 7 == 0 else "",
                body=[{"type": "paragraph", "value": f"<p>{text} ({number})</p>"}],
                is_key=number % 50 == 0,
            )
            for number in range(entries)
        ],
        batch_size=1000,
    )
    return LivePage.objects.get(pk=live.pk)


def _timed(client, path: str, host: str) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(path, HTTP_HOST=host)
        elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (path, response.status_code)
    return elapsed, len(queries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_LIVE_URL", f"{PG}/kq_bench_live")
    )
    args = parser.parse_args()

    var_dir = Path(tempfile.mkdtemp(prefix="kiosque-live-page-"))
    ensure_database(args.database_url, var_dir)
    os.environ.update(
        {"DATABASE_URL": args.database_url, "KIOSQUE_VAR_DIR": str(var_dir), **http_bench.DEV}
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)  # the manifest pages read
    from django.test import Client
    from wagtail.models import Site

    from kiosque.newsroom.models import SectionPage

    site = Site.objects.get(is_default_site=True)
    section = SectionPage.objects.descendant_of(site.root_page).first()
    if section is None:
        raise SystemExit("The bench database has no section: run bench/live_polling.py once.")
    lives = {size: _live(section, size) for size in SIZES}
    client = Client()
    host = site.hostname
    paths = {}
    for size, live in lives.items():
        paths[("page", size)] = live.get_url()
        paths[("answer", size)] = f"/direct/{live.pk}/nouveautes.json"
    for path in paths.values():  # warm: memos, compiled queries, fragments
        for _ in range(3):
            _timed(client, path, host)

    times = {key: [] for key in paths}
    queries = {}
    for _ in range(args.rounds):
        for key, path in paths.items():
            elapsed, count = _timed(client, path, host)
            times[key].append(elapsed)
            queries[key] = count

    print(f"Live page and polling answer, {args.rounds} renders each, in-process ({host})")
    print(f"{'':22}{'median':>10}{'p90':>10}{'queries':>10}")
    for key in paths:
        values = sorted(times[key])
        p90 = values[int(len(values) * 0.9) - 1]
        label = f"{key[0]}, {key[1]} entries"
        print(f"{label:22}{statistics.median(values):>8.1f}ms{p90:>8.1f}ms{queries[key]:>10}")
    for kind in ("page", "answer"):
        for base in (20, 30):
            ratio = statistics.median(times[(kind, 5000)]) / statistics.median(times[(kind, base)])
            print(f"{kind}: 5,000 entries / {base} entries = {ratio:.2f}× (target ≤ 1.2×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
