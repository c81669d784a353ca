"""« Ajouter au direct »: a dispatch becomes an entry of a running live, credited to its
agency; its later versions update the entry, its kill removes it.

French messages need `make messages` first."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from kiosque.live.models import LiveEntry
from kiosque.newsroom import roles
from kiosque.wires.batch import ingest_file
from kiosque.wires.models import WireItem
from tests.live.composer_helpers import refused, staff
from tests.live.helpers import make_live
from tests.wires.helpers import ninjs, write_json

pytestmark = pytest.mark.django_db
V2_HEADLINE = "Douarnenez : la flottille repart dès ce soir"
V2_BODY = "<p>Les chalutiers quittent le port à 20 h.</p>"


@pytest.fixture
def ingest(tmp_path):
    def ingest_one(**fields):
        name = f"{fields.get('uri', 'item')}-{fields.get('version', '1')}.json".replace(":", "-")
        return ingest_file(write_json(tmp_path, name, ninjs(**fields)))

    return ingest_one


@pytest.fixture
def item(ingest):
    ingest()
    return WireItem.objects.get()


@pytest.fixture
def live(newsroom):
    return make_live(newsroom.europe)


@pytest.fixture
def journalist():
    return staff(roles.JOURNALIST)


def dispatch_page(client, item) -> str:
    return client.get(reverse("wires_admin:dispatch", args=[item.pk])).content.decode()


def add(client, item, live):
    url = reverse("live_admin:add_dispatch", args=[item.pk])
    return client.post(url, {"live": str(getattr(live, "pk", live))}, follow=True)


def _body_text(entry) -> str:
    parts = [getattr(block.value, "source", block.value) for block in entry.body]
    return " ".join(str(part) for part in parts)


def test_the_dispatch_page_offers_the_running_lives_only(newsroom, item, live, journalist):
    make_live(newsroom.europe, title="DIRECT. Terminé", coverage_end=timezone.now())
    make_live(
        newsroom.europe, title="DIRECT. À venir", coverage_start=timezone.now() + timedelta(days=1)
    )
    draft = make_live(newsroom.europe, title="DIRECT. Brouillon")
    Page.objects.filter(pk=draft.pk).update(live=False)
    html = dispatch_page(journalist, item)
    assert reverse("live_admin:add_dispatch", args=[item.pk]) in html
    assert f'<option value="{live.pk}">{live.title}</option>' in html
    assert "DIRECT. Terminé" not in html
    assert "DIRECT. À venir" not in html
    assert "DIRECT. Brouillon" not in html
    assert "Ajouter au direct" in html


def test_without_a_running_live_the_desk_offers_nothing(newsroom, item, journalist):
    make_live(newsroom.europe, title="DIRECT. Terminé", coverage_end=timezone.now())
    assert reverse("live_admin:add_dispatch", args=[item.pk]) not in dispatch_page(journalist, item)


def test_add_to_live_makes_an_entry_credited_to_the_agency(client, item, live, journalist):
    answer = add(journalist, item, live)
    entry = LiveEntry.objects.get()
    composer = reverse("live_admin:composer", args=[live.pk])
    assert answer.redirect_chain[-1][0] == f"{composer}#{entry.anchor}"
    assert "Entrée publiée" in answer.content.decode()
    assert (entry.live, entry.wire_item, entry.status) == (live, item, "published")
    assert entry.agency.name == "AFP" and entry.agency == item.agency
    assert entry.title == "Douarnenez : les pêcheurs reprennent le travail"
    kinds = [block.block_type for block in entry.body]
    assert kinds == ["paragraph", "subheading", "paragraph", "quote"]
    assert "voté mardi soir la reprise du travail" in _body_text(entry)
    assert "<script" not in _body_text(entry) and "alert(1)" not in _body_text(entry)
    assert entry.created_by == journalist.user
    page = client.get(live.url).content.decode()
    assert "reprennent le travail" in page and 'class="live-entry__by">AFP<' in page
    # Once: a second click (or a colleague) opens the entry already made.
    again = add(journalist, item, live)
    assert LiveEntry.objects.count() == 1
    assert "déjà une entrée de ce direct" in again.content.decode()
    # The dispatch page now says where the dispatch went.
    assert reverse("live_admin:composer", args=[live.pk]) in dispatch_page(journalist, item)


def test_a_later_version_updates_the_entry_and_keeps_the_newsroom_s_choices(
    client, ingest, item, live, journalist
):
    add(journalist, item, live)
    LiveEntry.objects.update(is_key=True)
    entry = LiveEntry.objects.get()
    ingest(version="2", headline=V2_HEADLINE, body=V2_BODY)
    updated = LiveEntry.objects.get()
    assert updated.title == V2_HEADLINE
    assert _body_text(updated) == V2_BODY
    assert updated.version > entry.version  # readers' open pages replace it
    kept = (updated.is_key, updated.posted_at, updated.status)
    assert kept == (True, entry.posted_at, "published")
    assert "Les chalutiers quittent le port à 20 h." in client.get(live.url).content.decode()
    # The same version again changes nothing.
    ingest(version="2", headline=V2_HEADLINE, body=V2_BODY)
    assert LiveEntry.objects.get().version == updated.version


def test_a_kill_removes_the_entry(client, ingest, item, live, journalist):
    add(journalist, item, live)
    ingest(version="2", pubstatus="canceled", ednote="Dépêche annulée : erreur de lieu.")
    assert LiveEntry.objects.get().status == LiveEntry.Status.DELETED
    assert "reprennent le travail" not in client.get(live.url).content.decode()
    # A killed dispatch is offered to no live, and cannot be added by hand either.
    item.refresh_from_db()
    assert reverse("live_admin:add_dispatch", args=[item.pk]) not in dispatch_page(journalist, item)
    by_hand = journalist.post(reverse("live_admin:add_dispatch", args=[item.pk]), {"live": live.pk})
    assert refused(by_hand)
    assert LiveEntry.objects.filter(status="published").count() == 0


def test_a_withheld_version_removes_the_entry_too(ingest, item, live, journalist):
    add(journalist, item, live)
    ingest(version="2", pubstatus="withheld")
    assert LiveEntry.objects.get().status == LiveEntry.Status.DELETED


def test_an_entry_deleted_by_the_newsroom_stays_deleted_when_a_version_comes(
    ingest, item, live, journalist
):
    add(journalist, item, live)
    entry = LiveEntry.objects.get()
    journalist.post(reverse("live_admin:delete_entry", args=[live.pk, entry.pk]))
    ingest(version="2", headline=V2_HEADLINE)
    entry.refresh_from_db()
    assert entry.status == LiveEntry.Status.DELETED and entry.title != V2_HEADLINE


def test_an_embargoed_dispatch_is_scheduled_for_the_embargo_s_end(ingest, live, journalist):
    end = (timezone.now() + timedelta(hours=3)).replace(microsecond=0)
    ingest(uri="urn:kiosque-test:embargo", embargoed=end.isoformat())
    item = WireItem.objects.get(identity="urn:kiosque-test:embargo")
    answer = add(journalist, item, live)
    entry = LiveEntry.objects.get()
    assert entry.posted_at == end
    assert "Entrée programmée" in answer.content.decode()


def test_a_journalist_s_entry_from_a_dispatch_waits_for_approval_when_the_live_wants_it(
    newsroom, ingest, item, journalist
):
    live = make_live(newsroom.europe, entries_need_approval=True)
    add(journalist, item, live)
    assert LiveEntry.objects.get().status == LiveEntry.Status.PENDING
    ingest(version="2", headline=V2_HEADLINE)
    entry = LiveEntry.objects.get()
    assert (entry.status, entry.title) == (LiveEntry.Status.PENDING, V2_HEADLINE)


@pytest.mark.parametrize("role", [roles.MODERATOR, None])
def test_who_may_not_add_a_dispatch(item, live, role):
    answer = staff(role).post(reverse("live_admin:add_dispatch", args=[item.pk]), {"live": live.pk})
    assert refused(answer)
    assert not LiveEntry.objects.exists()


@pytest.mark.parametrize(
    ("choice", "status"),
    [("", 200), ("abc", 200), ("999999", 404)],
)
def test_a_bad_live_choice_stores_nothing(item, live, journalist, choice, status):
    answer = add(journalist, item, choice)
    assert answer.status_code == status
    assert not LiveEntry.objects.exists()


def test_an_ended_live_or_an_unknown_dispatch_stores_nothing(newsroom, item, journalist):
    ended = make_live(newsroom.europe, coverage_end=timezone.now() - timedelta(minutes=1))
    answer = add(journalist, item, ended)
    assert "Choisissez un direct en cours." in answer.content.decode()
    unknown = reverse("live_admin:add_dispatch", args=[999999])
    assert journalist.post(unknown, {"live": ended.pk}).status_code == 404
    assert journalist.get(reverse("live_admin:add_dispatch", args=[item.pk])).status_code == 405
    assert not LiveEntry.objects.exists()
