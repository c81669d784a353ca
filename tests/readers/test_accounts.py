"""Sign-up, verification, log-in, reset and the rules around them (allauth, our settings)."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from kiosque.readers.models import ReaderProfile
from tests.discussion.helpers import PASSWORD, make_reader

pytestmark = pytest.mark.django_db


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def sign_up(client: Client, *, email="nina@example.org", name="Nina <b>&amp;</b>", next_url=""):
    return client.post(
        "/compte/inscription/" + (f"?next={next_url}" if next_url else ""),
        {
            "display_name": name,
            "email": email,
            "password1": "un long mot de passe sûr",
            "next": next_url,
        },
    )


def test_sign_up_verify_and_land_back_on_the_article(article):
    client = Client()
    form = client.get(f"/compte/inscription/?next={article.url}")
    assert form.status_code == 200
    assert "Créer un compte" in form.content.decode()
    answer = sign_up(client, next_url=article.url)
    assert answer.status_code == 302
    user = User.objects.get(email="nina@example.org")
    assert ReaderProfile.objects.get(user=user).display_name == "Nina <b>&amp;</b>"
    assert user.password.startswith("md5$") or user.password.startswith("argon2")
    assert len(mail.outbox) == 1
    confirm_url = link_in(mail.outbox[0])
    path = confirm_url.split("://", 1)[1].split("/", 1)[1]
    confirmed = client.post("/" + path)
    assert confirmed.status_code == 302
    assert confirmed["Location"] == article.url
    assert client.get(f"/commentaires/{article.pk}/moi/").status_code == 200


def test_passwords_need_12_characters_and_must_not_be_common(newsroom):
    client = Client()
    short = client.post(
        "/compte/inscription/",
        {"display_name": "A", "email": "a@example.org", "password1": "court123"},
    )
    assert short.status_code == 200 and not User.objects.filter(email="a@example.org").exists()
    common = client.post(
        "/compte/inscription/",
        {"display_name": "A", "email": "a@example.org", "password1": "password1234"},
    )
    assert common.status_code == 200 and not User.objects.exists()


def test_sign_up_with_a_taken_email_reveals_nothing(newsroom):
    existing = make_reader()
    answer = sign_up(Client(), email=existing.email)
    fresh = sign_up(Client(), email="nouvelle@example.org")
    # Both go to the same "check your email" page; the owner gets a warning mail.
    assert answer.status_code == fresh.status_code == 302
    assert answer["Location"] == fresh["Location"]


def test_log_in_by_email_and_unknown_accounts_get_the_same_answer(newsroom):
    reader = make_reader()
    client = Client()
    ok = client.post("/compte/connexion/", {"login": reader.email, "password": PASSWORD})
    assert ok.status_code == 302
    wrong = Client().post("/compte/connexion/", {"login": reader.email, "password": "faux" * 4})
    unknown = Client().post(
        "/compte/connexion/", {"login": "x@example.org", "password": "faux" * 4}
    )
    assert wrong.status_code == unknown.status_code == 200
    strip = lambda html: re.sub(r'value="[^"]*"', "", html.decode())  # noqa: E731
    assert strip(wrong.content) == strip(unknown.content)


def test_log_in_rotates_the_session_key(newsroom):
    reader = make_reader()
    client = Client()
    client.get("/compte/connexion/")
    client.session.save()
    before = client.session.session_key
    client.post("/compte/connexion/", {"login": reader.email, "password": PASSWORD})
    assert client.session.session_key != before


def test_failed_log_ins_are_locked_out(newsroom):
    reader = make_reader()
    client = Client()
    for _attempt in range(5):
        client.post(
            "/compte/connexion/", {"login": reader.email, "password": "mauvais mot de passe"}
        )
    locked = client.post("/compte/connexion/", {"login": reader.email, "password": PASSWORD})
    assert locked.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_password_reset_answers_the_same_for_unknown_addresses(newsroom):
    reader = make_reader()
    known = Client().post("/compte/password/reset/", {"email": reader.email})
    unknown = Client().post("/compte/password/reset/", {"email": "personne@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    # The owner of the known address gets the link; an unknown address is told that no
    # account uses it (allauth), so the page itself reveals nothing.
    assert [m.to for m in mail.outbox] == [[reader.email], ["personne@example.org"]]
    assert "/compte/password/reset/key/" in mail.outbox[0].body
    assert "/compte/password/reset/key/" not in mail.outbox[1].body


def test_a_password_change_ends_the_other_sessions(newsroom):
    reader = make_reader()
    here, elsewhere = Client(), Client()
    here.force_login(reader)
    elsewhere.force_login(reader)
    answer = here.post(
        "/compte/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "une toute nouvelle phrase",
            "password2": "une toute nouvelle phrase",
        },
    )
    assert answer.status_code == 302
    assert here.get("/compte/").status_code == 200
    assert elsewhere.get("/compte/").status_code == 302  # sent to log in again


def test_english_account_pages_are_in_english(newsroom):
    page = Client().get("/en/compte/inscription/").content.decode()
    assert "Create an account" in page and "Display name" in page
    french = Client().get("/compte/inscription/").content.decode()
    assert "Nom affiché" in french
