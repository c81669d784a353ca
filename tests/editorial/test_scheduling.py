"""Scheduled publishing and unpublishing, run by the worker's schedule, with a frozen
clock: an article goes live at its time and not before, once, and expires likewise."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from wagtail.models import PageLogEntry, Revision

from kiosque.editorial.models import Withdrawal
from kiosque.editorial.scheduling import run_schedule
from kiosque.newsroom.models import ArticlePage, ArticlePublication
from tests.editorial.helpers import schedule
from tests.factories import make_article
from tests.wires.helpers import ninjs, write_json

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def scheduled_publications(article) -> int:
    return PageLogEntry.objects.filter(page=article, action="wagtail.publish.scheduled").count()


def test_a_scheduled_article_goes_live_at_its_time_not_before_and_once(newsroom):
    with time_machine.travel(T0, tick=False):
        article = make_article(newsroom.europe, slug="programme", live=False)
        schedule(article, go_live_at=T0 + timedelta(hours=1))
        article.refresh_from_db()
        assert not article.live
        assert Revision.objects.filter(approved_go_live_at__isnull=False).count() == 1
        assert run_schedule().published == 0
        assert Client().get("/monde/europe/programme/").status_code == 404

    with time_machine.travel(T0 + timedelta(minutes=59, seconds=59), tick=False):
        assert run_schedule().published == 0
        article.refresh_from_db()
        assert not article.live

    with time_machine.travel(T0 + timedelta(hours=1, seconds=1), tick=False):
        assert run_schedule().published == 1
        article.refresh_from_db()
        assert article.live
        assert article.first_published_at == T0 + timedelta(hours=1, seconds=1)
        assert Client().get("/monde/europe/programme/").status_code == 200
        # The next ticks find nothing left to do: one publication, logged once.
        assert run_schedule().published == 0
    assert scheduled_publications(article) == 1
    assert ArticlePublication.objects.filter(article=article).count() == 1


def test_an_expiry_date_takes_the_article_down_and_its_address_answers_410(newsroom):
    with time_machine.travel(T0, tick=False):
        article = make_article(newsroom.europe, slug="ephemere")
        schedule(article, expire_at=T0 + timedelta(days=1))
        article.refresh_from_db()
        assert article.live
        assert run_schedule().unpublished == 0
    with time_machine.travel(T0 + timedelta(days=1, minutes=1), tick=False):
        assert run_schedule().unpublished == 1
        article.refresh_from_db()
        assert not article.live and article.expired
        response = Client().get("/monde/europe/ephemere/")
        assert response.status_code == 410
        assert "publié pour une durée limitée" in response.content.decode()
        assert Withdrawal.objects.get().origin == Withdrawal.Origin.EXPIRY
        assert run_schedule().unpublished == 0


def test_a_failing_publication_does_not_block_the_others(newsroom, monkeypatch):
    with time_machine.travel(T0, tick=False):
        first = make_article(newsroom.europe, slug="premier", live=False)
        second = make_article(newsroom.europe, slug="second", live=False)
        broken = schedule(first, go_live_at=T0 + timedelta(minutes=5))
        schedule(second, go_live_at=T0 + timedelta(minutes=6))

    real_publish = Revision.publish

    def publish_or_fail(revision, *args, **kwargs):
        if revision.pk == broken.pk:
            raise RuntimeError("disk full")
        return real_publish(revision, *args, **kwargs)

    monkeypatch.setattr(Revision, "publish", publish_or_fail)
    with time_machine.travel(T0 + timedelta(minutes=10), tick=False):
        result = run_schedule()
    assert (result.published, result.failed) == (1, 1)
    assert ArticlePage.objects.get(pk=second.pk).live
    assert not ArticlePage.objects.get(pk=first.pk).live
    # Still due: the next tick tries it again.
    assert Revision.objects.get(pk=broken.pk).approved_go_live_at is not None


def test_a_wire_embargo_ends_through_the_schedule(newsroom, tmp_path):
    from kiosque.wires.batch import ingest_file

    embargoed = ninjs(embargoed="2026-11-24T18:00:00Z")
    with time_machine.travel(datetime(2026, 11, 24, 12, 0, tzinfo=UTC), tick=False):
        [result] = ingest_file(write_json(tmp_path, "item.json", embargoed), publish=True)
        assert result.outcome == "held"
        article = ArticlePage.objects.get(wire_links__isnull=False)
        assert not article.live
        assert run_schedule().published == 0
    with time_machine.travel(datetime(2026, 11, 24, 18, 0, 30, tzinfo=UTC), tick=False):
        assert run_schedule().published == 1
        article.refresh_from_db()
        assert article.live


def test_the_worker_knows_when_the_next_page_is_due(newsroom):
    from kiosque.editorial.scheduling import seconds_until_next_due

    with time_machine.travel(T0, tick=False):
        assert seconds_until_next_due() is None
        live = make_article(newsroom.europe, slug="expire-bientot")
        schedule(live, expire_at=T0 + timedelta(minutes=10))
        assert seconds_until_next_due() == 600
        draft = make_article(newsroom.europe, slug="bientot-en-ligne", live=False)
        schedule(draft, go_live_at=T0 + timedelta(minutes=2))
        assert seconds_until_next_due() == 120
    with time_machine.travel(T0 + timedelta(minutes=3), tick=False):
        assert seconds_until_next_due() == 0  # due: the next tick publishes it


def test_a_now_ahead_of_the_clock_reschedules_without_counting_or_looping(newsroom):
    from kiosque.editorial.scheduling import publish_due_revisions

    with time_machine.travel(T0, tick=False):
        article = make_article(newsroom.europe, slug="trop-tot", live=False)
        schedule(article, go_live_at=T0 + timedelta(hours=1))
        # Wagtail itself checks the real clock: still too early, so nothing went live.
        assert publish_due_revisions(T0 + timedelta(hours=2)) == (0, 0)
        assert not ArticlePage.objects.get(pk=article.pk).live
        assert Revision.objects.filter(approved_go_live_at=T0 + timedelta(hours=1)).count() == 1
