"""The demo's lives: one running with a full day's entries, one ended; both on la une."""

import re

import pytest
from django.utils import timezone

from kiosque.live.models import LiveEntry, LivePage, LiveState
from tests.demo.conftest import DEMO_GROUP

pytestmark = [pytest.mark.django_db, DEMO_GROUP]


def test_the_demo_has_a_running_live_and_an_ended_one(demo_build):
    lives = {live.state_at(timezone.now()): live for live in LivePage.objects.live()}
    running, ended = lives[LiveState.RUNNING], lives[LiveState.ENDED]
    entries = LiveEntry.objects.filter(live=running, status=LiveEntry.Status.PUBLISHED)
    assert entries.count() >= 40
    assert entries.filter(is_key=True).count() >= 4
    assert entries.filter(agency__isnull=False).exists()
    assert entries.filter(is_pinned=True).count() == 1
    bodies = [block.block_type for entry in entries for block in entry.body]
    assert "image" in bodies and "quote" in bodies
    # Started a few hours before the demo was built; the latest entry minutes ago.
    assert (timezone.now() - running.coverage_start).total_seconds() > 3 * 3600
    assert (timezone.now() - entries.order_by("-posted_at")[0].posted_at).total_seconds() < 900
    assert ended.coverage_end < timezone.now()


def test_la_une_leads_with_the_running_live_marked_direct(demo_build, client):
    running = next(live for live in LivePage.objects.live() if live.state.value == "running")
    html = client.get("/").content.decode()
    assert running.url in html
    lead = html[: html.index(running.url) + 2000]
    assert re.search(r">\s*Direct\s*<", lead[-2500:]), "the running live's card says « Direct »"
    page = client.get(running.url).content.decode()
    assert page.count('class="live-entry') >= 30
