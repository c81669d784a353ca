"""The moderators' screens in the admin: French labels, preset reasons, what the queue shows,
bulk actions. The admin is French by default (LANGUAGE_CODE), as a French moderator sees it.

Labels whose French is not in the catalogue yet are checked against gettext() in French:
they pass through the catalogue, and read French once it has their entries.
"""

import re

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext, pgettext

from kiosque.discussion import labels
from kiosque.discussion.models import WordRule
from kiosque.discussion.services import comment_moderate, comment_post, user_sanction
from kiosque.newsroom import roles
from tests.discussion.helpers import make_reader, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(newsroom):
    return make_staff(roles.MODERATOR, "Modératrice")


@pytest.fixture
def client(moderator):
    client = Client()
    client.force_login(moderator)
    return client


def _text(html: str) -> str:
    """The page's visible text after the admin's header, tags removed, spaces folded."""
    body = html[html.index('class="nice-padding"') :]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


# --- 1. Every label in French ------------------------------------------------------------


def test_the_journal_names_actions_and_sanctions_in_french(article, moderator, client):
    writer = make_reader()
    comment = comment_post(user=writer, article=article, body="Un avis")
    comment_moderate(moderator=moderator, comment=comment, action="reject", reason="Hors sujet")
    user_sanction(moderator=moderator, user=writer, kind="warning", reason="Prudence")
    page = _text(client.get("/admin/moderation/journal/").text)
    assert " Avertissement " in page  # already in the catalogue
    with translation.override("fr"):
        assert f" {gettext('Comment rejected')} " in page
    # The stored codes are not what a moderator reads.
    assert " warning " not in page and " reject " not in page


def test_hold_reasons_and_statuses_go_through_the_catalogue(article, client):
    WordRule.objects.create(word="nigaud", kind=WordRule.Kind.SUSPECT)
    comment_post(user=make_reader(), article=article, body="Quel NIGAUD")
    page = _text(client.get("/admin/moderation/file/held/").text)
    assert "suspect words:" not in page
    with translation.override("fr"):
        expected = gettext("Suspect words: %(words)s") % {"words": "nigaud"}
        status = pgettext("comment status", "Held")
    assert f"· {status} · {' '.join(expected.split())}" in page  # _text folds U+00A0 too


def test_one_comments_status_is_not_the_queues_plural_name(article, client):
    """« Retenus » and « Refusés » name the queues; one comment is « Retenu », « Refusé ».

    Reads the catalogue's msgctxt "comment status" entries: fails while they carry the
    queues' plural msgstr.
    """
    WordRule.objects.create(word="nigaud", kind=WordRule.Kind.SUSPECT)
    comment_post(user=make_reader(), article=article, body="Quel NIGAUD")
    page = _text(client.get("/admin/moderation/file/held/").text)
    assert "Retenus (1)" in page  # the queue's tab
    assert "· Retenus ·" not in page


@pytest.mark.parametrize(
    ("stored", "msgid", "values"),
    [
        ("too many links", "Too many links", {}),
        ("pre-moderation", "Pre-moderation", {}),
        ("classifier unavailable", "Toxicity classifier unavailable", {}),
        ("classifier answer out of range", "Toxicity classifier gave an invalid answer", {}),
        ("toxicity 0.93", "Toxicity score: %(score)s", {"score": "0,93"}),
        ("suspect words: a, b", "Suspect words: %(words)s", {"words": "a, b"}),
    ],
)
def test_each_stored_hold_reason_has_a_french_label(stored, msgid, values):
    with translation.override("fr"):
        expected = gettext(msgid) % values if values else gettext(msgid)
        assert labels.hold_reason(stored) == expected


def test_a_moderators_own_reason_is_shown_as_typed():
    assert labels.hold_reason("Attaque personnelle") == "Attaque personnelle"


def test_the_sanction_form_is_french(article, client):
    reader = make_reader()
    page = client.get(f"/admin/moderation/lecteur/{reader.pk}/").text
    assert ">Kind" not in page  # Django's label from the field's English name
    assert '<option value="warning">Avertissement</option>' in page
    assert '<option value="ban">Exclusion</option>' in page


# --- 2. Preset rejection reasons ---------------------------------------------------------


@pytest.fixture
def published(article):
    return comment_post(user=make_reader(), article=article, body="Un commentaire publié")


def _reject(client, comment_id, **data):
    return client.post(
        f"/admin/moderation/commentaire/{comment_id}/", {"action": "reject", **data}, follow=True
    )


