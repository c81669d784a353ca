"""Site-wide newsroom settings, edited in the admin under Settings > Newsroom."""

import zoneinfo
from datetime import timedelta

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]


@register_setting(icon="site")
class NewsroomSettings(BaseSiteSetting):
    site_name = models.CharField(
        _("site name"),
        max_length=80,
        default="Kiosque Info",
        help_text=_("Shown in the header and in « Connectez-vous à votre compte … »."),
    )
    newsroom_name = models.CharField(
        _("newsroom name"),
        max_length=80,
        default="Kiosque Info",
        help_text=_("Credited in « Article rédigé par <newsroom> avec AFP »."),
    )
    publisher_name = models.CharField(
        _("publisher name"),
        max_length=120,
        default="Éditions Kiosque",
        help_text=_("The brand or company that publishes the site, shown under the credit."),
    )
    logo = models.ForeignKey(
        "newsroom.NewsImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=TIME_ZONE_CHOICES,
        default="Europe/Paris",
        help_text=_("Dates are shown to readers in this zone."),
    )
    words_per_minute = models.PositiveSmallIntegerField(
        _("reading speed (words per minute)"),
        default=230,
        validators=[MinValueValidator(60), MaxValueValidator(1000)],
    )
    comments_close_after_days = models.PositiveSmallIntegerField(
        _("comments close after (days)"),
        default=30,
        help_text=_("Comments close this many days after first publication; 0 never closes."),
    )
    age_banner_min_years = models.PositiveSmallIntegerField(
        _("age banner from (years)"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("« Cet article date de plus d'un an » appears from this age on."),
    )
    update_grace_minutes = models.PositiveSmallIntegerField(
        _("grace period before « Mis à jour » (minutes)"),
        default=15,
        help_text=_(
            "A new version published within this time after the first publication does "
            "not show « Mis à jour »."
        ),
    )
    front_block_max_age_days = models.PositiveSmallIntegerField(
        _("front page blocks show articles of the last (days)"),
        default=7,
        validators=[MaxValueValidator(3650)],
        help_text=_(
            "A section block of la une leaves out older articles, and is not shown when "
            "none is that recent; 0 shows the latest whatever their age."
        ),
    )
    live_poll_seconds = models.PositiveSmallIntegerField(
        _("live pages ask for news every (seconds)"),
        default=15,
        validators=[MinValueValidator(10), MaxValueValidator(30)],
        help_text=_(
            "Readers' browsers on a running live ask the edge for new entries this often "
            "(10 to 30 s): shorter brings entries sooner, at the cost of more requests."
        ),
    )
    corrections_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("corrections policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ethics_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("ethics page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("newsroom_name"), FieldPanel("publisher_name")],
            heading=_("Names"),
        ),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldPanel("words_per_minute"),
                FieldPanel("age_banner_min_years"),
                FieldPanel("update_grace_minutes"),
                FieldPanel("comments_close_after_days"),
            ],
            heading=_("Article page"),
        ),
        FieldPanel("front_block_max_age_days"),
        FieldPanel("live_poll_seconds"),
        MultiFieldPanel(
            [
                FieldPanel("corrections_page"),
                FieldPanel("ethics_page"),
                FieldPanel("privacy_page"),
            ],
            heading=_("Policies (footer)"),
        ),
    ]

    # The footer shows these pages on every reader page: fetch them with the settings.
    select_related = ["corrections_page", "ethics_page", "privacy_page", "logo"]

    class Meta:
        verbose_name = _("newsroom")

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def update_grace(self) -> timedelta:
        return timedelta(minutes=self.update_grace_minutes)
