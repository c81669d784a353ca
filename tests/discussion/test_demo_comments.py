"""The demo's readers and discussions: enough to show every feature, created once."""

import pytest
from django.contrib.auth import authenticate

from kiosque.demo.comments import ensure_demo_discussions
from kiosque.discussion.models import Comment, CommentLike, CommentReport
from tests.factories import days_ago, make_article

pytestmark = pytest.mark.django_db


def test_readers_threads_likes_picks_and_non_empty_queues(newsroom):
    for n in range(32):
        make_article(newsroom.europe, slug=f"demo-{n}", published_at=days_ago(n % 20 + 1))
    accounts = ensure_demo_discussions()
    assert len(accounts) >= 3
    for email, password in accounts:
        assert len(password) >= 16
        assert authenticate(username=email.split("@")[0], password=password) is not None
    published = Comment.objects.filter(status="published")
    assert published.count() >= 300
    assert published.filter(depth__gt=1).exists() and published.filter(depth=3).exists()
    assert published.filter(is_featured=True).exists()
    assert CommentLike.objects.exists()
    assert Comment.objects.filter(status="pending").exists()
    assert Comment.objects.filter(status="held").exists()
    assert CommentReport.objects.filter(outcome="open").exists()
    # Some names and bodies carry < > & « » on purpose: shown literally on the site.
    assert Comment.objects.filter(body__contains="<").exists()

    count = Comment.objects.count()
    assert ensure_demo_discussions() == []
    assert Comment.objects.count() == count
