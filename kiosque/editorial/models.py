"""Corrections, withdrawals, readers' error reports and the policy pages of the newsroom."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


class Correction(Orderable):
    """A public « Rectificatif »: something published in the article was wrong.

    Edited with the article (an inline panel), so it is part of the article's revisions
    and goes live when the corrected version is published, never before.
    """

    page = ParentalKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="corrections")
    corrected_at = models.DateTimeField(
        _("date of the correction"),
        default=timezone.now,
        help_text=_("Shown to readers; also counts as an update date in the feeds."),
    )
    text = models.TextField(
        _("what was wrong and what is right"),
        max_length=1000,
        help_text=_(
            "Written for readers, e.g. « Une version précédente de cet article indiquait "
            "que le pont avait été fermé mardi ; il l'a été mercredi. »"
        ),
    )

    panels = [FieldPanel("corrected_at"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self) -> str:
        return f"{self.page_id} @ {self.corrected_at:%Y-%m-%d}"


class Withdrawal(models.Model):
    """An article readers saw, then no longer may: its address answers 410 Gone.

    Recorded whatever took the article down (an editor, an agency kill, the expiry
    date), keyed by the path readers knew, so the address keeps explaining itself even
    if the page is later moved or deleted. Forgotten when the article is published again.
    """

    class Origin(models.TextChoices):
        EDITOR = "editor", _("Unpublished by the newsroom")
        AGENCY = "agency", _("Cancelled by the news agency")
        EXPIRY = "expiry", _("Expired")

    path = models.CharField(max_length=1000, unique=True)
    article = models.ForeignKey(
        "newsroom.ArticlePage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.EDITOR)
    # For the newsroom (e.g. the agency's note); readers see a fixed text per origin.
    reason = models.TextField(blank=True)
    withdrawn_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("withdrawn article")

    def __str__(self) -> str:
        return self.path


class AccessibilityStatus(models.TextChoices):
    # The three statuses French law (RGAA, article 47 of law 2005-102) allows.
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


@register_setting(icon="doc-full")
class PolicySettings(BaseSiteSetting):
    """The policy pages linked from every page's footer, beside those in Newsroom."""

    ownership_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("ownership page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("legal notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_status = models.CharField(
        _("accessibility conformance status"),
        max_length=10,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.PARTIAL,
        help_text=_("Shown in every footer as « Accessibilité : partiellement conforme »."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("ownership_page"),
                FieldPanel("contact_page"),
                FieldPanel("legal_notice_page"),
            ],
            heading=_("The newsroom"),
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility_page"), FieldPanel("accessibility_status")],
            heading=_("Accessibility"),
        ),
    ]

    # Every reader page's footer shows these: fetch them with the settings row.
    select_related = ["ownership_page", "contact_page", "legal_notice_page", "accessibility_page"]

    class Meta:
        verbose_name = _("policies")


class ErrorReport(models.Model):
    """A reader's « Signaler une erreur »: something in an article may be wrong.

    Not a correction: it waits in the newsroom's queue (the admin's « Error reports »)
    until an editor handles it, usually by publishing a Correction, or dismisses it.
    Readers may be anonymous, so nothing ties a report to an account; the e-mail is
    only what the reader chose to leave for a reply.
    """

    class Status(models.TextChoices):
        NEW = "new", _("New")
        HANDLED = "handled", _("Handled")
        DISMISSED = "dismissed", _("Dismissed")

    article = models.ForeignKey(
        "newsroom.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="error_reports",
    )
    text = models.TextField(_("what is wrong"), max_length=2000)
    email = models.EmailField(_("reader's e-mail"), blank=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("error report")
        verbose_name_plural = _("error reports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return Truncator(" ".join(self.text.split())).chars(60)
