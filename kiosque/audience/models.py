"""Page views, counted per page and hour: no cookie, no IP address, no user agent kept."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HourlyPageViews(models.Model):
    """How many times a page was served during one hour (UTC), from the edge's log."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    hour = models.DateTimeField(_("hour"))  # the start of the hour, UTC
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page views per hour")
        verbose_name_plural = _("page views per hour")
        constraints = [
            models.UniqueConstraint(fields=["page", "hour"], name="audience_one_row_per_page_hour")
        ]
        indexes = [models.Index(fields=["hour"])]

    def __str__(self) -> str:
        return f"{self.page_id} @ {self.hour:%Y-%m-%d %H}h: {self.views}"


class MostRead(models.Model):
    """The « Les plus lus » lists as last computed: the whole site, and each section."""

    # "" for the whole site, else the section page's id.
    scope = models.CharField(max_length=20, unique=True)
    article_ids = models.JSONField(default=list)
    computed_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.scope or "site"


class LogPosition(models.Model):
    """How far an access log has been read, so a restart neither skips nor recounts."""

    path = models.CharField(max_length=500, unique=True)
    inode = models.BigIntegerField(default=0)
    offset = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.path} @ {self.offset}"