def test_the_built_in_reasons_are_offered_in_french(published, client):
    page = client.get("/admin/moderation/file/approved/").text
    assert '<option value="Hors sujet">Hors sujet</option>' in page  # "Off topic"
    with translation.override("fr"):
        misinformation = gettext("Misinformation")
    assert f">{misinformation}</option>" in page
    assert 'name="reason"' in page  # typing stays possible


def test_a_preset_rejects_with_its_text(published, client):
    _reject(client, published.pk, preset="Hors sujet")
    published.refresh_from_db()
    assert (published.status, published.status_reason) == ("rejected", "Hors sujet")


def test_a_typed_reason_wins_over_the_preset(published, client):
    _reject(client, published.pk, preset="Hors sujet", reason="  Lien vers une arnaque ")
    published.refresh_from_db()
    assert published.status_reason == "Lien vers une arnaque"


def test_the_sites_own_list_replaces_the_built_in_one(published, client, config):
    config.rejection_reasons = "Propos contraires à la charte\nDonnées personnelles"
    config.full_clean()
    config.save()
    page = client.get("/admin/moderation/file/approved/").text
    assert '<option value="Données personnelles">' in page
    assert "Hors sujet</option>" not in page
    _reject(client, published.pk, preset="Données personnelles")
    published.refresh_from_db()
    assert published.status_reason == "Données personnelles"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reason": "x" * 10_000}, "au plus 300 caractères"),
        ({"preset": "Pas dans la liste"}, "Pas dans la liste"),
        ({}, None),
        ({"reason": "   ", "preset": ""}, None),
    ],
)
def test_a_rejection_without_a_valid_reason_changes_nothing(published, client, data, message):
    response = _reject(client, published.pk, **data)
    published.refresh_from_db()
    assert (published.status, published.status_reason) == ("published", "")
    if message:
        assert message in response.text
    else:
        with translation.override("fr"):
            assert gettext("Choose a reason or type one.") in response.text


