"""The daily digest: prepared at its hour of the newsroom's day (Europe/Paris), from la une
then the sections, once per list and day; sent at its time when approved or automatic,
kept when held, and sent the same day by a worker that was down in the morning."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from kiosque.newsletters.digest import prepare_digest, prepare_due_digests, run_digests
from kiosque.newsletters.models import Delivery, Edition, NewsletterList
from kiosque.newsroom.models import HomeFeaturedSlot
from tests.factories import make_article, publish
from tests.newsletters.edition_helpers import article_ids, make_list, subscribe

pytestmark = pytest.mark.django_db

# Monday 7 December 2026: Paris is UTC+1, so the 7:00 digest is prepared at 5:00 UTC
# (60 minutes before) and sent at 6:00 UTC.
PREPARE_UTC = datetime(2026, 12, 7, 5, 0, tzinfo=UTC)
SEND_UTC = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)


def at(moment: datetime):
    return time_machine.travel(moment, tick=False)


@pytest.fixture
def digest(newsroom):
    newsletter = make_list("essentiel-du-matin", name="L'essentiel du matin")
    subscribe(newsletter, "a@example.org", "b@example.org")
    return newsletter


def published(section, slug: str, hours_before: float, when=PREPARE_UTC, **fields):
    return make_article(
        section, slug=slug, published_at=when - timedelta(hours=hours_before), **fields
    )


def test_prepared_at_its_hour_in_the_newsroom_time_zone_as_a_draft(newsroom, digest):
    published(newsroom.europe, "sommet", 3)
    with at(PREPARE_UTC - timedelta(seconds=1)):  # 5:59:59 in Paris
        assert run_digests() == 0
    assert not Edition.objects.exists()
    with at(PREPARE_UTC):
        run_digests()
    edition = Edition.objects.get()
    assert edition.status == Edition.Status.DRAFT
    assert edition.subject == "L'essentiel du lundi 7 décembre"
    assert edition.send_at == SEND_UTC
    assert edition.newsletter == digest
    assert not Delivery.objects.exists()  # a draft, for editors to look at


def test_the_hour_follows_the_newsroom_setting(newsroom, digest):
    newsroom.settings.time_zone = "America/Montreal"  # UTC-5 in December
    newsroom.settings.save()
    published(newsroom.europe, "sommet", 3, when=datetime(2026, 12, 7, 11, 0, tzinfo=UTC))
    with at(datetime(2026, 12, 7, 10, 59, tzinfo=UTC)):
        prepare_due_digests()
    assert not Edition.objects.exists()
    with at(datetime(2026, 12, 7, 11, 0, tzinfo=UTC)):
        prepare_due_digests()
    assert Edition.objects.get().send_at == datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def test_la_une_first_then_the_sections_nothing_older_than_a_day_each_once(newsroom, digest):
    lead = published(newsroom.sport, "finale", 5)
    featured = published(newsroom.europe, "traite", 6)
    newest_in_europe = published(newsroom.europe, "elections", 1)
    in_sport = published(newsroom.sport, "mercato", 2)
    published(newsroom.europe, "archives", 30)  # yesterday's news
    old_lead_slot = published(newsroom.sport, "vieux", 40)
    home = newsroom.home
    home.lead_story = lead
    home.featured_slots = [
        HomeFeaturedSlot(article=featured),
        HomeFeaturedSlot(article=old_lead_slot),
    ]
    publish(home)
    with at(PREPARE_UTC):
        prepare_due_digests()
    ids = article_ids(Edition.objects.get())
    assert ids[:2] == [lead.pk, featured.pk]  # « À la une »: the lead, then the slots
    assert set(ids[2:]) == {newest_in_europe.pk, in_sport.pk}  # then the sections
    assert len(ids) == len(set(ids))


def test_one_edition_per_list_and_day_however_many_ticks(newsroom, digest):
    published(newsroom.europe, "sommet", 3)
    with at(PREPARE_UTC):
        run_digests()
        run_digests()
    with at(PREPARE_UTC + timedelta(minutes=30)):
        run_digests()
    assert Edition.objects.count() == 1


def test_a_second_worker_that_lost_the_race_makes_nothing(newsroom, digest):
    from kiosque.newsletters.newsroom_clock import newsroom_zone

    with at(PREPARE_UTC):
        zone = newsroom_zone()
        day = PREPARE_UTC.astimezone(zone).date()
        first = prepare_digest(digest, day, now=PREPARE_UTC, zone=zone)
        second = prepare_digest(digest, day, now=PREPARE_UTC, zone=zone)
    assert first is not None and second is None
    assert Edition.objects.count() == 1


def prepared(newsroom, digest) -> Edition:
    published(newsroom.europe, "sommet", 3)
    with at(PREPARE_UTC):
        run_digests()
    return Edition.objects.get(newsletter=digest)


def test_an_untouched_draft_goes_at_its_time_when_the_list_sends_automatically(newsroom, digest):
    edition = prepared(newsroom, digest)
    with at(SEND_UTC - timedelta(seconds=1)):
        assert run_digests() == 0
    with at(SEND_UTC):
        assert run_digests() == 1
        assert run_digests() == 0  # sent once
    edition.refresh_from_db()
    assert edition.status != Edition.Status.DRAFT
    assert Delivery.objects.filter(edition=edition).count() == 2


def test_a_held_digest_stays(newsroom, digest):
    edition = prepared(newsroom, digest)
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.HELD)
    with at(SEND_UTC + timedelta(hours=1)):
        assert run_digests() == 0
    edition.refresh_from_db()
    assert edition.status == Edition.Status.HELD
    assert not Delivery.objects.exists()


def test_without_automatic_sending_only_an_approved_digest_goes(newsroom, digest):
    digest.sends_automatically = False
    digest.save()
    edition = prepared(newsroom, digest)
    with at(SEND_UTC):
        assert run_digests() == 0
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.READY)
    with at(SEND_UTC + timedelta(minutes=10)):  # approved late: goes at once
        assert run_digests() == 1
    assert Delivery.objects.filter(edition=edition).count() == 2


def test_a_worker_down_in_the_morning_still_sends_within_the_cut_off(newsroom, digest):
    published(newsroom.europe, "sommet", 3)
    with at(datetime(2026, 12, 7, 8, 30, tzinfo=UTC)):  # first tick at 9:30 in Paris
        assert run_digests() == 1
    edition = Edition.objects.get()
    assert edition.subject == "L'essentiel du lundi 7 décembre"
    assert Delivery.objects.filter(edition=edition).count() == 2


def test_a_day_missed_entirely_is_not_sent_the_next_morning(newsroom, digest):
    digest.sends_automatically = False
    digest.save()
    edition = prepared(newsroom, digest)  # never approved on Monday
    with at(datetime(2026, 12, 7, 23, 30, tzinfo=UTC)):  # 0:30 on Tuesday, in Paris
        run_digests()
    edition.refresh_from_db()
    assert edition.status == Edition.Status.CANCELLED
    assert edition.cancelled_because == Edition.CancelReason.LATE
    assert not Delivery.objects.exists()


@pytest.mark.parametrize("prepared_before", [True, False])
def test_a_worker_back_at_night_cancels_the_morning_digest(newsroom, digest, prepared_before):
    # Down from 7:00 to 23:00 in Paris (NEWSLETTER_DIGEST_LATE_HOURS = 3): « L'essentiel
    # du matin » does not arrive at 23:00; the admin shows the day cancelled, and why.
    NewsletterList.objects.filter(pk=digest.pk).update(created_at=PREPARE_UTC - timedelta(days=2))
    published(newsroom.europe, "sommet", 3)
    if prepared_before:
        with at(PREPARE_UTC):
            run_digests()
    with at(datetime(2026, 12, 7, 22, 0, tzinfo=UTC)):
        assert run_digests() == 0
    edition = Edition.objects.get(newsletter=digest)
    assert edition.status == Edition.Status.CANCELLED
    assert edition.cancelled_because == Edition.CancelReason.LATE
    assert not Delivery.objects.exists()


def test_a_list_made_in_the_afternoon_starts_the_next_morning(newsroom, digest):
    published(newsroom.europe, "sommet", 3, when=datetime(2026, 12, 8, 5, 0, tzinfo=UTC))
    afternoon = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)  # 15:00 in Paris
    NewsletterList.objects.filter(pk=digest.pk).update(created_at=afternoon)
    with at(afternoon + timedelta(minutes=1)):
        assert run_digests() == 0
    assert not Edition.objects.exists()  # nothing for a day the list was not there
    with at(datetime(2026, 12, 8, 6, 0, tzinfo=UTC)):  # Tuesday, 7:00 in Paris
        assert run_digests() == 1
    edition = Edition.objects.get()
    assert edition.send_at == datetime(2026, 12, 8, 6, 0, tzinfo=UTC)


def test_english_list_in_english_and_the_first_of_the_month_in_french(newsroom):
    english = make_list("morning-briefing", language="en")
    french = make_list("essentiel")
    first_of_december = datetime(2026, 12, 1, 5, 0, tzinfo=UTC)  # a Tuesday
    with at(first_of_december):
        prepare_due_digests()
    assert Edition.objects.get(newsletter=english).subject == "The essentials of Tuesday 1 December"
    assert Edition.objects.get(newsletter=french).subject == "L'essentiel du mardi 1er décembre"


def test_a_digest_with_no_article_is_cancelled_not_sent_empty(newsroom, digest):
    with at(PREPARE_UTC):
        run_digests()
    with at(SEND_UTC):
        assert run_digests() == 0
    edition = Edition.objects.get()
    assert edition.status == Edition.Status.CANCELLED
    assert edition.cancelled_because == Edition.CancelReason.EMPTY
