"""Five wrong passwords lock the account on every log-in form, and where the admin
requires a second factor, no session reaches it without one (decision 0077)."""

import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.test import Client

from kiosque.newsroom import roles
from tests.discussion.helpers import PASSWORD, make_reader, make_staff

pytestmark = pytest.mark.django_db

WRONG = "pas le bon mot de passe du tout"


def admin_log_in(client: Client, identifier: str, password: str):
    return client.post("/admin/login/", {"username": identifier, "password": password})


def reader_log_in(client: Client, email: str, password: str):
    return client.post("/compte/connexion/", {"login": email, "password": password})


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def errors(answer) -> str:
    return " ".join(str(error) for error in answer.context["form"].non_field_errors())


def code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_failures_on_the_admin_form_lock_the_reader_form_too(newsroom):
    editor = make_staff(roles.EDITOR)
    attacker = Client()
    for _ in range(5):
        assert admin_log_in(attacker, editor.username, WRONG).status_code == 200
    assert admin_log_in(attacker, editor.username, PASSWORD).status_code == 429
    # The same account through the reader's form, in another case: still locked.
    answer = reader_log_in(Client(), f"  {editor.email.upper()} ", PASSWORD)
    assert answer.status_code == 200 and not logged_in(attacker)
    assert "Too many failed" in answer.text or "Trop de tentatives" in answer.text
    assert Client().get("/admin/").status_code == 302


def test_failures_on_the_reader_form_lock_the_admin_form(newsroom):
    editor = make_staff(roles.EDITOR)
    attacker = Client()
    for _ in range(5):
        reader_log_in(attacker, editor.email, WRONG)
    assert not logged_in(attacker)
    # By username on the admin's form, or by email: one account, one count.
    assert admin_log_in(Client(), editor.username, PASSWORD).status_code == 429
    assert admin_log_in(Client(), editor.email, PASSWORD).status_code == 429


def test_a_reader_account_is_locked_whatever_the_case_typed(newsroom):
    reader = make_reader()
    attacker = Client()
    for variant in ("A", "B", "C", "D", "E"):
        reader_log_in(attacker, f"{reader.email.upper()}", WRONG + variant)
    client = Client()
    reader_log_in(client, reader.email, PASSWORD)
    assert not logged_in(client)
    # Another account is not locked by them.
    other = make_reader()
    reader_log_in(client, other.email, PASSWORD)
    assert logged_in(client)


def test_unknown_addresses_answer_as_known_ones_do(newsroom):
    reader = make_reader()
    known, unknown = Client(), Client()
    for _ in range(6):
        known_answer = reader_log_in(known, reader.email, WRONG)
        unknown_answer = reader_log_in(unknown, "personne@example.org", WRONG)
    assert known_answer.status_code == unknown_answer.status_code
    assert errors(known_answer) == errors(unknown_answer)
    assert "Too many failed" in errors(known_answer) or "Trop de" in errors(known_answer)


def test_staff_logging_in_on_the_reader_form_are_asked_for_their_code(newsroom, settings):
    settings.KIOSQUE_STAFF_MFA_REQUIRED = True
    editor = make_staff(roles.EDITOR)
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)
    client = Client()
    answer = reader_log_in(client, editor.email, PASSWORD)
    assert answer.status_code == 302 and "/2fa/authenticate/" in answer["Location"]
    assert not logged_in(client) and client.get("/admin/").status_code == 302
    client.post(answer["Location"], {"code": code(secret)})
    assert client.get("/admin/").status_code == 200


def test_a_session_opened_without_the_second_factor_is_asked_for_it(newsroom, settings):
    """A session from somewhere other than the code (a confirmation link, a session
    opened before enrolling): where required, the admin asks for the code first."""
    settings.KIOSQUE_STAFF_MFA_REQUIRED = True
    editor = make_staff(roles.EDITOR)
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)
    client = Client()
    client.force_login(editor)  # a session with no second factor on record
    answer = client.get("/admin/pages/")
    assert answer.status_code == 302 and "/2fa/reauthenticate/" in answer["Location"]
    done = client.post(answer["Location"], {"code": code(secret)})
    assert done.status_code == 302 and done["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    # Where not required (the demo), nothing changes for the same session.
    settings.KIOSQUE_STAFF_MFA_REQUIRED = False
    other = Client()
    other.force_login(editor)
    assert other.get("/admin/").status_code == 200


def test_staff_who_enrol_in_this_session_are_not_asked_again(newsroom, settings):
    settings.KIOSQUE_STAFF_MFA_REQUIRED = True
    editor = make_staff(roles.EDITOR)
    client = Client()
    reader_log_in(client, editor.email, PASSWORD)  # no authenticator yet: a password only
    enrol = client.get("/admin/")
    assert "/2fa/totp/activate/" in enrol["Location"]
    confirm = client.get(enrol["Location"])  # allauth asks for the password again first
    assert "/reauthenticate/" in confirm["Location"]
    client.post(confirm["Location"], {"password": PASSWORD})
    assert client.get(enrol["Location"]).status_code == 200
    secret = client.session["mfa.totp.secret"]
    activated = client.post(enrol["Location"], {"code": code(secret)})
    assert activated.status_code == 302
    # Typing a code from the new authenticator was the second factor: the admin opens.
    assert client.get("/admin/").status_code == 200


def test_readers_never_meet_the_second_factor(newsroom, settings):
    settings.KIOSQUE_STAFF_MFA_REQUIRED = True
    reader = make_reader()
    client = Client()
    answer = reader_log_in(client, reader.email, PASSWORD)
    assert answer.status_code == 302 and "2fa" not in answer["Location"]
    assert logged_in(client)
