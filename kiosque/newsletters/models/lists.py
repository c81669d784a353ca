from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class NewsletterList(models.Model):
    """A list readers subscribe to: the daily digest, the follow of a page, or the alerts."""

    class Kind(models.TextChoices):
        DIGEST = "digest", _("Daily digest")
        FOLLOW = "follow", _("Follow")
        ALERT = "alert", _("Breaking-news alert")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # The language of its messages (French or English), not of the articles it lists.
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="fr"
    )
    description = models.TextField(_("description"), blank=True)
    # Follow lists only: the topic, section or author page whose new articles it sends.
    followed_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("followed page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="newsletter_follows",
    )
    # Digest lists only: the hour it goes (newsroom time), and how long before it the
    # selection is prepared for editors to preview, reorder and edit.
    send_time = models.TimeField(_("send time"), null=True, blank=True)
    prepare_minutes_before = models.PositiveSmallIntegerField(
        _("prepared minutes before"), default=60
    )
    # A digest nobody touched goes at its hour on its own; unticked, an editor approves it.
    sends_automatically = models.BooleanField(_("sends automatically"), default=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="follow", followed_page__isnull=False)
                | (~Q(kind="follow") & Q(followed_page__isnull=True)),
                name="newsletter_follow_has_page",
            ),
            models.UniqueConstraint(
                fields=["followed_page", "language"],
                condition=Q(kind="follow"),
                name="newsletter_one_follow_per_page_and_language",
            ),
        ]

    def __str__(self) -> str:
        return self.name
