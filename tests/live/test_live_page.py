"""The live page as readers get it: header, entries newest first, windows, states."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from kiosque.live.models import LiveEntry
from tests.factories import make_article
from tests.live.helpers import add_entries, make_live, paragraph

pytestmark = pytest.mark.django_db


def _entry_ids(html: str) -> list[int]:
    return [int(found) for found in re.findall(r'data-entry-id="(\d+)"', html)]


def test_a_running_live_shows_its_header_and_its_entries_newest_first(client, newsroom):
    live = make_live(newsroom.europe, topic=newsroom.topic)
    entries = add_entries(live, 3)
    response = client.get(live.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="live-badge">Direct<' in html
    assert "Tempête Ilona" in html and "<h1" in html
    assert "Crise en Ukraine" in html  # the topic kicker
    assert _entry_ids(html) == [e.pk for e in reversed(entries)]
    assert "Entrée numéro 3 du direct." in html
    assert f'id="entree-{entries[0].pk}"' in html
    assert f"l{live.pk}" in response["xkey"].split()


def test_an_entry_s_time_is_the_newsroom_s_hour_and_minutes_with_the_date_when_not_today(
    client, newsroom
):
    live = make_live(newsroom.europe)
    yesterday = timezone.now() - timedelta(days=1, hours=1)
    LiveEntry.objects.create(live=live, posted_at=yesterday, body=paragraph("Hier soir."))
    today = LiveEntry.objects.create(live=live, body=paragraph("Ce matin."))
    html = client.get(live.url).content.decode()
    zone = newsroom.settings.zone
    local_today = today.posted_at.astimezone(zone)
    local_yesterday = yesterday.astimezone(zone)
    assert f">{local_today.hour}h{local_today.minute:02d}</time>" in html
    assert (
        f">{local_yesterday.day:02d}/{local_yesterday.month:02d} "
        f"{local_yesterday.hour}h{local_yesterday.minute:02d}</time>" in html
    )


def test_hidden_entries_stay_hidden(client, newsroom):
    live = make_live(newsroom.europe)
    LiveEntry.objects.create(live=live, body=paragraph("Visible."))
    LiveEntry.objects.create(
        live=live, body=paragraph("En attente."), status=LiveEntry.Status.PENDING
    )
    LiveEntry.objects.create(live=live, body=paragraph("Effacée."), status=LiveEntry.Status.DELETED)
    LiveEntry.objects.create(
        live=live, body=paragraph("Programmée."), posted_at=timezone.now() + timedelta(hours=1)
    )
    response = client.get(live.url)
    html = response.content.decode()
    assert "Visible." in html
    assert "En attente." not in html and "Effacée." not in html and "Programmée." not in html
    # The edge must not keep the page past the scheduled entry's time.
    max_shared = int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))
    assert max_shared <= 3600


def test_earlier_entries_come_by_pages_without_javascript(client, newsroom):
    live = make_live(newsroom.europe)
    entries = add_entries(live, 65)  # oldest first
    first = client.get(live.url).content.decode()
    assert _entry_ids(first) == [e.pk for e in reversed(entries[-30:])]
    older = re.compile(r'href="[^"]*\?avant=(\d+)" rel="next"')
    assert older.search(first), "an « Entrées précédentes » link"
    second = client.get(live.url + "?avant=" + older.search(first).group(1)).content.decode()
    assert _entry_ids(second) == [e.pk for e in reversed(entries[5:35])]
    third = client.get(live.url + "?avant=" + older.search(second).group(1)).content.decode()
    assert _entry_ids(third) == [e.pk for e in reversed(entries[:5])]
    assert not older.search(third)  # the end


@pytest.mark.parametrize("cursor", ["abc", "-1", "99999999999999999999", "0", ""])
def test_a_cursor_that_means_nothing_gives_the_latest_entries(client, newsroom, cursor):
    live = make_live(newsroom.europe)
    entries = add_entries(live, 3)
    response = client.get(live.url, {"avant": cursor})
    assert response.status_code == 200
    assert _entry_ids(response.content.decode()) == [e.pk for e in reversed(entries)]


def test_an_entry_has_its_own_address_that_opens_the_page_on_it(client, newsroom):
    live = make_live(newsroom.europe)
    entries = add_entries(live, 40)
    shared = entries[3]
    response = client.get(f"{live.url}entree/{shared.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert _entry_ids(html)[0] == shared.pk
    assert "Back to the latest entries" in html or "Revenir" in html or "dernières entrées" in html
    deleted = entries[4]
    LiveEntry.objects.filter(pk=deleted.pk).update(status=LiveEntry.Status.DELETED)
    assert client.get(f"{live.url}entree/{deleted.pk}/").status_code == 404
    assert client.get(f"{live.url}entree/999999/").status_code == 404


def test_key_events_and_the_pinned_summary_lead_the_page(client, newsroom):
    live = make_live(newsroom.europe)
    add_entries(live, 2)
    key = LiveEntry.objects.create(
        live=live, title="Le préfet ordonne l’évacuation", body=paragraph("Texte."), is_key=True
    )
    LiveEntry.objects.create(
        live=live, title="", body=paragraph("Trois départements en vigilance rouge."),
        is_pinned=True,
    )  # fmt: skip
    html = client.get(live.url).content.decode()
    keys = html[html.index('class="live-keys"') :]
    assert f'href="#entree-{key.pk}"' in keys
    summary = html[html.index('class="live-summary"') :]
    assert "Trois départements en vigilance rouge." in summary
    stream = html[html.index("data-live-feed") :]
    assert "Trois départements" not in stream  # pinned: above, not twice


def test_an_ended_live_says_so_and_stops_asking_for_news(client, newsroom):
    live = make_live(newsroom.europe, coverage_end=timezone.now() - timedelta(minutes=5))
    assert live.article_type == "direct-termine"
    html = client.get(live.url).content.decode()
    assert "live-state--ended" in html
    assert "live.js" not in html
    assert 'class="live-badge"' not in html


def test_a_live_with_thousands_of_entries_costs_the_queries_of_a_small_one(
    client, newsroom, django_assert_max_num_queries
):
    small = make_live(newsroom.europe, slug="petit")
    add_entries(small, 20)
    big = make_live(newsroom.europe, slug="grand")
    add_entries(big, 5000, step=timedelta(seconds=5))
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(small.url)  # the per-process memos (site, settings, content types)
    cache.clear()  # each page rendered whole, no fragment kept
    with CaptureQueriesContext(connection) as small_queries:
        client.get(small.url)
    cache.clear()
    with CaptureQueriesContext(connection) as big_queries:
        assert client.get(big.url).status_code == 200
    assert len(big_queries) == len(small_queries)
    # The live's own reads (window, key events, pinned summary, next scheduled entry) on
    # top of what an article of the same site costs, measured the same way.
    article = make_article(newsroom.europe, slug="article-temoin")
    client.get(article.url)
    cache.clear()
    with CaptureQueriesContext(connection) as article_queries:
        client.get(article.url)
    assert len(small_queries) <= len(article_queries) + 4


def test_an_entry_may_hold_a_list(client, newsroom):
    live = make_live(newsroom.europe)
    LiveEntry.objects.create(
        live=live,
        title="Les routes coupées",
        body=[{"type": "bullet_list", "value": ["la D952 ;", "le pont de Chaumont : fermé."]}],
    )
    html = client.get(live.url).content.decode()
    from kiosque.newsroom.text.typography import typeset

    first, second = typeset("la D952 ;", "fr"), typeset("le pont de Chaumont : fermé.", "fr")
    assert first != "la D952 ;"  # French spacing applies to the items
    assert f'<ul class="live-list"><li>{first}</li><li>{second}</li></ul>' in html
