"""Workers ticking at once, on PostgreSQL: one digest per list and day, one follow batch
per list, one alert per confirmation, each handed to the sending once."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection, connections

from kiosque.newsletters.alerts import alert_send
from kiosque.newsletters.digest import run_digests
from kiosque.newsletters.follows import run_follows
from kiosque.newsletters.models import Delivery, Edition, NewsletterList
from kiosque.newsroom import roles
from tests.discussion.helpers import make_staff
from tests.factories import build_newsroom, make_article
from tests.newsletters.edition_helpers import make_list, subscribe

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
WORKERS = 4
SEND_UTC = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)  # 7:00 in Paris


@pytest.fixture
def postgres(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")
    return build_newsroom()


def run_at_once(target) -> list:
    barrier = threading.Barrier(WORKERS)
    results, errors = [None] * WORKERS, []

    def work(index):
        try:
            barrier.wait(10)
            results[index] = target()
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors, errors
    return results


def test_four_workers_make_and_send_one_digest(postgres):
    digest = make_list("essentiel")
    subscribe(digest, "a@example.org", "b@example.org")
    make_article(postgres.europe, slug="sommet", published_at=SEND_UTC - timedelta(hours=3))
    with time_machine.travel(SEND_UTC + timedelta(minutes=5), tick=False):  # a late worker
        started = run_at_once(run_digests)
    assert sum(started) == 1
    edition = Edition.objects.get()
    assert Delivery.objects.filter(edition=edition).count() == 2


def test_four_workers_make_one_follow_batch(postgres):
    follow = make_list("suivi", kind=NewsletterList.Kind.FOLLOW, followed_page=postgres.topic)
    subscribe(follow, "a@example.org")
    now = datetime.now(UTC)
    make_article(postgres.sport, slug="un", published_at=now, topic=postgres.topic)
    with time_machine.travel(now + timedelta(minutes=1), tick=False):
        assert sum(run_at_once(run_follows)) == 1
    assert Edition.objects.count() == 1


def test_a_confirmation_posted_four_times_at_once_sends_one_alert(postgres):
    alert = make_list("alerte", kind=NewsletterList.Kind.ALERT)
    subscribe(alert, "a@example.org", "b@example.org")
    article = make_article(postgres.europe, slug="seisme", published_at=datetime.now(UTC))
    editor = make_staff(roles.EDITOR, "editrice")
    key = "ab" * 16

    def confirm():
        return len(
            alert_send(
                article=article, subject="", newsletters=[alert], confirmed_by=editor, key=key
            )
        )

    assert sum(run_at_once(confirm)) == 1
    assert Delivery.objects.count() == 2
