"""What Kiosque keeps about a reader beyond allauth's user and email address."""

import hashlib
import hmac

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DISPLAY_NAME_MAX_LENGTH = 50


class ReaderProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reader_profile"
    )
    display_name = models.CharField(
        _("display name"),
        max_length=DISPLAY_NAME_MAX_LENGTH,
        help_text=_("Shown next to your comments."),
    )
    notify_replies = models.BooleanField(_("email me when someone replies to me"), default=True)
    notify_moderation = models.BooleanField(
        _("email me when my comment is featured or rejected"), default=True
    )
    # The interface language of sign-up: notification emails are written in it.
    language = models.CharField(max_length=8, default="fr")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reader profile")

    def __str__(self):
        return self.display_name


def email_digest(email: str) -> str:
    """A keyed hash of a normalised email: lets a ban outlive the account, reveals nothing.

    Keyed with SECRET_KEY, so the table is useless to anyone who steals only the
    database (a plain hash of an email is reversible by trying addresses).
    """
    normalised = email.strip().casefold().encode()
    key = ("kiosque.readers.ban:" + settings.SECRET_KEY).encode()
    return hmac.new(key, normalised, hashlib.sha256).hexdigest()


class BannedEmail(models.Model):
    """The only trace left of a banned reader who deleted their account."""

    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("banned email (keyed hash)")

    def __str__(self):
        return self.digest[:12]
