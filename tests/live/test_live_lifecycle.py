"""A live's life: published like an article, ended by its end time."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kiosque.live.ending import end_due_lives, seconds_until_next_end
from kiosque.live.models import LivePage
from kiosque.newsroom.models import ArticlePage
from kiosque.search.models import SearchDocument
from tests.factories import publish
from tests.live.helpers import make_live

pytestmark = pytest.mark.django_db


def test_a_live_is_published_as_an_article_is(newsroom, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        live = make_live(newsroom.europe, title="DIRECT. Le procès des passeurs de Calais")
    from kiosque.search.tasks import search_index_articles

    search_index_articles.call([live.pk])
    assert SearchDocument.objects.filter(article_id=live.pk).exists()
    # The newsroom's publication log ran too: the card's date is the first publication.
    assert ArticlePage.objects.get(pk=live.pk).first_published_at is not None


def test_an_end_time_that_comes_ends_the_live_and_its_label(newsroom):
    soon = timezone.now() + timedelta(minutes=10)
    live = make_live(newsroom.europe, coverage_end=soon)
    assert live.article_type == "direct"
    assert 0 < seconds_until_next_end() <= 600
    assert end_due_lives() == 0
    LivePage.objects.filter(pk=live.pk).update(coverage_end=timezone.now() - timedelta(seconds=1))
    assert seconds_until_next_end() == 0.0
    assert end_due_lives() == 1
    assert ArticlePage.objects.get(pk=live.pk).article_type == "direct-termine"
    assert end_due_lives() == 0  # once
    assert seconds_until_next_end() is None


def test_reopening_an_ended_live_brings_its_label_back(newsroom):
    live = make_live(newsroom.europe, coverage_end=timezone.now() - timedelta(hours=1))
    assert live.article_type == "direct-termine"
    live.coverage_end = None
    publish(live)
    assert ArticlePage.objects.get(pk=live.pk).article_type == "direct"


def test_the_end_must_come_after_the_start(newsroom):
    from kiosque.live.models import LivePageForm

    form_class = LivePage.get_edit_handler().get_form_class()
    assert issubclass(form_class, LivePageForm)
    now = timezone.now()
    live = make_live(newsroom.europe)
    data = {
        "title": live.title, "slug": live.slug, "standfirst": live.standfirst,
        "coverage_start": now.strftime("%Y-%m-%d %H:%M"),
        "coverage_end": (now - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
        "body-count": "0",
    }  # fmt: skip
    for formset in ("article_authors", "corrections", "comments"):
        data |= {f"{formset}-TOTAL_FORMS": "0", f"{formset}-INITIAL_FORMS": "0"}
    form = form_class(data=data, instance=live, for_user=None)
    assert not form.is_valid()
    assert "coverage_end" in form.errors


def test_a_scheduled_entry_whose_time_comes_purges_the_live(newsroom, monkeypatch):
    from kiosque.live import ending
    from kiosque.live.models import LiveEntry
    from tests.live.helpers import paragraph

    purged = []
    monkeypatch.setattr(ending, "purge_keys_on_commit", lambda keys: purged.append(set(keys)))
    monkeypatch.setattr(ending, "_announced_until", None)
    live = make_live(newsroom.europe)
    LiveEntry.objects.create(live=live, body=paragraph("Tout de suite."))  # not scheduled
    entry = LiveEntry.objects.create(
        live=live, body=paragraph("Plus tard."), posted_at=timezone.now() + timedelta(hours=1)
    )
    assert 3500 < ending.seconds_until_next_entry() <= 3600
    assert ending.announce_due_entries() == 0 and purged == []
    LiveEntry.objects.filter(pk=entry.pk).update(posted_at=timezone.now())
    assert ending.announce_due_entries() == 1
    assert purged == [{f"l{live.pk}"}]
    assert ending.announce_due_entries() == 0  # once
    assert ending.seconds_until_next_entry() is None
