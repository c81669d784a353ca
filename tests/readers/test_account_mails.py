"""Every account mail is in the site's name and design, text and HTML, French and English,
and greets the reader by the name they chose, never by the username allauth made up.

The French texts need the catalogue compiled (`make messages`).
"""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.account.utils import user_username
from allauth.utils import generate_unique_username
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client, override_settings

from kiosque.readers.models import ReaderProfile

pytestmark = pytest.mark.django_db

PASSWORD = "une phrase assez longue pour passer"
SITE = "Le Port & la Ville"  # from Settings › Newsroom, not the host nor WAGTAIL_SITE_NAME
NAME = "Zoé <b>& co</b>"
PREFIX = {"fr": "", "en": "/en"}
GREETING = {"fr": "Bonjour", "en": "Hello"}
TEAM = {"fr": "L’équipe de", "en": "The"}


@pytest.fixture
def site_name(newsroom):
    newsroom.settings.site_name = SITE
    newsroom.settings.save()
    return SITE


def reader(email: str, *, name: str | None = NAME, verified: bool = True) -> User:
    """A reader whose username allauth generated from the email, as sign-up does."""
    user = User.objects.create_user(
        username=generate_unique_username([email]), email=email, password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    if name is not None:
        ReaderProfile.objects.create(user=user, display_name=name)
    return user


def parts(message) -> tuple[str, str]:
    [(html, kind)] = message.alternatives
    assert kind == "text/html"
    return message.body, html


def link(text: str, path_part: str) -> str:
    return re.search(rf"https?://\S*{re.escape(path_part)}\S*", text).group(0)


def assert_ours(message, language: str, *, username: str = "", email: str = "") -> None:
    """The site's name in the subject and both parts, our frame, no generated username."""
    text, html = parts(message)
    assert SITE in message.subject and "&amp;" not in message.subject
    assert SITE in text and SITE.replace("&", "&amp;") in html
    assert "<html" in html and 'style="' in html and "<link" not in html and "src=" not in html
    assert f'lang="{language}"' in html
    assert text.lstrip().startswith(GREETING[language])
    assert f"{TEAM[language]} {SITE}" in text
    if username:
        # The address itself may appear: the username must not, anywhere else.
        for part in (message.subject, text, html):
            assert username not in part.replace(email, "")


def sign_up(client: Client, language: str, email: str, name: str = NAME):
    return client.post(
        f"{PREFIX[language]}/compte/inscription/",
        {"display_name": name, "email": email, "password1": PASSWORD},
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_sign_up_confirmation_greets_by_the_chosen_name(site_name, language):
    email = "camille.martin@example.org"
    assert sign_up(Client(), language, email).status_code == 302
    username = user_username(User.objects.get(email=email))
    assert username and username in email  # what allauth made up from the address
    [message] = mail.outbox
    assert message.to == [email]
    assert_ours(message, language, username=username, email=email)
    text, html = parts(message)
    # The name as typed in the text, escaped in the HTML.
    assert f"{GREETING[language]} {NAME}," in text
    assert f"{GREETING[language]} Zoé &lt;b&gt;&amp; co&lt;/b&gt;," in html
    assert "<b>" not in html
    # The same confirmation link in both parts, in the interface's language.
    url = link(text, "/confirm-email/")
    assert url.startswith(f"http://testserver{PREFIX[language]}/compte/confirm-email/")
    assert f'href="{url}"' in html
    words = {"fr": "Confirmez votre adresse e-mail", "en": "Confirm your email address"}
    assert message.subject.startswith(words[language])


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_new_confirmation_for_an_unconfirmed_reader(site_name, language):
    user = reader("lou.bernard@example.org", verified=False)
    answer = Client().post(
        f"{PREFIX[language]}/compte/connexion/", {"login": user.email, "password": PASSWORD}
    )
    assert answer.status_code == 302
    [message] = mail.outbox
    assert_ours(message, language, username=user.username, email=user.email)
    assert f"{GREETING[language]} {NAME}," in message.body
    assert "/compte/confirm-email/" in message.body


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_password_reset_mail(site_name, language):
    user = reader("sacha.petit@example.org")
    Client().post(f"{PREFIX[language]}/compte/password/reset/", {"email": user.email})
    [message] = mail.outbox
    assert_ours(message, language, username=user.username, email=user.email)
    text, html = parts(message)
    assert f"{GREETING[language]} {NAME}," in text
    url = link(text, "/password/reset/key/")
    assert f'href="{url}"' in html
    words = {"fr": "nouveau mot de passe", "en": "new password"}
    assert words[language] in message.subject


@pytest.mark.parametrize("language", ["fr", "en"])
def test_sign_up_with_a_taken_address_warns_the_owner_without_naming_anyone(site_name, language):
    owner = reader("alex.moreau@example.org")
    sign_up(Client(), language, owner.email, name="Quelqu’un d’autre")
    [message] = mail.outbox
    assert message.to == [owner.email]
    assert_ours(message, language, username=owner.username, email=owner.email)
    text, html = parts(message)
    # Whoever typed the address may not be the owner: no name either way.
    assert text.startswith(f"{GREETING[language]},")
    for part in (text, html):
        assert "Quelqu’un d’autre" not in part and "Zoé" not in part
    assert "/compte/password/reset/" in text


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_reset_for_an_unknown_address_invites_to_sign_up(site_name, language):
    Client().post(f"{PREFIX[language]}/compte/password/reset/", {"email": "x@example.org"})
    [message] = mail.outbox
    assert_ours(message, language)
    assert message.body.startswith(f"{GREETING[language]},")
    assert f"{PREFIX[language]}/compte/signup/" in message.body
    assert "/password/reset/key/" not in message.body


def test_no_name_rather_than_a_username(site_name):
    """A reader without a profile (staff made in the admin), or whose profile holds the
    username (profile_for's fallback), is greeted without a name."""
    without_profile = reader("dominique.leroy@example.org", name=None)
    copied = reader("claude.fabre@example.org", name=None)
    ReaderProfile.objects.create(user=copied, display_name=copied.username)
    for user in (without_profile, copied):
        Client().post("/en/compte/password/reset/", {"email": user.email})
    for message, user in zip(mail.outbox, (without_profile, copied), strict=True):
        assert message.body.startswith("Hello,")
        assert_ours(message, "en", username=user.username, email=user.email)


@override_settings(ACCOUNT_EMAIL_NOTIFICATIONS=True)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_password_change_notification_when_notifications_are_on(site_name, language):
    user = reader("morgan.roux@example.org")
    client = Client()
    client.force_login(user)
    changed = client.post(
        f"{PREFIX[language]}/compte/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "une autre phrase longue",
            "password2": "une autre phrase longue",
        },
        HTTP_USER_AGENT="Navigateur de test",
    )
    assert changed.status_code == 302
    [message] = mail.outbox
    assert_ours(message, language, username=user.username, email=user.email)
    text, html = parts(message)
    assert f"{GREETING[language]} {NAME}," in text
    # What happened, from where, and how to take the account back.
    assert "Navigateur de test" in text and "Navigateur de test" in html
    assert "127.0.0.1" in text
    assert f"{PREFIX[language]}/compte/password/reset/" in text
    words = {"fr": "mot de passe", "en": "password"}
    assert words[language] in message.subject


@override_settings(ACCOUNT_EMAIL_NOTIFICATIONS=True)
def test_the_old_address_is_told_of_an_email_change(site_name):
    user = reader("ancienne@example.org")
    client = Client()
    client.force_login(user)
    asked = client.post("/en/compte/email/", {"email": "nouvelle@example.org", "action_add": ""})
    client.post(asked["Location"], {"password": PASSWORD})  # the password again, then on
    [confirmation] = mail.outbox
    assert confirmation.to == ["nouvelle@example.org"]
    assert_ours(confirmation, "en", username=user.username, email=user.email)
    path = link(confirmation.body, "/confirm-email/").split("testserver", 1)[1]
    client.post(path)
    [notification] = mail.outbox[1:]
    assert notification.to == ["ancienne@example.org"]
    assert_ours(notification, "en", username=user.username, email="ancienne@example.org")
    assert "ancienne@example.org" in notification.body
    assert "nouvelle@example.org" in notification.body


NOTIFICATIONS = [
    ("account/email/password_set", {}),
    ("account/email/password_reset", {}),
    ("account/email/email_deleted", {"deleted_email": "vieille@example.org"}),
    ("mfa/email/totp_activated", {}),
    ("mfa/email/totp_deactivated", {}),
    ("mfa/email/recovery_codes_generated", {}),
]


@override_settings(ACCOUNT_EMAIL_NOTIFICATIONS=True)
@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(("template", "context"), NOTIFICATIONS)
def test_every_other_notification_is_ours(site_name, rf, language, template, context):
    from allauth.account.adapter import get_adapter
    from allauth.core.context import request_context
    from django.utils import translation

    user = reader("notifiee@example.org")
    request = rf.get(f"{PREFIX[language]}/compte/", HTTP_USER_AGENT="Navigateur de test")
    request.user = user
    with request_context(request), translation.override(language):
        get_adapter(request).send_notification_mail(template, user, context)
    [message] = mail.outbox
    assert_ours(message, language, username=user.username, email=user.email)
    assert f"{GREETING[language]} {NAME}," in message.body
    assert "Navigateur de test" in message.body
    for value in context.values():
        assert value in message.body
