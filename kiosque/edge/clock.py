"""The content clock: when anything a reader can see last changed, site-wide.

Every change that purges the edge also moves this clock, so it is a safe
`Last-Modified` for any public page: nothing on the page changed after it, except what
the clock alone changes (see freshness.py), which the middleware adds. It lives in the
shared cache (database or Redis), so every process of the site reads the same clock; if
the cache loses it, "now" is the safe answer.
"""

import time

from django.core.cache import cache

CLOCK_KEY = "edge:content-clock"


def content_changed() -> None:
    cache.set(CLOCK_KEY, time.time(), None)


def last_content_change() -> float:
    stamp = cache.get(CLOCK_KEY)
    if stamp is None:
        stamp = time.time()
        cache.add(CLOCK_KEY, stamp, None)
    return float(stamp)


REQUEST_ATTRIBUTE = "_content_clock"


def clock_for(request) -> float:
    """The clock as this request first read it: one cache read per request.

    Reading it before the view can only make Last-Modified older than the content it
    describes, which costs a full answer to a conditional request, never a stale one.
    """
    stamp = getattr(request, REQUEST_ATTRIBUTE, None)
    if stamp is None:
        stamp = last_content_change()
        setattr(request, REQUEST_ATTRIBUTE, stamp)
    return stamp
