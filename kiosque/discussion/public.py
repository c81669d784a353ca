"""The comments part of the article page: public, the same for every reader.

Nothing here may depend on who asks: the article HTML is shared by the edge cache.
The data is kept in Django's cache under a per-article version that every write bumps
(after commit), so a busy article costs no comment query per view and the article page
keeps its fixed query budget.
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils.functional import cached_property

from kiosque.discussion import selectors, threads
from kiosque.edge.keys import article_key
from kiosque.edge.purge import purge_keys_on_commit

CACHE_SECONDS = 600


def _version_key(article_id: int) -> str:
    return f"discussion:version:{article_id}"


def discussion_changed(article_id: int) -> None:
    """Call after any write that changes what the public thread shows.

    Bumped now and again after commit: a view that ran in between may have cached the
    old state under the first new version.
    """

    def bump():
        cache.set(_version_key(article_id), uuid.uuid4().hex, None)

    bump()
    transaction.on_commit(bump)
    # The article's page and every card showing its comment count, at the edge too.
    purge_keys_on_commit({article_key(article_id)})


class PublicDiscussion:
    """The public thread of one article, as the article page shows it.

    The page needs the thread's closing rule on every view (is the form shown?), but the
    comments themselves only when the comment-list fragment must be rendered again: most
    views are served from that fragment, so the comments (dozens of pickled model
    instances) are read from the cache on first use only.
    """

    def __init__(self, article, version: str):
        self.article = article
        self.version = version
        # The preview of an article never saved has no thread, nor an address for one.
        saved = article.pk is not None
        self.thread_url = reverse("discussion:thread", args=[article.pk]) if saved else ""
        self.fragment_url = reverse("discussion:fragment", args=[article.pk]) if saved else ""

    @cached_property
    def override_days(self) -> int | None:
        # Kept apart from the comments: a few bytes to read on every view.
        key = f"discussion:rules:{self.article.pk}:{self.version}"
        rules = cache.get(key)
        if rules is None:
            rules = {"override_days": threads.close_after_days(self.article, None)}
            cache.set(key, rules, CACHE_SECONDS)
        return rules["override_days"]

    @cached_property
    def _comments(self) -> dict:
        article_id = self.article.pk
        key = f"discussion:public:{article_id}:{self.version}"
        data = cache.get(key)
        if data is None:
            config = threads.site_settings(self.article)
            data = {
                "page": selectors.thread_page(article_id=article_id, size=config.page_size),
                "picks": selectors.editors_picks(article_id=article_id),
                "count": selectors.comment_count(article_id=article_id),
                "max_depth": config.max_depth,
            }
            cache.set(key, data, CACHE_SECONDS)
        return data

    @property
    def page(self):
        return self._comments["page"]

    @property
    def picks(self):
        return self._comments["picks"]

    @property
    def count(self) -> int:
        return self._comments["count"]

    @property
    def max_depth(self) -> int:
        return self._comments["max_depth"]


def article_discussion(article) -> PublicDiscussion:
    version = cache.get(_version_key(article.pk))
    if version is None:
        version = uuid.uuid4().hex
        cache.add(_version_key(article.pk), version, None)
        version = cache.get(_version_key(article.pk), version)
    return PublicDiscussion(article, version)


def localised(url: str, language: str) -> str:
    """A site path in the interface language: English pages keep readers under /en/."""
    if language == "en" and url.startswith("/") and not url.startswith("/en/"):
        return "/en" + url
    return url
