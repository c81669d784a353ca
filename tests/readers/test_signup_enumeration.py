"""Sign-up says nothing about which addresses have an account: not in its answer, nor in
the work (and so the time) it takes. The time itself is measured by bench/signup_timing.py;
here, what makes it equal: one password hash and one mail either way (decision 0077)."""

from unittest import mock

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from tests.discussion.helpers import make_reader

pytestmark = pytest.mark.django_db

FORM = {"display_name": "Camille", "password1": "un long mot de passe sûr"}


def sign_up(email: str) -> dict:
    """Post the sign-up form; what the visitor sees and the work it caused."""
    client = Client()
    outbox_before = len(mail.outbox)
    with mock.patch.object(
        MD5PasswordHasher, "encode", autospec=True, side_effect=MD5PasswordHasher.encode
    ) as encode:
        answer = client.post("/compte/inscription/", {**FORM, "email": email})
    landing = client.get(answer["Location"])
    return {
        "status": answer.status_code,
        "location": answer["Location"],
        "cookies": sorted(answer.cookies),
        "landing_status": landing.status_code,
        # The address is shown back on the page: compare the rest of it.
        "landing_text": landing.content.decode().replace(email, "<address>"),
        "hashes": encode.call_count,
        "mails": len(mail.outbox) - outbox_before,
    }


def test_a_known_address_gets_the_same_answer_after_the_same_work(newsroom):
    known = make_reader().email
    new = sign_up("inconnue@example.org")
    existing = sign_up(known)
    assert User.objects.filter(email="inconnue@example.org").exists()  # really created
    assert new["status"] == existing["status"] == 302
    assert new["location"] == existing["location"]
    assert new["cookies"] == existing["cookies"]
    assert new["landing_status"] == existing["landing_status"] == 200
    assert new["landing_text"] == existing["landing_text"]
    # One Argon2 hash in production is most of a sign-up's time: both pay it once.
    assert new["hashes"] == existing["hashes"] == 1
    assert new["mails"] == existing["mails"] == 1
    assert "déjà un compte" in mail.outbox[-1].subject  # the owner is told, nobody else


def test_the_known_address_keeps_its_password(newsroom):
    reader = make_reader()
    before = User.objects.get(pk=reader.pk).password
    sign_up(reader.email)
    assert User.objects.get(pk=reader.pk).password == before
    assert User.objects.filter(email__iexact=reader.email).count() == 1
