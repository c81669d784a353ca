"""Weak passwords a French reader would choose are refused everywhere a password is set:
sign-up, change, reset, and the admin's user forms (decision 0077)."""

import re

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from wagtail.models import Site
from wagtail.users.forms import UserCreationForm

from kiosque.newsroom.models import NewsroomSettings
from kiosque.readers.common_passwords_fr import COMMON_PASSWORD_CORES
from tests.discussion.helpers import PASSWORD, make_reader

pytestmark = pytest.mark.django_db


def refusal_codes(password: str) -> set[str]:
    try:
        validate_password(password)
    except ValidationError as error:
        return {item.code for item in error.error_list}
    return set()


@pytest.mark.parametrize(
    ("password", "code"),
    [
        # The four, then what readers add to pass a length rule.
        (" " * 12, "password_blank"),
        ("aaaaaaaaaaaa", "password_repetitive"),
        ("azertyuiop12", "password_too_common"),
        ("motdepasse123", "password_too_common"),
        ("\t \u00a0" * 4, "password_blank"),
        ("abcabcabcabc", "password_repetitive"),
        ("bonjourbonjour", "password_repetitive"),
        ("Marseille2024!", "password_too_common"),
        ("MOT DE PASSE 2024", "password_too_common"),
        ("M0tdeP@sse!!!", "password_too_common"),
        ("Élodie1990!!!", "password_too_common"),
        ("1998 allezlom!", "password_too_common"),
        ("jetaimemarseille", "password_too_common"),
        ("azertyuiopqs", "password_too_common"),
        ("poiuytreza12", "password_too_common"),
        ("12/05/1990 !!", "password_digits"),
        ("Kiosque2024!!", "password_site_name"),
        ("kiosque test 13!", "password_site_name"),
    ],
)
def test_weak_passwords_are_refused_with_a_reason(newsroom, password, code):
    assert code in refusal_codes(password)


@pytest.mark.parametrize(
    "password",
    [
        PASSWORD,
        "un long mot de passe sûr",
        "Le chat de Zoé dort 3 fois",
        "Tr0ub4dor&3xyz",
        "Le Kiosque de Marie est super",  # the site's name, among much else
        "8#qL!v2@Rz9$",
    ],
)
def test_good_passwords_pass(newsroom, password):
    assert refusal_codes(password) == set()


def test_the_twelve_character_minimum_stays(newsroom):
    assert "password_too_short" in refusal_codes("Zq8#vL2!rT9")


def test_the_list_is_stored_normalised():
    assert len(COMMON_PASSWORD_CORES) >= 300
    for core in COMMON_PASSWORD_CORES:
        assert re.fullmatch(r"[a-z]+", core), core


def test_the_site_name_comes_from_the_newsroom_settings(newsroom):
    assert refusal_codes("Gazette-1789!!") == set()
    settings = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    settings.site_name = "La Gazette du Lot"
    settings.save()
    assert "password_site_name" in refusal_codes("Gazette-1789!!")
    assert "password_site_name" in refusal_codes("lagazettedulot!")


def test_sign_up_says_why_and_creates_nothing(newsroom):
    page = Client().post(
        "/en/compte/inscription/",
        {"display_name": "Zoé", "email": "zoe@example.org", "password1": "motdepasse123"},
    )
    assert page.status_code == 200
    assert "too common, even with digits or symbols added" in page.text
    assert not User.objects.filter(email="zoe@example.org").exists()


def test_a_password_change_to_a_weak_one_is_refused(newsroom):
    reader = make_reader()
    client = Client()
    client.force_login(reader)
    page = client.post(
        "/en/compte/password/change/",
        {"oldpassword": PASSWORD, "password1": "aaaaaaaaaaaa", "password2": "aaaaaaaaaaaa"},
    )
    assert page.status_code == 200 and "repeats the same few characters" in page.text
    reader.refresh_from_db()
    assert reader.check_password(PASSWORD)


def test_a_reset_to_a_weak_password_is_refused(newsroom):
    reader = make_reader()
    client = Client()
    client.post("/en/compte/password/reset/", {"email": reader.email})
    key_url = re.search(r"https?://\S+/password/reset/key/\S+", mail.outbox[-1].body).group(0)
    form = client.get("/" + key_url.split("://", 1)[1].split("/", 1)[1], follow=True)
    weak = " " * 12
    page = client.post(form.redirect_chain[-1][0], {"password1": weak, "password2": weak})
    assert page.status_code == 200 and "made of spaces only" in page.text
    reader.refresh_from_db()
    assert reader.check_password(PASSWORD)


def test_the_admin_cannot_create_a_user_with_a_weak_password(newsroom):
    form = UserCreationForm(
        data={
            "username": "pigiste",
            "email": "pigiste@example.org",
            "first_name": "Paul",
            "last_name": "Pigiste",
            "password1": "azertyuiop12",
            "password2": "azertyuiop12",
        }
    )
    assert not form.is_valid()
    assert "password_too_common" in {error.code for error in form.errors.as_data()["password2"]}