def test_unknown_comments_wrong_methods_and_outside_redirects_are_refused(published, client):
    assert (
        client.post("/admin/moderation/commentaire/999999/", {"action": "approve"}).status_code
        == 404
    )
    assert client.get(f"/admin/moderation/commentaire/{published.pk}/").status_code == 405
    response = client.post(
        f"/admin/moderation/commentaire/{published.pk}/",
        {"action": "feature", "back": "https://ailleurs.example/piege"},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/moderation/"


def test_the_reason_list_is_cleaned_and_bad_lists_refused(config):
    from django.core.exceptions import ValidationError

    config.rejection_reasons = "  Hors   sujet \n\n\nhors sujet\r\nSpam\n   \n"
    config.full_clean()
    assert config.rejection_reasons == "Hors sujet\nSpam"  # spaces, blanks, repeats gone
    config.rejection_reasons = "\n  \n"
    config.full_clean()
    assert config.rejection_reasons == ""  # empty: the built-in list applies
    with translation.override("fr"):
        assert "Hors sujet" in config.rejection_reason_list()
    config.rejection_reasons = "Court\n" + "y" * 301
    with pytest.raises(ValidationError) as too_long:
        config.full_clean()
    assert "yyyy" in str(too_long.value.message_dict["rejection_reasons"])
    config.rejection_reasons = "\n".join(f"Motif {n}" for n in range(21))
    with pytest.raises(ValidationError) as too_many:
        config.full_clean()
    assert "rejection_reasons" in too_many.value.message_dict


def test_the_reasons_are_edited_in_the_discussion_settings(newsroom, config):
    from django.contrib.auth.models import User

    admin = User.objects.create_superuser("chef", "chef@example.org", "x")
    client = Client()
    client.force_login(admin)
    page = client.get(f"/admin/settings/discussion/discussionsettings/{config.site_id}/")
    assert page.status_code == 200 and 'name="rejection_reasons"' in page.text


# --- 3. What the queue shows -------------------------------------------------------------


def test_a_reply_shows_its_parents_text_escaped_and_cut(article, client, config):
    parent = comment_post(
        user=make_reader(), article=article, body="<script>alert(1)</script> Début " + "z" * 400
    )
    config.trusted_after_approved = 5  # the reply waits in the pending queue
    config.save()
    comment_post(user=make_reader(), article=article, body="Je réponds", parent=parent)
    page = client.get("/admin/moderation/file/pending/").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Début" in page
    assert "<script>alert(1)" not in page
    assert "z" * 400 not in page  # an excerpt, not the whole parent


def test_each_comment_shows_how_many_reports_and_why(published, client):
    from kiosque.discussion.services import comment_report

    for reason in ("spam", "spam", "off_topic"):
        comment_report(user=make_reader(), comment=published, reason=reason)
    page = _text(client.get("/admin/moderation/file/reported/").text)
    with translation.override("fr"):
        count = translation.ngettext("%(counter)s report", "%(counter)s reports", 3)
    assert f" {count % {'counter': 3}} – Spam (2), Hors sujet (1)" in page


def test_the_words_that_held_a_comment_are_marked_and_the_text_escaped(article, client):
    WordRule.objects.create(word="crétin", kind=WordRule.Kind.SUSPECT)
    comment_post(user=make_reader(), article=article, body="<b>CRETIN</b> et Crétin, crétinisme")
    page = client.get("/admin/moderation/file/held/").text
    assert "&lt;b&gt;<mark>CRETIN</mark>&lt;/b&gt; et <mark>Crétin</mark>, crétinisme" in page


def test_marking_leaves_links_whole_and_unmarked_text_unchanged():
    from kiosque.discussion.text import render_body

    text = "Voir www.arnaque.fr/page : une arnaque <i>"
    assert render_body(text, ["arnaque"]) == (
        'Voir <a href="https://www.arnaque.fr/page" rel="ugc nofollow noopener">'
        "www.arnaque.fr/page</a> : une <mark>arnaque</mark> &lt;i&gt;"
    )
    assert "<mark>" not in render_body(text)


# --- 4. Bulk actions ---------------------------------------------------------------------


@pytest.fixture
def held_pair(article):
    WordRule.objects.create(word="nigaud", kind=WordRule.Kind.SUSPECT)
    return [
        comment_post(user=make_reader(), article=article, body=f"Nigaud numéro {n}") for n in (1, 2)
    ]


def _statuses(comments):
    for comment in comments:
        comment.refresh_from_db()
    return [(c.status, c.status_reason) for c in comments]


def test_the_queue_ticks_comments_into_one_protected_form(held_pair, client):
    page = client.get("/admin/moderation/file/held/").text
    form = page[page.index('id="bulk-form"') - 80 : page.index("</form>", page.index("bulk-form"))]
    assert 'method="post"' in form and "csrfmiddlewaretoken" in form
    assert f'name="comments" value="{held_pair[0].pk}" form="bulk-form"' in page


def test_bulk_approve_and_reject_with_a_preset(held_pair, client):
    client.post("/admin/moderation/lot/", {"action": "approve", "comments": [held_pair[0].pk]})
    assert _statuses(held_pair)[0] == ("published", "")
    response = client.post(
        "/admin/moderation/lot/",
        {"action": "reject", "preset": "Hors sujet", "comments": [c.pk for c in held_pair]},
        follow=True,
    )
    assert _statuses(held_pair) == [("rejected", "Hors sujet")] * 2
    assert response.redirect_chain[-1][0] == "/admin/moderation/"


@pytest.mark.parametrize(
    "data",
    [
        {"action": "reject", "reason": "x" * 10_000},
        {"action": "reject"},  # no reason
        {"action": "approve", "extra": [999_999]},  # one unknown comment refuses the batch
        {"action": "approve", "extra": ["abc"]},
        {"action": "delete"},
    ],
)
def test_bad_bulk_requests_change_nothing(held_pair, client, data):
    ids = [c.pk for c in held_pair] + data.pop("extra", [])
    response = client.post("/admin/moderation/lot/", {**data, "comments": ids}, follow=True)
    assert response.status_code == 200
    assert _statuses(held_pair) == [("held", "suspect words: nigaud")] * 2


def test_bulk_needs_a_moderator_a_post_and_the_csrf_token(held_pair, moderator):
    ids = [c.pk for c in held_pair]
    editor = Client()
    editor.force_login(make_staff(roles.EDITOR))  # may feature, may not moderate
    refused = editor.post("/admin/moderation/lot/", {"action": "approve", "comments": ids})
    # The permission check's PermissionDenied, turned by Wagtail into a way back home.
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(moderator)
    assert (
        forged.post("/admin/moderation/lot/", {"action": "approve", "comments": ids}).status_code
        == 403
    )
    allowed = Client()
    allowed.force_login(moderator)
    assert allowed.get("/admin/moderation/lot/").status_code == 405
    assert _statuses(held_pair) == [("held", "suspect words: nigaud")] * 2
