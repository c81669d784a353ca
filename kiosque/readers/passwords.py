"""Password checks a French news site needs, beside Django's (AUTH_PASSWORD_VALIDATORS).

Django's validators let through « ␣␣␣␣␣␣␣␣␣␣␣␣ », « aaaaaaaaaaaa », « azertyuiop12 » and
« motdepasse123 »: twelve characters, none of them in its English list. These three
look at what a password is made of, once normalised (password_cores): a few characters
repeated, a common French password with digits or symbols around it, or the site's own
name. They run wherever Django's do: allauth's sign-up, password change and reset, the
admin's user forms and createsuperuser (decision 0077).
"""

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kiosque.readers.common_passwords_fr import COMMON_PASSWORD_CORES

# Written between words and dropped before comparing: « mot de passe », « mot-de-passe ».
SEPARATORS = re.compile(r"[\s\-_.,;:'’`\"/\\|]+")
# Digits and symbols around the letters: a year, « 123 », « ! » added to reach the length.
AROUND_LETTERS = re.compile(r"^[^a-z]+|[^a-z]+$")
# Digits and symbols standing for letters: « m0td3p4ss3 », « p@ssw0rd ».
LEET = str.maketrans({"0": "o", "3": "e", "4": "a", "@": "a", "$": "s", "5": "s", "7": "t"})
# Rows and alphabets a finger or a reader's memory runs along (4 characters or more).
WALKS = (
    "abcdefghijklmnopqrstuvwxyz",
    "azertyuiopqsdfghjklmwxcvbn",
    "qwertyuiopasdfghjklzxcvbnm",
    "aqwzsxedcrfvtgbyhnujikolpm",
)
MIN_DISTINCT_CHARACTERS = 5
# What must remain beside the site's name for it to be more than decoration.
MIN_LETTERS_BESIDE_SITE_NAME = 6
MIN_WORD_IN_PAIR = 3


def fold(text: str) -> str:
    """Lower case, without accents (« Élodie » → « elodie », « cœur » → « coeur »)."""
    text = text.casefold().replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def password_cores(password: str) -> set[str]:
    """The letters a password is built on, as written and with look-alike digits read
    as letters: « Marseille2024! » → {"marseille"}, « M0tdeP@sse » → {"motdepasse", …}."""
    joined = SEPARATORS.sub("", fold(password))
    cores = {AROUND_LETTERS.sub("", joined)}
    for one in ("i", "l"):  # « 1 » stands for either
        read = AROUND_LETTERS.sub("", joined).translate(LEET).replace("1", one)
        cores.add(re.sub(r"[^a-z]", "", read))
    return {core for core in cores if core}


def is_common(core: str) -> bool:
    """A listed password, a keyboard or alphabet walk, or two listed words joined."""
    if core in COMMON_PASSWORD_CORES:
        return True
    if len(core) >= 4 and any(core in walk or core in walk[::-1] for walk in WALKS):
        return True
    return any(
        core[:cut] in COMMON_PASSWORD_CORES and core[cut:] in COMMON_PASSWORD_CORES
        for cut in range(MIN_WORD_IN_PAIR, len(core) - MIN_WORD_IN_PAIR + 1)
    )


def is_date_or_number(password: str) -> bool:
    """No letter at all and mostly digits: « 12/05/1990!! », « 06 12 34 56 78 ».
    (Only digits is Django's NumericPasswordValidator's to refuse.)"""
    digits = sum(char.isdigit() for char in password)
    has_letter = any(char.isalpha() for char in password)
    return not has_letter and digits * 2 >= len(password) and digits < len(password)


class RepetitionValidator:
    """Refuses spaces only, few different characters, or a short pattern repeated."""

    def validate(self, password: str, user=None) -> None:
        if not password.strip():
            raise ValidationError(_("This password is made of spaces only."), code="password_blank")
        folded = fold(password)
        if len(set(folded)) < MIN_DISTINCT_CHARACTERS or re.fullmatch(r"(.+?)\1+", folded):
            raise ValidationError(
                _("This password repeats the same few characters. Mix more of them."),
                code="password_repetitive",
            )

    def get_help_text(self) -> str:
        return _("Your password can’t be spaces only or a few characters repeated.")


class FrenchCommonPasswordValidator:
    """Refuses the passwords French readers choose most, whatever digits surround them."""

    def validate(self, password: str, user=None) -> None:
        if is_date_or_number(password):
            raise ValidationError(
                _("This password is only digits and symbols, like a date or a phone number."),
                code="password_digits",
            )
        if any(is_common(core) for core in password_cores(password)):
            raise ValidationError(
                _(
                    "This password is too common, even with digits or symbols added. "
                    "A sentence of a few words is easier to remember and harder to guess."
                ),
                code="password_too_common",
            )

    def get_help_text(self) -> str:
        return _(
            "Your password can’t be a commonly used password (azerty, motdepasse, a town, "
            "a first name…) with digits or symbols added."
        )


def site_names() -> set[str]:
    """The site's names as a password would contain them: « Kiosque Test » gives
    "kiosquetest" and "kiosque" (a word of five letters or more)."""
    from kiosque.readers.mails import newsroom_settings

    names = {settings.WAGTAIL_SITE_NAME, newsroom_settings(None).site_name}
    folded = set()
    for name in filter(None, names):
        words = re.findall(r"[a-z0-9]+", fold(name))
        folded.add("".join(words))
        folded.update(word for word in words if len(word) >= 5)
    return {name for name in folded if len(name) >= 3}


class SiteNameValidator:
    """Refuses a password that is mostly the site's name (« Kiosque2024! »)."""

    def validate(self, password: str, user=None) -> None:
        joined = SEPARATORS.sub("", fold(password))
        for name in site_names():
            if name not in joined:
                continue
            rest = AROUND_LETTERS.sub("", joined.replace(name, ""))
            if len(re.sub(r"[^a-z]", "", rest)) < MIN_LETTERS_BESIDE_SITE_NAME or is_common(rest):
                raise ValidationError(
                    _("This password is too close to the site’s name."),
                    code="password_site_name",
                )

    def get_help_text(self) -> str:
        return _("Your password can’t be mainly the site’s name.")
