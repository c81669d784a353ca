"""The two-factor pages (allauth.mfa) in the site's layout, French and English, working."""

import re
import time
from datetime import UTC, datetime, timedelta

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.test import Client

from tests.discussion.helpers import PASSWORD, make_reader

pytestmark = pytest.mark.django_db


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def logged_in(reader) -> Client:
    """Logged in and freshly re-authenticated, as the two-factor settings require."""
    client = Client()
    answer = client.post("/compte/connexion/", {"login": reader.email, "password": PASSWORD})
    assert answer.status_code == 302
    asked = client.get("/compte/2fa/totp/activate/")
    assert asked.status_code == 302 and asked["Location"].startswith("/compte/reauthenticate/")
    assert client.post(asked["Location"], {"password": PASSWORD}).status_code == 302
    return client


def assert_site_page(html: str) -> None:
    assert '<header class="site-header">' in html and 'class="account-page"' in html
    # Strict CSP on reader pages: allauth's own templates carry inline script and style.
    assert "<script" not in html and "style=" not in html


def test_a_reader_turns_on_an_authenticator_app_then_logs_in_with_a_code(newsroom, time_machine):
    reader = make_reader()
    client = logged_in(reader)

    index = client.get("/compte/2fa/").content.decode()
    assert_site_page(index)
    assert "Authentification à deux facteurs" in index and "Non activée." in index

    page = client.get("/compte/2fa/totp/activate/")
    assert page.status_code == 200
    html = page.content.decode()
    assert_site_page(html)
    assert "Configurer une application d’authentification" in html
    assert re.search(r'<img class="mfa-qr" src="data:image/svg\+xml;base64,', html)
    secret = re.search(r'<code class="mfa-secret">([A-Z2-7]+)</code>', html).group(1)

    wrong = client.post("/compte/2fa/totp/activate/", {"code": "000000"})
    assert wrong.status_code == 200 and 'class="field__error"' in wrong.content.decode()
    assert not Authenticator.objects.filter(user=reader).exists()

    done = client.post("/compte/2fa/totp/activate/", {"code": current_code(secret)})
    assert done.status_code == 302
    assert Authenticator.objects.filter(user=reader, type=Authenticator.Type.TOTP).exists()
    index = client.get("/compte/2fa/").content.decode()
    assert "Activée" in index and "Codes de secours" in index
    codes = client.get("/compte/2fa/recovery-codes/").content.decode()
    assert_site_page(codes)
    assert len(re.findall(r"<li><code>\w+</code></li>", codes)) >= 8

    # The next log-in asks for the code on a page of the site, then lets the reader in.
    fresh = Client()
    step = fresh.post("/compte/connexion/", {"login": reader.email, "password": PASSWORD})
    assert step.status_code == 302 and step["Location"] == "/compte/2fa/authenticate/"
    form = fresh.get(step["Location"]).content.decode()
    assert_site_page(form)
    assert "Code d’authentification" in form
    assert fresh.get("/compte/").status_code == 302  # not in before the code
    refused = fresh.post(step["Location"], {"code": "123456"})
    assert refused.status_code == 200
    # A code already used (at activation) is refused again: come back 30 seconds later.
    time_machine.move_to(datetime.now(UTC) + timedelta(seconds=31))
    entered = fresh.post(step["Location"], {"code": current_code(secret)})
    assert entered.status_code == 302
    assert fresh.get("/compte/").status_code == 200


def test_the_two_factor_pages_in_english(newsroom):
    client = logged_in(make_reader())
    index = client.get("/en/compte/2fa/").content.decode()
    assert_site_page(index)
    assert "Two-factor authentication" in index and "Set up an authenticator app" in index
    activate = client.get("/en/compte/2fa/totp/activate/").content.decode()
    assert "Scan this code with an authenticator app" in activate
    assert "Enter the code the app shows." in activate
