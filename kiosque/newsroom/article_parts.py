"""The parts of the article page's context that apps above the newsroom add.

The newsroom is the ground every app stands on, so it may not import the apps that take
part in its article page: the discussion (comments open or closed, threads) and the edge
(how long the page may be kept). Each registers a function under ARTICLE_CONTEXT_HOOK in
its wagtail_hooks.py:

    @hooks.register(ARTICLE_CONTEXT_HOOK)
    def add_my_part(article_request: ArticleRequest, context: dict) -> dict | None: ...

The functions run in their hook `order`, after the newsroom's own keys; each sees the
keys added before it and returns those it adds (None: nothing, it only takes note).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from wagtail import hooks

if TYPE_CHECKING:
    from django.http import HttpRequest

    from kiosque.newsroom.models import ArticlePage, NewsroomSettings

ARTICLE_CONTEXT_HOOK = "kiosque_article_context"


@dataclass(frozen=True)
class ArticleRequest:
    """What every part of one article page shares, so that all agree (one `now`)."""

    article: ArticlePage
    request: HttpRequest
    newsroom: NewsroomSettings  # of the request's site
    now: datetime
    language: str


def add_parts(article_request: ArticleRequest, context: dict) -> None:
    for add_part in hooks.get_hooks(ARTICLE_CONTEXT_HOOK):
        context.update(add_part(article_request, context) or {})
