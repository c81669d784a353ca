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
    assert f"· {status} · {expected}" in page
    # « Retenus » is the queue's name (plural), not one comment's status.
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
