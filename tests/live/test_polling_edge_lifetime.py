"""How long the edge may keep a live's polling answer (kiosque/live/views.py).

Right after a change, only a second: a second change committed while the edge was
fetching the answer is purged before the edge stores it (bench/live_polling.py's pairs
phase measured entries missing from every reader's answer until the next purge). Later,
until the next purge or the next scheduled entry.
"""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from kiosque.live.models import LiveEntry, LivePage
from kiosque.live.services import EntryDraft, delete_entry, post_entry
from kiosque.live.views import SETTLE_SECONDS
from tests.live.helpers import add_entries, make_live, paragraph

pytestmark = pytest.mark.django_db


def edge_seconds(client, live) -> int:
    response = client.get(f"/direct/{live.pk}/nouveautes.json")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    return int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))


def quiet_live(newsroom):
    """A live whose page and entries last changed an hour ago."""
    live = make_live(newsroom.europe)
    add_entries(live, 3)
    an_hour_ago = timezone.now() - timedelta(hours=1)
    LiveEntry.objects.filter(live=live).update(updated_at=an_hour_ago)
    LivePage.objects.filter(pk=live.pk).update(last_published_at=an_hour_ago)
    return LivePage.objects.get(pk=live.pk)


def test_a_quiet_live_s_answer_is_kept_until_the_next_purge(client, newsroom):
    assert edge_seconds(client, quiet_live(newsroom)) == settings.EDGE_ARTICLE_SECONDS


def test_the_answer_read_just_after_an_entry_is_kept_a_second_only(client, newsroom):
    live = quiet_live(newsroom)
    post_entry(live, None, EntryDraft(body=[{"type": "paragraph", "value": "<p>Neuf.</p>"}]))
    assert edge_seconds(client, live) == SETTLE_SECONDS == 1


def test_a_deletion_or_a_republished_page_counts_as_a_change(client, newsroom):
    live = quiet_live(newsroom)
    delete_entry(live.entries.first(), None)
    assert edge_seconds(client, live) == SETTLE_SECONDS

    other = quiet_live(newsroom)
    LivePage.objects.filter(pk=other.pk).update(last_published_at=timezone.now())
    assert edge_seconds(client, other) == SETTLE_SECONDS


def test_a_scheduled_entry_still_bounds_a_quiet_answer(client, newsroom):
    live = quiet_live(newsroom)
    LiveEntry.objects.create(
        live=live, body=paragraph("Programmée."), posted_at=timezone.now() + timedelta(minutes=3)
    )
    LiveEntry.objects.filter(live=live).update(updated_at=timezone.now() - timedelta(hours=1))
    assert 170 <= edge_seconds(client, live) <= 180


def test_an_unknown_live_is_not_found(client, newsroom):
    live = quiet_live(newsroom)
    for path in (f"/direct/{live.pk + 1000}/", "/direct/0/", f"/direct/{2**64}/"):
        assert client.get(path + "nouveautes.json").status_code == 404
