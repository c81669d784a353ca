"""The live's entry composer in the admin: post, edit, pin, approve, delete, by role.

French messages (« Entrée publiée »…) need `make messages` first: the admin speaks the
site's language, French, to a user who chose none."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import rich_text, streamfield

from kiosque.live.models import LiveEntry
from kiosque.newsroom import roles
from tests.factories import make_article
from tests.live.composer_helpers import composer, entry_form, entry_url, refused, staff
from tests.live.helpers import make_live, paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(newsroom):
    return make_live(newsroom.europe)


@pytest.fixture
def journalist():
    return staff(roles.JOURNALIST)


@pytest.fixture
def editor():
    return staff(roles.EDITOR)


def _texts(live) -> list[str]:
    return [
        " ".join(block.value.source for block in entry.body)
        for entry in live.entries.order_by("pk")
    ]


def _message(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_a_journalist_posts_an_entry_readers_see_at_once_without_a_page_revision(
    client, live, journalist, newsroom
):
    revisions = live.revisions.count()
    page = journalist.get(composer(live))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="title"' in html and 'id="body" data-block' in html  # the StreamField
    assert "draftail" in html  # Wagtail's rich text editor, from the form's media
    answer = journalist.post(
        composer(live),
        entry_form(
            "Les vents atteignent 150 km/h à Brest.",
            title="Rafales record",
            is_key="on",
            agency=str(newsroom.agency.pk),
        ),
        follow=True,
    )
    assert answer.redirect_chain == [(composer(live), 302)]
    assert "Entrée publiée" in _message(answer)
    entry = live.entries.get()
    assert (entry.status, entry.title, entry.is_key, entry.agency) == (
        LiveEntry.Status.PUBLISHED,
        "Rafales record",
        True,
        newsroom.agency,
    )
    assert entry.created_by == journalist.user
    assert live.revisions.count() == revisions  # no new revision of the page
    reader_page = client.get(live.url).content.decode()
    assert "Les vents atteignent 150 km/h à Brest." in reader_page
    assert "Rafales record" in answer.content.decode()  # listed in the composer


def test_a_title_alone_or_a_text_alone_is_an_entry(live, journalist):
    # The composer opens with an empty paragraph to type into: left empty, it is dropped.
    left_empty = streamfield([("paragraph", rich_text(""))])
    titled = entry_form(title="Le Sénat adopte le texte", body=left_empty)
    assert journalist.post(composer(live), titled).status_code == 302
    assert list(live.entries.get().body) == []
    assert journalist.post(composer(live), entry_form("Sans titre.")).status_code == 302
    assert sorted(live.entries.values_list("title", flat=True)) == ["", "Le Sénat adopte le texte"]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (entry_form(), "no title, no text"),
        (entry_form(title="   "), "a blank title"),
        (entry_form("Texte.", posted_at="demain midi"), "a time that is no time"),
        (entry_form("Texte.", author="999999"), "an unknown author"),
        (entry_form("Texte.", agency="abc"), "an agency that is no id"),
        ({"title": "Sans corps"}, "no StreamField data at all"),
    ],
)
def test_bad_entries_are_refused_with_the_form_kept_and_nothing_stored(
    live, journalist, data, problem
):
    answer = journalist.post(composer(live), data)
    assert answer.status_code == 200, problem
    assert answer.context["form"].errors, problem
    assert not LiveEntry.objects.exists(), problem


def test_an_empty_entry_says_why(live, journalist):
    answer = journalist.post(composer(live), entry_form())
    assert "Une entrée a besoin d’un texte ou d’un titre." in answer.content.decode()


def test_a_scheduled_entry_waits_for_its_time_and_is_marked_in_the_composer(
    client, live, journalist
):
    later = timezone.localtime() + timedelta(hours=2)
    answer = journalist.post(
        composer(live),
        entry_form("À 14 h, conférence du préfet.", posted_at=later.strftime("%Y-%m-%d %H:%M")),
        follow=True,
    )
    entry = live.entries.get()
    assert entry.posted_at.replace(second=0, microsecond=0) == later.replace(
        second=0, microsecond=0
    )
    assert "Entrée programmée" in _message(answer)
    assert f"Programmée pour {later:%d/%m %H:%M}" in answer.content.decode()
    assert "conférence du préfet" not in client.get(live.url).content.decode()


def test_an_edit_saves_from_the_version_it_started_from(client, live, journalist):
    entry = LiveEntry.objects.create(live=live, body=paragraph("Bilan provisoire : 2 blessés."))
    form = journalist.get(entry_url("edit_entry", live, entry))
    assert form.status_code == 200
    assert form.context["form"]["version"].value() == 1
    assert "Bilan provisoire" in form.content.decode()
    answer = journalist.post(
        entry_url("edit_entry", live, entry),
        entry_form("Bilan : 3 blessés.", version="1", posted_at=""),
    )
    assert answer.status_code == 302
    entry.refresh_from_db()
    assert entry.version == 2 and "Bilan : 3 blessés." in _texts(live)[0]
    assert "Bilan : 3 blessés." in client.get(live.url).content.decode()


def test_a_stale_edit_is_refused_and_the_writer_keeps_their_text(live, journalist, editor):
    entry = LiveEntry.objects.create(live=live, body=paragraph("Première version."))
    url = entry_url("edit_entry", live, entry)
    # Both open the entry at version 1; the editor saves first.
    assert editor.post(url, entry_form("Version de l’éditeur.", version="1")).status_code == 302
    late = journalist.post(url, entry_form("Version du journaliste.", version="1"))
    html = late.content.decode()
    assert late.status_code == 409
    assert "Quelqu’un a modifié cette entrée pendant que vous la corrigiez" in _message(late)
    assert "Version de l’éditeur." in html  # what the entry is now, to compare
    assert "Version du journaliste." in html  # their own text, still in the form
    entry.refresh_from_db()
    assert entry.version == 2
    assert "Version de l’éditeur." in _texts(live)[0]
    # Saving again, after seeing it, replaces the editor's version on purpose.
    assert late.context["form"]["version"].value() == "2"
    again = journalist.post(url, entry_form("Version du journaliste.", version="2"))
    assert again.status_code == 302
    assert "Version du journaliste." in _texts(live)[0]


def test_an_edit_without_its_version_is_refused(live, journalist):
    entry = LiveEntry.objects.create(live=live, body=paragraph("Texte."))
    answer = journalist.post(entry_url("edit_entry", live, entry), entry_form("Autre."))
    assert answer.status_code == 200 and "version" in answer.context["form"].errors
    entry.refresh_from_db()
    assert entry.version == 1


def test_pin_and_unpin_keep_one_summary(client, live, journalist):
    first = LiveEntry.objects.create(live=live, body=paragraph("Résumé un."), is_pinned=True)
    second = LiveEntry.objects.create(live=live, body=paragraph("Résumé deux."))
    assert journalist.post(entry_url("pin_entry", live, second), {"pinned": "1"}).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.is_pinned, second.is_pinned) == (False, True)
    assert journalist.post(entry_url("pin_entry", live, second), {"pinned": "0"}).status_code == 302
    second.refresh_from_db()
    assert not second.is_pinned
    assert journalist.get(entry_url("pin_entry", live, second)).status_code == 405


def test_delete_asks_first_then_removes_the_entry_for_readers(client, live, journalist):
    entry = LiveEntry.objects.create(live=live, body=paragraph("Une erreur de bilan."))
    confirm = journalist.get(entry_url("delete_entry", live, entry))
    assert confirm.status_code == 200 and "Une erreur de bilan." in confirm.content.decode()
    assert LiveEntry.objects.get().status == LiveEntry.Status.PUBLISHED  # a GET deletes nothing
    answer = journalist.post(entry_url("delete_entry", live, entry))
    assert answer.status_code == 302
    assert LiveEntry.objects.get().status == LiveEntry.Status.DELETED
    assert "Une erreur de bilan." not in client.get(live.url).content.decode()
    # Gone from the composer too: its addresses are not found.
    assert "Une erreur de bilan." not in journalist.get(composer(live)).content.decode()
    assert journalist.get(entry_url("edit_entry", live, entry)).status_code == 404


def test_a_journalist_s_entry_waits_for_an_editor_when_the_live_wants_approval(
    client, newsroom, journalist, editor
):
    live = make_live(newsroom.europe, entries_need_approval=True)
    form = journalist.get(composer(live)).content.decode()
    assert "Soumettre à validation" in form
    answer = journalist.post(composer(live), entry_form("Selon nos informations…"), follow=True)
    assert "Entrée en attente de validation" in _message(answer)
    entry = live.entries.get()
    assert entry.status == LiveEntry.Status.PENDING
    assert "En attente de validation" in answer.content.decode()
    assert "Selon nos informations" not in client.get(live.url).content.decode()
    approve = entry_url("approve_entry", live, entry)
    assert approve not in answer.content.decode()  # no button for the journalist
    assert refused(journalist.post(approve))  # nor a way round it
    assert live.entries.get().status == LiveEntry.Status.PENDING
    # The editor sees the entry waiting, approves it; readers see it.
    waiting = editor.get(composer(live)).content.decode()
    assert approve in waiting and "1 entrée attend la validation d’un éditeur." in waiting
    assert editor.post(approve).status_code == 302
    assert live.entries.get().status == LiveEntry.Status.PUBLISHED
    assert "Selon nos informations" in client.get(live.url).content.decode()
    # An editor's own entries need nobody.
    editor.post(composer(live), entry_form("Texte de l’éditeur."))
    assert live.entries.filter(status=LiveEntry.Status.PUBLISHED).count() == 2


ROLES = [
    (roles.JOURNALIST, True),
    (roles.EDITOR, True),
    (roles.ADMINISTRATOR, True),
    (roles.MODERATOR, False),
    (None, False),  # a reader: no admin at all
]


@pytest.mark.parametrize(("role", "allowed"), ROLES)
def test_who_may_write_a_live(live, role, allowed):
    user = staff(role)
    entry = LiveEntry.objects.create(live=live, body=paragraph("Texte."))
    answer = user.get(composer(live))
    assert answer.status_code == 200 if allowed else refused(answer)
    posted = user.post(composer(live), entry_form("Tentative."))
    assert (posted.status_code == 302) and (LiveEntry.objects.count() == (2 if allowed else 1))
    if not allowed:
        assert refused(posted)
        for name in ("edit_entry", "pin_entry", "delete_entry", "approve_entry"):
            assert refused(user.post(entry_url(name, live, entry), entry_form("X", version="1")))
        entry.refresh_from_db()
        assert (entry.status, entry.version, entry.is_pinned) == ("published", 1, False)


def test_anonymous_visitors_are_sent_to_log_in(client, live):
    answer = client.post(composer(live), entry_form("Anonyme."))
    assert refused(answer) and not LiveEntry.objects.exists()


def test_a_journalist_without_the_edit_permission_on_that_live_may_not_write_it(newsroom, live):
    group = Group.objects.create(name="Journalistes Sport")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=newsroom.sport, permission=Permission.objects.get(codename=codename)
        )
    sports_writer = staff("Journalistes Sport")
    assert refused(sports_writer.get(composer(live)))
    assert refused(sports_writer.post(composer(live), entry_form("Hors rubrique.")))
    assert not LiveEntry.objects.exists()
    sports_live = make_live(newsroom.sport, title="DIRECT. Tour de France")
    assert sports_writer.get(composer(sports_live)).status_code == 200


def test_unknown_lives_and_other_lives_entries_are_not_found(newsroom, live, journalist):
    other = make_live(newsroom.europe, title="DIRECT. Un autre direct")
    elsewhere = LiveEntry.objects.create(live=other, body=paragraph("Ailleurs."))
    assert journalist.get(reverse("live_admin:composer", args=[999999])).status_code == 404
    article = make_article(newsroom.europe, slug="pas-un-direct")
    assert journalist.get(reverse("live_admin:composer", args=[article.pk])).status_code == 404
    for name in ("edit_entry", "pin_entry", "delete_entry", "approve_entry"):
        answer = journalist.post(entry_url(name, live, elsewhere), entry_form("X", version="1"))
        assert answer.status_code == 404, name
        missing = reverse(f"live_admin:{name}", args=[live.pk, 999999])
        assert journalist.post(missing).status_code == 404, name
    elsewhere.refresh_from_db()
    assert (elsewhere.status, elsewhere.version) == ("published", 1)


def test_the_composer_is_reached_from_the_page_the_menu_and_the_dashboard(live, journalist):
    url = composer(live)
    edit_view = journalist.get(reverse("wagtailadmin_pages:edit", args=[live.pk])).content.decode()
    assert f'href="{url}"' in edit_view
    dashboard = journalist.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("live_admin:index") in dashboard  # the menu item
    assert f'href="{url}"' in dashboard  # « Directs en cours »
    index = journalist.get(reverse("live_admin:index")).content.decode()
    assert f'href="{url}"' in index and live.title in index
    moderator_home = staff(roles.MODERATOR).get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("live_admin:index") not in moderator_home


def test_an_ended_live_is_no_longer_on_the_dashboard(newsroom, journalist):
    ended = make_live(newsroom.europe, coverage_end=timezone.now() - timedelta(hours=1))
    dashboard = journalist.get(reverse("wagtailadmin_home")).content.decode()
    assert composer(ended) not in dashboard
    # Its composer still opens: a correction after the end is still a correction.
    assert journalist.get(composer(ended)).status_code == 200
