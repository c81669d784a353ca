"""Comments benchmark: first page cost with 10 vs 10,000 comments; concurrent posting.

    .venv/bin/python bench/comments_bench.py [--big 10000] [--readers 50] [--posts 10]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/comments_bench.py

Runs on a throw-away test database (Django's test database machinery: SQLite in memory,
or `test_<name>` on the PostgreSQL server DATABASE_URL names), with the test settings.
1. First page of the full comments page (HTTP through Django's test client, rendering
   included), median of repeated requests, on an article with 10 comments and one with
   --big comments, measured in the same run. Target: ratio ≤ 1.2. Then the same page's
   queries alone (threads, picks, count), without HTTP and rendering. The count is read
   from the per-article counter (decision 0025), so nothing on the page grows with the
   thread; the big article's page shows 20 threads, the small one's all 7.
2. PostgreSQL only: --readers readers posting --posts comments each at once through
   comment_post (validation, rules, rate limits, row lock); comments/s, p50/p99 latency,
   errors and lost comments (target: zero of both).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kiosque.settings.test")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import close_old_connections, connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_databases, setup_test_environment, teardown_databases  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Site  # noqa: E402

from kiosque.discussion.counts import recount  # noqa: E402
from kiosque.discussion.models import Comment, CommentCount, DiscussionSettings  # noqa: E402
from kiosque.discussion.services import comment_post  # noqa: E402
from tests.discussion.helpers import make_reader  # noqa: E402
from tests.factories import build_newsroom, days_ago, make_article  # noqa: E402


def fill(article, count: int, authors) -> None:
    """count comments: two thirds top-level, the rest replies, spread over ten days."""
    start = timezone.now() - timedelta(days=10)
    step = timedelta(days=10) / max(count, 1)
    tops = Comment.objects.bulk_create(
        Comment(article=article, author=authors[n % len(authors)], body=f"Commentaire {n}",
                created_at=start + step * n, like_count=n % 17)
        for n in range(count - count // 3)
    )  # fmt: skip
    Comment.objects.filter(article=article, thread__isnull=True).update(thread_id=models_F("id"))
    replies = [
        Comment(article=article, author=authors[n % len(authors)], body=f"Réponse {n}",
                parent=tops[n % len(tops)], thread_id=tops[n % len(tops)].pk, depth=2,
                created_at=tops[n % len(tops)].created_at + timedelta(minutes=5))
        for n in range(count // 3)
    ]  # fmt: skip
    Comment.objects.bulk_create(replies)
    recount(article_ids=[article.pk])  # bulk_create goes around the services' counter


def models_F(name):
    from django.db.models import F

    return F(name)


def interleaved_ms(measure, articles, runs: int) -> list[float]:
    """Median time of measure(article) for each article, the articles taken in turn.

    Alternating keeps a change of machine load (other processes) from falling on one
    article's runs only, which would skew the ratio.
    """
    for article in articles:
        measure(article)  # warm-up: templates, settings, caches of Django itself
    times: list[list[float]] = [[] for _ in articles]
    for _n in range(runs):
        for index, article in enumerate(articles):
            begun = time.perf_counter()
            measure(article)
            times[index].append((time.perf_counter() - begun) * 1000)
    return [statistics.median(series) for series in times]


def first_page(client: Client):
    def measure(article) -> None:
        response = client.get(f"/commentaires/{article.pk}/")
        assert response.status_code == 200

    return measure


def first_page_queries(article) -> None:
    """The database part alone: the page of threads, the picks and the count."""
    from kiosque.discussion import selectors

    selectors.thread_page(article_id=article.pk, size=20)
    selectors.editors_picks(article_id=article.pk)
    selectors.comment_count(article_id=article.pk)


def concurrent_posting(article, readers: int, posts: int) -> None:
    people = [make_reader(f"Banc {n}") for n in range(readers)]
    config = DiscussionSettings.for_site(Site.objects.get(is_default_site=True))
    config.min_seconds_between_comments = 0
    config.max_comments_per_day = posts + 1
    config.trusted_after_approved = 0
    config.save()
    before = Comment.objects.count()
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(readers)

    def reader(user):
        try:
            barrier.wait(timeout=60)
            for n in range(posts):
                begun = time.perf_counter()
                try:
                    comment_post(user=user, article=article, body=f"{user.pk} dit {n}")
                except Exception as error:
                    with lock:
                        errors.append(repr(error))
                    continue
                with lock:
                    latencies.append((time.perf_counter() - begun) * 1000)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=reader, args=(user,)) for user in people]
    begun = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - begun
    stored = Comment.objects.count() - before
    lost = len(latencies) - stored
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else 0
    print(f"posting: {readers} readers x {posts} comments in {elapsed:.2f} s")
    print(f"  {stored / elapsed:.0f} comments/s, errors {len(errors)}, lost {lost}")
    print(f"  latency p50 {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms")
    counted = CommentCount.objects.get(article=article).published
    actual = Comment.objects.filter(article=article, status=Comment.Status.PUBLISHED).count()
    print(f"  published-comment counter {counted}, comments published {actual}: "
          + ("exact" if counted == actual else "DRIFTED"))  # fmt: skip
    if errors:
        print("  first error:", errors[0])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--big", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=10)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--posts", type=int, default=10)
    args = parser.parse_args()

    setup_test_environment()
    old = setup_databases(verbosity=0, interactive=False)
    try:
        cache.clear()
        newsroom = build_newsroom()
        authors = [make_reader(f"Auteur {n}") for n in range(50)]
        small = make_article(newsroom.europe, slug="petit-fil", published_at=days_ago(1))
        big = make_article(newsroom.europe, slug="grand-fil", published_at=days_ago(1))
        begun = time.perf_counter()
        fill(small, args.small, authors)
        fill(big, args.big, authors)
        print(f"database: {connection.vendor}; filled in {time.perf_counter() - begun:.1f} s")
        client = Client()
        small_ms, big_ms = interleaved_ms(first_page(client), [small, big], args.runs)
        ratio = big_ms / small_ms
        verdict = "OK" if ratio <= 1.2 else "ABOVE TARGET"
        print(f"first page, {args.small} comments: {small_ms:.1f} ms (median of {args.runs})")
        print(f"first page, {args.big} comments: {big_ms:.1f} ms (median of {args.runs})")
        print(f"ratio: {ratio:.2f} (target ≤ 1.2) {verdict}")
        small_db, big_db = interleaved_ms(first_page_queries, [small, big], args.runs)
        print(f"queries alone: {small_db:.2f} ms vs {big_db:.2f} ms, ratio {big_db / small_db:.2f}")
        if connection.vendor == "postgresql":
            target = make_article(newsroom.europe, slug="fil-concurrent", published_at=days_ago(1))
            concurrent_posting(target, args.readers, args.posts)
        else:
            print("posting: skipped, needs PostgreSQL (set DATABASE_URL=postgres://…)")
    finally:
        teardown_databases(old, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
