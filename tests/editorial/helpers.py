"""Builders shared by the editorial tests."""

from __future__ import annotations

from datetime import datetime

from kiosque.newsroom.models import ArticlePage


def schedule(article: ArticlePage, *, go_live_at: datetime | None = None, expire_at=None):
    """An editor presses « Publish » on a version with go-live / expiry dates set."""
    latest = article.get_latest_revision_as_object()
    latest.go_live_at = go_live_at
    latest.expire_at = expire_at
    revision = latest.save_revision()
    revision.publish()
    return revision
