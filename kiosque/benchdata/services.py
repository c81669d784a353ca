"""`bench_data_create`: the whole bench load, step by step, with progress and timings."""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from kiosque.benchdata import reference
from kiosque.benchdata.articles import CHUNK, ArticlePlanner, ArticleWriter
from kiosque.benchdata.comments import CommentWriter, spread
from kiosque.benchdata.models import BenchDataRun
from kiosque.benchdata.skeleton import build_skeleton
from kiosque.benchdata.text import TextMaker
from kiosque.newsroom.models import ArticlePage, NewsroomSettings, SectionPage

MAX_ARTICLES = 5_000_000
MAX_COMMENTS = 50_000_000


@dataclass
class BenchReport:
    articles: int = 0
    comments: int = 0
    seconds: dict = field(default_factory=dict)
    reference_path: str = reference.REFERENCE_PATH


def bench_data_refusal() -> str | None:
    """Why a load must not run on this database, or None."""
    run = BenchDataRun.objects.order_by("pk").first()
    if run is None:
        return None
    if run.finished_at is None:
        return (
            f"an interrupted bench-data load (started {run.started_at:%Y-%m-%d %H:%M}) left "
            "partial data here: recreate the database (drop, create, migrate) and run again"
        )
    return (
        f"this database already holds bench data ({run.articles} articles, {run.comments} "
        "comments): use a fresh database for another size"
    )


def bench_data_create(
    *,
    articles: int,
    comments: int,
    seed: int = 1,
    readers: int | None = None,
    index: bool = True,
    now: datetime | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> BenchReport:
    if not 1 <= articles <= MAX_ARTICLES:
        raise ValidationError(f"--articles must be between 1 and {MAX_ARTICLES:,}")
    if not 0 <= comments <= MAX_COMMENTS:
        raise ValidationError(f"--comments must be between 0 and {MAX_COMMENTS:,}")
    refusal = bench_data_refusal()
    if refusal:
        raise ValidationError(refusal)
    now = now or timezone.now()
    readers = readers or max(50, min(20_000, comments // 400))
    report = BenchReport()
    begun = time.perf_counter()
    run = BenchDataRun.objects.create(
        articles=articles, comments=comments, seed=seed, started_at=now
    )

    def step(name: str, started: float) -> None:
        report.seconds[name] = round(time.perf_counter() - started, 2)
        progress(f"{name}: {report.seconds[name]:.1f} s")

    started = time.perf_counter()
    with transaction.atomic():
        skeleton = build_skeleton(readers=readers)
    step("skeleton", started)

    rng = random.Random(seed)  # noqa: S311 (reproducible data, not secrets)
    text = TextMaker(rng)
    site = Site.objects.filter(is_default_site=True).first()
    grace = NewsroomSettings.for_site(site).update_grace
    writer = ArticleWriter(skeleton, grace=grace)
    planner = ArticlePlanner(skeleton, writer, rng, text)

    started = time.perf_counter()
    times = planner.publication_times(articles - 1, now)
    article_ids: list[int] = []
    for begin in range(0, len(times), CHUNK):
        batch = times[begin : begin + CHUNK]
        specs = [planner.spec(begin + n + 1, t, now) for n, t in enumerate(batch)]
        article_ids.extend(writer.write(specs))
        progress(f"  articles {len(article_ids):,}/{articles:,}")
    reference_id = _write_reference_article(skeleton, writer, now)
    step("articles", started)

    started = time.perf_counter()
    comment_writer = CommentWriter(rng=rng, text=text, reader_ids=skeleton.reader_ids, now=now)
    reference_comments = min(reference.REFERENCE_COMMENTS, comments)
    per_article = spread(article_ids, comments - reference_comments, rng)
    for article_id, published_at in zip(article_ids, times, strict=True):
        count = per_article.get(article_id, 0)
        if count:
            comment_writer.add_article(article_id, published_at, count)
            if comment_writer.written and not comment_writer.pending:
                progress(f"  comments {comment_writer.written:,}/{comments:,}")
    written = _write_reference_comments(skeleton, reference_id, now, reference_comments)
    comment_writer.flush()
    _recount_comments()
    report.comments = comment_writer.written + written
    step("comments", started)

    if index:
        started = time.perf_counter()
        rebuild_search_index([*article_ids, reference_id], progress)
        step("search index", started)

    started = time.perf_counter()
    _analyse()
    step("analyse", started)

    report.articles = len(article_ids) + 1
    total = round(time.perf_counter() - begun, 1)
    report.seconds["total"] = total
    BenchDataRun.objects.filter(pk=run.pk).update(
        finished_at=timezone.now(), seconds=total, reference_article_id=reference_id
    )
    return report


def _write_reference_article(skeleton, writer: ArticleWriter, now: datetime) -> int:
    """The reference article, identical whatever the size and seed of the load."""
    rng = random.Random(reference.REFERENCE_SEED)  # noqa: S311
    text = TextMaker(rng)
    planner = ArticlePlanner(skeleton, writer, rng, text)
    section = SectionPage.objects.get(
        slug=reference.REFERENCE_SECTION, depth=skeleton.home.depth + 1
    )
    spec = planner.spec(0, now - timedelta(hours=1), now)
    spec.section_slots = writer.slots[section.pk]
    spec.title, spec.slug = reference.REFERENCE_TITLE, reference.REFERENCE_SLUG
    spec.body = text.body(7)
    spec.updated_at = None
    spec.topic_id = skeleton.topics[0].pk
    spec.author_ids = [a.pk for a in skeleton.authors[:2]]
    spec.agency_ids = skeleton.agency_ids[:1]
    spec.picture = skeleton.pictures[0]
    spec.comments_enabled = True
    return writer.write([spec])[0]


def _write_reference_comments(skeleton, article_id: int, now: datetime, count: int) -> int:
    rng = random.Random(reference.REFERENCE_SEED)  # noqa: S311
    writer = CommentWriter(
        rng=rng, text=TextMaker(rng), reader_ids=skeleton.reader_ids[:50], now=now
    )
    published = now - timedelta(hours=1)
    writer.add_article(article_id, published, count)
    writer.flush()
    return writer.written


def _recount_comments() -> None:
    """Each article's published-comment counter, from the comments just written."""
    try:
        from kiosque.discussion.counts import recount
    except ImportError:  # a tree without the denormalised counter has nothing to keep
        return
    recount()


def rebuild_search_index(article_ids: list[int], progress) -> None:
    """Index the new articles once, in bulk (the load sends no signal that would).

    Two indexes exist: Wagtail's (the admin's search and the API's `q`) and the reader
    search's own (kiosque.search). Both are written from plain rows, thousands of
    articles per statement, side by side on PostgreSQL (search_indexes_rebuild), not
    page by page: see docs/decisions/0055-bulk-search-index-rebuild.md.
    """
    if not apps.is_installed("kiosque.search"):
        from wagtail.search.backends import get_search_backends

        for backend in get_search_backends():
            for begin in range(0, len(article_ids), 2000):
                chunk = ArticlePage.objects.filter(pk__in=article_ids[begin : begin + 2000])
                backend.add_bulk(ArticlePage, list(chunk))
        return
    from kiosque.search.services import search_indexes_rebuild

    names = {"wagtail": "Wagtail index", "reader": "reader search index"}

    def report(index: str, done: int, total: int) -> None:
        if done == total or done % 20_000 < 2000:  # batches of 2,000 articles
            progress(f"  {names[index]} {done:,}/{total:,}")

    search_indexes_rebuild(article_ids=article_ids, progress=report)


def _analyse() -> None:
    """Fresh planner statistics: PostgreSQL's are stale after a bulk load."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
