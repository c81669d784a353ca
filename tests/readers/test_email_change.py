"""Changing one's email, end to end: re-authentication, confirmation of the new address
from the mail, then log-in with it (and no longer with the old one)."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from tests.discussion.helpers import PASSWORD, make_reader

pytestmark = pytest.mark.django_db

NEW = "nouvelle.adresse@example.org"


def logged_in_client(email: str, password: str = PASSWORD) -> Client:
    client = Client()
    answer = client.post("/compte/connexion/", {"login": email, "password": password})
    assert answer.status_code == 302, answer.content.decode()[:500]
    return client


def confirmation_path(message) -> str:
    url = re.search(r"https?://\S+", message.body).group(0)
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_a_reader_changes_their_email_after_re_authenticating(newsroom):
    reader = make_reader()
    old = reader.email
    client = logged_in_client(old)

    # The change asks for the password again before anything happens (a log-in alone
    # does not count as a re-authentication, however recent).
    asked = client.post("/compte/email/", {"email": NEW, "action_add": ""})
    assert asked.status_code == 302
    assert asked["Location"].startswith("/compte/reauthenticate/")
    assert not EmailAddress.objects.filter(email=NEW).exists()
    assert mail.outbox == []

    wrong = client.post(asked["Location"], {"password": "pas le bon mot de passe"})
    assert wrong.status_code == 200
    assert not EmailAddress.objects.filter(email=NEW).exists()

    # The right password resumes the change: a confirmation goes to the new address,
    # and the old one stays in use until then.
    client.post(asked["Location"], {"password": PASSWORD})
    pending = EmailAddress.objects.get(email=NEW)
    assert pending.user == reader and not pending.verified
    assert EmailAddress.objects.get(email=old).primary
    [message] = mail.outbox
    assert message.to == [NEW]
    assert logged_in_client(old) is not None  # still logs in with the old address

    confirmed = client.post(confirmation_path(message))
    assert confirmed.status_code == 302
    reader.refresh_from_db()
    assert reader.email == NEW
    assert list(EmailAddress.objects.filter(user=reader).values_list("email", "verified")) == [
        (NEW, True)
    ]

    # Log-in now works with the new address only (and without revealing the old one).
    fresh = Client()
    assert fresh.post("/compte/connexion/", {"login": NEW, "password": PASSWORD}).status_code == 302
    assert fresh.get("/compte/").status_code == 200
    refused = Client().post("/compte/connexion/", {"login": old, "password": PASSWORD})
    assert refused.status_code == 200


def test_the_email_page_is_in_the_site_layout_in_both_languages(newsroom):
    reader = make_reader()
    client = logged_in_client(reader.email)
    french = client.get("/compte/email/").content.decode()
    assert 'class="site-header"' in french and "Changer d’adresse e-mail" in french
    assert "style=" not in french  # strict CSP: no inline style (allauth's page has one)
    english = client.get("/en/compte/email/").content.decode()
    assert "Change your email address" in english and reader.email in english
