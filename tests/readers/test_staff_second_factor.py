"""Staff reach the admin with a TOTP code; where required, not without enrolling one."""

import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.test import Client

from kiosque.newsroom import roles
from tests.discussion.helpers import PASSWORD, make_staff

pytestmark = pytest.mark.django_db


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_the_admin_log_in_asks_enrolled_staff_for_their_code(newsroom):
    editor = make_staff(roles.EDITOR)
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)
    client = Client()
    answer = client.post("/admin/login/", {"username": editor.username, "password": PASSWORD})
    assert answer.status_code == 302 and "/2fa/authenticate/" in answer["Location"]
    assert "_auth_user_id" not in client.session  # no session before the second factor
    assert client.get("/admin/").status_code == 302
    done = client.post(answer["Location"], {"code": current_code(secret)})
    assert done.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_where_required_staff_without_a_second_factor_must_enrol_first(newsroom, settings):
    settings.KIOSQUE_STAFF_MFA_REQUIRED = True
    moderator = make_staff(roles.MODERATOR)
    client = Client()
    client.force_login(moderator)
    answer = client.get("/admin/moderation/")
    assert answer.status_code == 302 and "/2fa/totp/activate/" in answer["Location"]
    secret = generate_totp_secret()
    TOTP.activate(moderator, secret)
    # Enrolled outside this session: it shows a code once (decision 0077).
    again = client.get("/admin/moderation/")
    assert again.status_code == 302 and "/2fa/reauthenticate/" in again["Location"]
    client.post(again["Location"], {"code": current_code(secret)})
    assert client.get("/admin/moderation/").status_code == 200


def test_the_demo_leaves_the_second_factor_optional(newsroom, settings):
    assert settings.KIOSQUE_STAFF_MFA_REQUIRED is False
    client = Client()
    client.force_login(make_staff(roles.EDITOR))
    assert client.get("/admin/").status_code == 200


def test_production_settings_require_it():
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "SECRET_KEY": "p" * 64,
        "ALLOWED_HOSTS": "kiosque.example",
        "BASE_URL": "https://kiosque.example",
        # Whatever the shell says, production turns it on.
        "KIOSQUE_STAFF_MFA_REQUIRED": "false",
    }
    code = "import kiosque.settings.production as s; print(s.KIOSQUE_STAFF_MFA_REQUIRED)"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "True"
