"""The comments part of the article page's context (newsroom's kiosque_article_context hook).

The newsroom builds the article page but sits below the discussion: it calls this through
the hook registered in wagtail_hooks.py rather than importing it.
"""

from django.conf import settings

from kiosque.discussion.closing import closed_reason, comments_are_open, comments_close_at
from kiosque.discussion.public import article_discussion, localised
from kiosque.newsroom.article_parts import ArticleRequest


def comments_context(article, now, site_close_after_days: int, language: str) -> dict:
    # The per-article closing rule (an override) wins over the newsroom's setting.
    discussion = article_discussion(article)
    days = discussion.override_days
    days = site_close_after_days if days is None else days
    is_open = comments_are_open(article, now, days)
    return {
        "comments_close_at": comments_close_at(article, days),
        "comments_open": is_open,
        "comments_closed_reason": "" if is_open else closed_reason(article, days),
        "discussion": discussion,
        "reader_login_url": localised(settings.READER_LOGIN_URL, language),
        "reader_signup_url": localised(settings.READER_SIGNUP_URL, language),
    }


def add_comments(article_request: ArticleRequest, context: dict) -> dict:
    return comments_context(
        article_request.article,
        article_request.now,
        article_request.newsroom.comments_close_after_days,
        article_request.language,
    )
