from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.Model):
    """One edition to one address: the record that makes a killed send resume, not repeat."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Being sent")  # claimed by a worker, not yet confirmed
        SENT = "sent", _("Sent")
        DEFERRED = "deferred", _("Deferred")  # a 4xx or a lost connection: tried again
        FAILED = "failed", _("Failed")
        SUSPENDED = "suspended", _("Suspended")  # the address hard-bounced

    edition = models.ForeignKey(
        "newsletters.Edition", on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        "newsletters.Subscriber", on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "subscriber"], name="newsletter_one_delivery_per_address"
            )
        ]
        indexes = [models.Index(fields=["edition", "status"])]

    def __str__(self) -> str:
        return f"{self.edition_id} → {self.subscriber_id}: {self.status}"
