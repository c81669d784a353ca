"""API tokens: what lets a program write through the API in a user's name.

A token reads `kq_<prefix>_<secret>`. The prefix is public (it finds the row and names
the token in lists); the secret is 256 random bits, shown once at creation and kept only
as its SHA-256: a copy of the database lets nobody use a token. A slow password hash
would add nothing against a secret that long, and would cost every request.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    class Scope(models.TextChoices):
        # What a token may do; it never reaches more than its user may do in the admin.
        LIVE = "live", _("Post live entries")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="kiosque_api_tokens",  # wagtailcore.APIToken has "api_tokens"
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope)
    prefix = models.CharField(_("prefix"), max_length=8, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Who made it: the user, an administrator in the admin, or nobody (the command line).
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]
        default_permissions = ()
        permissions = [("manage_all_tokens", "Can see and revoke every user's API tokens")]

    def __str__(self) -> str:
        return f"{self.public_id} ({self.name})" if self.name else self.public_id

    @property
    def public_id(self) -> str:
        """How lists and the command line name it: the token's start, never its secret."""
        return f"kq_{self.prefix}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
