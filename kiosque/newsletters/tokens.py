"""Signed tokens in the links of newsletter messages: no login, nothing stored per link.

An unsubscribe link must work from a message years old, so it does not expire; it
names one address and one list, and is signed with SECRET_KEY under its own salt (a
token made for another purpose never passes here). A confirmation link expires.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

UNSUBSCRIBE_SALT = "kiosque.newsletters.unsubscribe"
CONFIRM_SALT = "kiosque.newsletters.confirm"
CONFIRM_MAX_AGE_SECONDS = 7 * 24 * 3600


def unsubscribe_token(subscriber_id: int, newsletter_id: int) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(f"{subscriber_id}.{newsletter_id}")


def read_unsubscribe_token(token: str) -> tuple[int, int] | None:
    """(subscriber id, list id), or None for a token this site did not make."""
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
        subscriber_id, newsletter_id = (int(part) for part in value.split("."))
    except (signing.BadSignature, ValueError):
        return None
    return subscriber_id, newsletter_id


def unsubscribe_url(subscriber_id: int, newsletter_id: int) -> str:
    """Absolute: the footer link of each message and its List-Unsubscribe header (RFC 8058)."""
    token = unsubscribe_token(subscriber_id, newsletter_id)
    return settings.BASE_URL + reverse("newsletters:unsubscribe", args=[token])


def confirm_token(subscription_id: int) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(subscription_id))


def read_confirm_token(token: str) -> int | None:
    """The subscription's id, or None when the token is forged or older than a week."""
    try:
        return int(
            signing.TimestampSigner(salt=CONFIRM_SALT).unsign(
                token, max_age=CONFIRM_MAX_AGE_SECONDS
            )
        )
    except (signing.BadSignature, ValueError):
        return None
