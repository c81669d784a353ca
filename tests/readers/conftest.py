import pytest
from django.core.cache import cache
from wagtail.models import Site

from kiosque.discussion.models import DiscussionSettings
from tests.factories import days_ago, make_article


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate limits and the public thread cache live in the cache: one test must not
    # see another's counters.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def config(newsroom) -> DiscussionSettings:
    settings = DiscussionSettings.for_site(Site.objects.get(is_default_site=True))
    settings.trusted_after_approved = 0
    settings.min_seconds_between_comments = 0
    settings.save()
    return settings


@pytest.fixture
def article(newsroom, config):
    return make_article(newsroom.europe, slug="debat", published_at=days_ago(1))
