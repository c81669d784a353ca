"""The polling answer: what an open page needs to catch up, the same for every reader."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kiosque.live import services
from kiosque.live.models import LiveEntry
from tests.live.helpers import add_entries, make_live, paragraph

pytestmark = pytest.mark.django_db


def _answer(client, live, prefix=""):
    response = client.get(f"{prefix}/direct/{live.pk}/nouveautes.json")
    assert response.status_code == 200
    return response.json()


def test_the_answer_lists_the_latest_window_the_changes_and_the_removals(client, newsroom):
    live = make_live(newsroom.europe)
    entries = add_entries(live, 35, step=timedelta(minutes=1))
    old = entries[0]  # outside the latest 30
    LiveEntry.objects.filter(pk=old.pk).update(title="Corrigée", version=2)
    gone = entries[-1]
    services.delete_entry(gone, None)
    LiveEntry.objects.create(live=live, body=paragraph("Plus tard."),
                             posted_at=timezone.now() + timedelta(hours=1))  # fmt: skip
    answer = _answer(client, live)
    ids = [entry["id"] for entry in answer["entries"]]
    assert ids == [e.pk for e in reversed(entries[4:-1])]  # newest first, 30, no scheduled
    assert [entry["id"] for entry in answer["changed"]] == [old.pk]
    assert "Corrigée" in answer["changed"][0]["html"]
    assert gone.pk in answer["removed"]
    assert answer["state"] == "running" and answer["pinned"] is None
    assert 10 <= answer["poll_seconds"] <= 30


def test_the_pinned_summary_comes_apart_from_the_stream(client, newsroom):
    live = make_live(newsroom.europe)
    body = [{"type": "paragraph", "value": "<p>Le point sur la crue.</p>"}]
    pinned = services.post_entry(live, None, services.EntryDraft(body=body, is_pinned=True))
    answer = _answer(client, live)
    assert (
        answer["pinned"]["id"] == pinned.pk and "Le point sur la crue." in answer["pinned"]["html"]
    )
    assert pinned.pk not in [entry["id"] for entry in answer["entries"]]


def test_english_readers_get_english_words_in_the_entries(client, newsroom):
    live = make_live(newsroom.europe)
    LiveEntry.objects.create(live=live, body=paragraph("Texte."), is_key=True)
    assert "Key event" in _answer(client, live, "/en")["entries"][0]["html"]
    assert "Moment clé" in _answer(client, live)["entries"][0]["html"]


@pytest.mark.parametrize("suffix", ["0", "999999", "99999999999999999999999"])
def test_an_unknown_live_is_not_found(client, newsroom, suffix):
    assert client.get(f"/direct/{suffix}/nouveautes.json").status_code == 404


def test_an_unpublished_or_plain_article_has_no_answer(client, newsroom):
    from tests.factories import make_article

    draft = make_live(newsroom.europe, slug="brouillon", published=False)
    article = make_article(newsroom.europe, slug="ordinaire")
    assert client.get(f"/direct/{draft.pk}/nouveautes.json").status_code == 404
    assert client.get(f"/direct/{article.pk}/nouveautes.json").status_code == 404
