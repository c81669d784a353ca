"""Requests per client IP, and writes per API token, counted in the shared cache
(decision 0038).

A fixed window: one counter per address and window, created with `add` and raised with
`incr` (atomic on Redis; on the database cache a burst may let a request or two more
through, which a rate limit can live with). The cache is the one every process shares,
never process memory, so several gunicorn workers count together.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE = re.compile(r"^\s*(\d+)\s*/\s*([smhd])\s*$")
OFF = {"", "off", "0", "none"}


@dataclass(frozen=True)
class Rate:
    requests: int
    seconds: int


def parse_rate(text: str, setting: str = "API_RATE_LIMIT") -> Rate | None:
    """ "120/m" → 120 requests a minute; "off" → None (no limit)."""
    if text.strip().lower() in OFF:
        return None
    match = RATE.match(text)
    if match is None or int(match.group(1)) < 1:
        raise ImproperlyConfigured(
            f"{setting} must look like 120/m (per s, m, h or d) or be off, not {text!r}"
        )
    return Rate(requests=int(match.group(1)), seconds=PERIODS[match.group(2)])


def client_ip(request) -> str:
    """The connecting address, or the one the trusted proxies in front report.

    Each proxy appends the address it received the request from to X-Forwarded-For; with
    N trusted proxies, the N-th entry from the right is the client as the outermost one
    saw it. Entries further left were written by the client and prove nothing.
    """
    proxies = settings.API_TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies > 0 and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-min(proxies, len(hops))]
    return request.META.get("REMOTE_ADDR", "")


def seconds_to_wait(request, *, now: float | None = None) -> int:
    """0 when the request may go on, else the seconds until its client may ask again."""
    return seconds_to_wait_for(client_ip(request), parse_rate(settings.API_RATE_LIMIT), now=now)


def seconds_to_wait_for(who: str, rate: Rate | None, *, now: float | None = None) -> int:
    """The same count for any caller: a client address, or an API token (`token:<id>`)."""
    if rate is None:
        return 0
    now = time.time() if now is None else now
    window = int(now // rate.seconds)
    key = f"kiosque-api-rate:{who}:{rate.seconds}:{window}"
    cache.add(key, 0, timeout=rate.seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this request opens a new count
        cache.set(key, 1, timeout=rate.seconds + 1)
        count = 1
    if count <= rate.requests:
        return 0
    return max(1, math.ceil((window + 1) * rate.seconds - now))
