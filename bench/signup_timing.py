"""Sign-up timing: does the answer's delay tell whether an address has an account?

    .venv/bin/python bench/signup_timing.py [--runs 30]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/signup_timing.py

Posts the reader sign-up form (HTTP through Django's test client, rendering included)
with a new address and with the address of an existing account, taken in turn, with the
production password hasher (Argon2; the test settings' MD5 would hide the difference).
Prints p50/p90 of each case and the ratio new/existing. Target: ratio within 0.8–1.25
at p50, so the delay says nothing about the address (decision 0077).

Runs on a throw-away test database (SQLite in memory, or `test_<name>` on the PostgreSQL
server DATABASE_URL names). The cache is cleared before each post: the sign-up and
confirmation-mail rate limits would otherwise skip work after a few posts.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kiosque.settings.test")

import django  # noqa: E402

django.setup()

from django.core import mail  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_databases, setup_test_environment, teardown_databases  # noqa: E402

from kiosque.settings import base  # noqa: E402
from tests.discussion.helpers import PASSWORD, make_reader  # noqa: E402
from tests.factories import build_newsroom  # noqa: E402


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def post_signup(email: str) -> float:
    cache.clear()
    client = Client()
    started = time.perf_counter()
    answer = client.post(
        "/compte/inscription/",
        {"display_name": "Camille", "email": email, "password1": PASSWORD},
    )
    elapsed = (time.perf_counter() - started) * 1000
    if answer.status_code != 302:
        raise SystemExit(f"sign-up answered {answer.status_code} for {email}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="posts of each kind")
    args = parser.parse_args()

    setup_test_environment()
    old = setup_databases(verbosity=0, interactive=False)
    try:
        with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
            build_newsroom()
            existing = make_reader().email
            post_signup("echauffement@example.org")  # first request: imports, templates
            new_ms, existing_ms = [], []
            for run in range(args.runs):
                new_ms.append(post_signup(f"nouveau{run}@example.org"))
                existing_ms.append(post_signup(existing))
            mails = len(mail.outbox)
    finally:
        teardown_databases(old, verbosity=0)

    print(f"sign-up timing, {args.runs} posts of each kind, hasher {base.PASSWORD_HASHERS[0]}")
    print(f"{'case':<18}{'p50 ms':>10}{'p90 ms':>10}")
    for name, values in (("new address", new_ms), ("existing address", existing_ms)):
        print(f"{name:<18}{percentile(values, 0.5):>10.1f}{percentile(values, 0.9):>10.1f}")
    ratio50 = percentile(new_ms, 0.5) / percentile(existing_ms, 0.5)
    ratio90 = percentile(new_ms, 0.9) / percentile(existing_ms, 0.9)
    print(f"ratio new/existing: p50 {ratio50:.2f}, p90 {ratio90:.2f} (target 0.8–1.25)")
    print(f"mails sent: {mails} (one per post expected: {2 * args.runs + 1})")
    overlap = min(new_ms) <= max(existing_ms) and min(existing_ms) <= max(new_ms)
    print(f"ranges overlap: {'yes' if overlap else 'no'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
