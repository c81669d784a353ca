"""Newsletter sending benchmark: a digest to 10,000 then 100,000 subscribers.

    nice .venv/bin/python bench/newsletter_send.py [--subscribers 100000] [--small 10000]

On a throw-away data folder (SQLite, `kiosque migrate`; or --database-url for an empty
PostgreSQL database): 100,000 subscribers bulk-inserted, a digest list with all of them
and one with the first 10,000, an edition of six articles with their pictures on each.
Then, for each edition, one process (its peak memory is its own maximum resident set
size) lists the recipients (`start_sending`: the Delivery rows, timed) and sends every
message with the engine the workers run (`send_batch` until nothing is left, no rate
limit) to a local aiosmtpd server in another process (tests/newsletters/smtp_server.py),
which counts what it received.

Baselines in the same run, on a sample of 1,000 recipients (200 for the slowest): the
same messages sent over one connection with no record at all (what the at-most-once
bookkeeping costs), each message built by Django from the prepared edition
(message_for()), and the naive path (the edition rendered again for each message, as a
loop over Django's send_mail would).
Targets: at least 200 messages/s; memory flat in the number of subscribers.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = 1000
ARTICLES = 6


def django_setup() -> None:
    sys.path.insert(0, str(REPO))
    import django

    django.setup()


def fill(subscribers: int, small: int) -> dict:
    """The subscribers, the two lists and their editions, written straight into the tables."""
    from django.db import transaction
    from django.utils import timezone

    from kiosque.newsletters.models import (
        Edition,
        EditionArticle,
        NewsletterList,
        Subscriber,
        Subscription,
    )
    from tests.factories import build_newsroom, make_article, make_image

    with transaction.atomic():
        newsroom = build_newsroom()
        articles = [
            make_article(
                newsroom.europe if n % 2 else newsroom.sport,
                title=f"Les négociations reprennent, épisode {n}",
                slug=f"bench-{n}",
                agencies=[newsroom.agency],
                topic=newsroom.topic if n % 3 == 0 else None,
                lead_image=make_image(f"Photo {n}", with_renditions=False),
                lead_image_alt=f"Des délégués autour d'une table, photo {n}",
            )
            for n in range(ARTICLES)
        ]
    now = timezone.now()
    lists = {}
    for name, size in (("small", small), ("large", subscribers)):
        lists[name] = NewsletterList.objects.create(
            name=f"L'essentiel ({size})", slug=f"essentiel-{name}", kind="digest"
        )
    chunk = 5000
    for start in range(0, subscribers, chunk):
        with transaction.atomic():
            rows = Subscriber.objects.bulk_create(
                Subscriber(email=f"abonne{n:07d}@bench.example")
                for n in range(start, min(subscribers, start + chunk))
            )
            subscriptions = []
            for offset, subscriber in enumerate(rows):
                for name, newsletter in lists.items():
                    if name == "small" and start + offset >= small:
                        continue
                    subscriptions.append(
                        Subscription(
                            subscriber=subscriber,
                            newsletter=newsletter,
                            status="confirmed",
                            requested_at=now,
                            confirmed_at=now,
                        )
                    )
            Subscription.objects.bulk_create(subscriptions)
    editions = {}
    for name, newsletter in lists.items():
        edition = Edition.objects.create(
            newsletter=newsletter, subject="L'essentiel du 7 décembre", intro="Bonjour !"
        )
        for order, article in enumerate(articles):
            EditionArticle.objects.create(edition=edition, article=article, sort_order=order)
        editions[name] = edition.pk
    return editions


def send(edition_id: int) -> dict:
    """Prepare then send one edition, as the workers do; figures of this process."""
    from django.conf import settings
    from django.core import mail

    from kiosque.newsletters.messages import render_edition
    from kiosque.newsletters.models import Delivery, Edition
    from kiosque.newsletters.sending import (
        Recipient,
        edition_progress,
        send_batch,
        start_sending,
    )

    settings.NEWSLETTER_SEND_RATE = 0
    settings.NEWSLETTER_BATCH_SIZE = 500
    edition = Edition.objects.get(pk=edition_id)
    began = time.perf_counter()
    recipients = start_sending(edition)
    prepared_seconds = time.perf_counter() - began

    began = time.perf_counter()
    result = send_batch(edition_id)
    runs = 1
    while result.next_in is not None:
        assert result.next_in == 0, result
        result = send_batch(edition_id, after_id=result.after_id)
        runs += 1
    send_seconds = time.perf_counter() - began
    progress = edition_progress(edition)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # Baselines on a sample of the same recipients, over one connection each.
    edition.refresh_from_db()
    sample = [
        Recipient(pk, email)
        for pk, email in Delivery.objects.filter(edition_id=edition_id)
        .order_by("pk")
        .values_list("subscriber_id", "subscriber__email")[:SAMPLE]
    ]
    prepared = render_edition(edition)
    template = prepared.raw_template()
    with mail.get_connection() as connection:
        began = time.perf_counter()
        for recipient in sample:  # the engine's messages, without their records
            connection.connection.sendmail(template.from_address, *template.message_for(recipient))
        bare_rate = len(sample) / (time.perf_counter() - began)
    with mail.get_connection() as connection:
        began = time.perf_counter()
        connection.send_messages([prepared.message_for(r) for r in sample])
        built_rate = len(sample) / (time.perf_counter() - began)
    naive_sample = sample[: SAMPLE // 5]
    began = time.perf_counter()
    with mail.get_connection() as naive:
        for recipient in naive_sample:
            naive.send_messages([render_edition(edition).message_for(recipient)])
    naive_rate = len(naive_sample) / (time.perf_counter() - began)
    return {
        "recipients": recipients,
        "prepare_seconds": round(prepared_seconds, 2),
        "send_seconds": round(send_seconds, 2),
        "messages_per_second": round(progress["sent"] / send_seconds, 1),
        "runs": runs,
        "progress": progress,
        "peak_rss_mb": round(peak_mb, 1),
        "message_bytes": len(prepared.message_for(sample[0]).message().as_bytes()),
        "bare_messages_per_second": round(bare_rate, 1),
        "built_messages_per_second": round(built_rate, 1),
        "naive_messages_per_second": round(naive_rate, 1),
    }


def child(args) -> int:
    django_setup()
    answer = fill(args.subscribers, args.small) if args.phase == "fill" else send(args.edition)
    print("ANSWER " + json.dumps(answer), flush=True)
    return 0


def run_child(env: dict, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{args} failed:\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}")
    line = next(line for line in done.stdout.splitlines() if line.startswith("ANSWER "))
    return json.loads(line.removeprefix("ANSWER "))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--database-url", default="", help="an empty PostgreSQL database")
    parser.add_argument("--keep", action="store_true", help="keep the data folder")
    parser.add_argument("--phase", choices=["fill", "send"], help=argparse.SUPPRESS)
    parser.add_argument("--edition", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        return child(args)

    work = Path(tempfile.mkdtemp(prefix="kiosque-bench-newsletters-"))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        KIOSQUE_VAR_DIR=str(work / "var"),
        DJANGO_SETTINGS_MODULE="tests.newsletters.worker_settings",
        BASE_URL="https://www.kiosque.example",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(REPO),
    )
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    server = subprocess.Popen(
        [sys.executable, str(REPO / "tests/newsletters/smtp_server.py"), "--count-only"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        port = int(server.stdout.readline().split()[1])
        env["TEST_SMTP_PORT"] = str(port)
        print(f"SMTP server on 127.0.0.1:{port}; data in {work}", flush=True)
        began = time.perf_counter()
        for command in (["migrate", "--no-input", "-v0"], ["createcachetable"]):
            subprocess.run(
                [sys.executable, "-m", "kiosque", *command], env=env, check=True, cwd=REPO
            )
        print(f"migrate: {time.perf_counter() - began:.0f} s", flush=True)
        began = time.perf_counter()
        editions = run_child(
            env,
            "--phase",
            "fill",
            "--subscribers",
            str(args.subscribers),
            "--small",
            str(args.small),
        )
        print(f"fill ({args.subscribers} subscribers): {time.perf_counter() - began:.0f} s")
        results = {}
        for name in ("small", "large"):
            results[name] = run_child(env, "--phase", "send", "--edition", str(editions[name]))
            print(name, json.dumps(results[name]), flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        received = server.communicate(timeout=60)[0]
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    small, large = results["small"], results["large"]
    expected = sum(
        r["progress"]["sent"] + 2 * min(SAMPLE, r["recipients"]) + min(SAMPLE // 5, r["recipients"])
        for r in results.values()
    )
    print()
    print(f"SMTP server: {received.strip()} (expected {expected})")
    for r in results.values():
        print(
            f"{r['recipients']:>7} recipients: prepare {r['prepare_seconds']} s, "
            f"send {r['send_seconds']} s = {r['messages_per_second']} messages/s "
            f"({r['runs']} runs), peak RSS {r['peak_rss_mb']} MB, message {r['message_bytes']} B"
        )
        print(
            f"         baselines: no records {r['bare_messages_per_second']} messages/s "
            f"(bookkeeping costs {1 - r['messages_per_second'] / r['bare_messages_per_second']:.0%}"
            "),"
            f" built by Django per message {r['built_messages_per_second']} messages/s,"
            f" rendered per message {r['naive_messages_per_second']} messages/s "
            f"(engine {r['messages_per_second'] / r['naive_messages_per_second']:.1f}x)"
        )
    print(f"peak memory ratio {large['recipients']}/{small['recipients']} recipients: "
          f"{large['peak_rss_mb'] / small['peak_rss_mb']:.2f}")  # fmt: skip
    ok = large["messages_per_second"] >= 200 and large["peak_rss_mb"] / small["peak_rss_mb"] < 1.2
    print("targets (≥ 200 messages/s, memory flat):", "met" if ok else "MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
