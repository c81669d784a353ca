"""How long each public response may be kept, by browsers and by the edge.

The edge keeps pages long and is told when they change (purge by surrogate key), so
its lifetimes are long; browsers cannot be purged, so theirs are short. Nothing here
applies to a response that says anything about who asked: those are `private`.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings


@dataclass(frozen=True)
class Lifetime:
    browser: int  # max-age
    shared: int  # s-maxage, what the edge keeps between purges

    def header(self) -> str:
        return (
            f"public, max-age={self.browser}, s-maxage={self.shared}, "
            f"stale-while-revalidate={settings.EDGE_STALE_WHILE_REVALIDATE}, "
            f"stale-if-error={settings.EDGE_STALE_IF_ERROR}"
        )

    def capped(self, seconds: int) -> "Lifetime":
        seconds = max(seconds, 1)
        return Lifetime(browser=min(self.browser, seconds), shared=min(self.shared, seconds))


def article() -> Lifetime:
    return Lifetime(browser=settings.EDGE_BROWSER_SECONDS, shared=settings.EDGE_ARTICLE_SECONDS)


def listing() -> Lifetime:
    return Lifetime(browser=settings.EDGE_BROWSER_SECONDS, shared=settings.EDGE_LISTING_SECONDS)


def not_found() -> Lifetime:
    return Lifetime(browser=settings.EDGE_BROWSER_SECONDS, shared=settings.EDGE_LISTING_SECONDS)


def media() -> Lifetime:
    return Lifetime(browser=3600, shared=86400)


def article_horizon() -> timedelta:
    return timedelta(seconds=settings.EDGE_ARTICLE_SECONDS)
