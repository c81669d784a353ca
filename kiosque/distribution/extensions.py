"""What a feature app adds to the distribution of its own kind of page.

Distribution knows articles (kiosque.newsroom). A feature app that defines a page of its
own (a live coverage is an article with entries, kiosque.live) may not be imported from
here (decision 0064: it imports distribution, the reverse would be a cycle), so it
registers what it adds, from its AppConfig.ready(), under its page class:

- `json_ld(page, data, context=, site=, newsroom=)`: the page's article JSON-LD (`data`,
  from the page's template `context`), rewritten (a
  LiveBlogPosting with its latest updates instead of a NewsArticle); it must return a
  dictionary that `structured_data.json_ld_script` can print.
- `feed(page, kind=, site=, newsroom=, request=)`: the page's own feed ("rss" or
  "atom"), a Django SyndicationFeed, served at <page path>rss.xml and atom.xml and
  linked from the page's <head>.

Lookups follow the class hierarchy, so a subclass of a registered page class inherits
its extension.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PageDistribution:
    json_ld: Callable[..., dict] | None = None
    feed: Callable[..., object] | None = None


_registry: dict[type, PageDistribution] = {}


def register(page_class: type, extension: PageDistribution) -> None:
    """Called from an AppConfig.ready(); registering twice replaces (tests reload)."""
    _registry[page_class] = extension


def for_page(page) -> PageDistribution | None:
    for klass in type(page).__mro__:
        if klass in _registry:
            return _registry[klass]
    return None


def has_own_feed(page) -> bool:
    extension = for_page(page)
    # Aggregators read feeds: a page hidden from search engines is not syndicated
    # either, as its articles are not (decision 0030).
    return extension is not None and extension.feed is not None and not page_noindex(page)


def page_noindex(page) -> bool:
    return bool(getattr(page, "noindex", False))
