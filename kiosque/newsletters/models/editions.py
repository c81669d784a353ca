from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable


class Edition(ClusterableModel):
    """One message of a list: a day's digest, an hour's follow batch, an alert."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")  # prepared; editors may still change it
        HELD = "held", _("Held")  # an editor stopped it from going automatically
        READY = "ready", _("Ready")  # approved: goes at send_at
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        CANCELLED = "cancelled", _("Cancelled")

    class CancelReason(models.TextChoices):
        # Shown in the admin beside a cancelled edition: why it did not go.
        LATE = (
            "late",
            _(
                "Not sent: the worker was not running at its time nor within "
                "NEWSLETTER_DIGEST_LATE_HOURS after it (the news would be stale)"
            ),
        )
        EMPTY = "empty", _("Not sent: it had no article")

    newsletter = models.ForeignKey(
        "newsletters.NewsletterList", on_delete=models.CASCADE, related_name="editions"
    )
    subject = models.CharField(_("subject"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    send_at = models.DateTimeField(_("sends at"), null=True, blank=True)
    # What the edition is for, unique per list, so that two workers ticking at once (or
    # an editor's double click) make one edition, not two: "digest:2026-12-07" (the
    # newsroom's day), "follow:2026-12-07T14" (the UTC hour), "alert:<the form's key>".
    occasion = models.CharField(_("occasion"), max_length=60, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Alerts: the editor who confirmed the send (the confirmation step).
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # When its recipients were listed (one Delivery each), and when the sending ran.
    prepared_at = models.DateTimeField(_("recipients listed at"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # How many messages ended in each state, kept when the Delivery rows of an edition
    # finished NEWSLETTER_DELIVERY_DAYS ago are deleted (None while the rows are there).
    delivery_counts = models.JSONField(
        _("messages per outcome"), null=True, blank=True, editable=False
    )
    cancelled_because = models.CharField(
        _("cancelled because"),
        max_length=10,
        choices=CancelReason.choices,
        blank=True,
        editable=False,
    )

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-send_at", "-pk"]
        indexes = [models.Index(fields=["status", "send_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "occasion"],
                condition=~Q(occasion=""),
                name="newsletter_one_edition_per_occasion",
            )
        ]
        # Sending an alert is the publishing roles' (granted by migration).
        permissions = [("send_alert", _("Can send breaking-news alerts"))]

    def __str__(self) -> str:
        return self.subject


class EditionArticle(Orderable):
    """The edition's articles, in the order editors set."""

    edition = ParentalKey(Edition, on_delete=models.CASCADE, related_name="articles")
    article = models.ForeignKey(
        "newsroom.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta(Orderable.Meta):
        verbose_name = _("article")
        verbose_name_plural = _("articles")
