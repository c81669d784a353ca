"""Wire sources, dispatches and their versions, and what was made of them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.snippets.models import register_snippet

URGENT_UP_TO = 2  # IPTC urgency: 1 flash, 2 urgent (« urgent », « alerte »)


class Policy(models.TextChoices):
    DESK = "desk", _("Wire desk only")
    UPDATE_DRAFTS = "update-drafts", _("Update the drafts made from a dispatch")
    AUTO_PUBLISH = "auto-publish", _("Publish automatically (trusted flows)")


class ItemStatus(models.TextChoices):
    USABLE = "usable", _("usable")
    EMBARGOED = "embargoed", _("embargoed")
    WITHHELD = "withheld", _("withheld")
    CANCELED = "canceled", _("canceled (killed)")


@register_snippet
class WireSource(models.Model):
    class Kind(models.TextChoices):
        FOLDER = "folder", _("Folder drop")
        HTTP = "http", _("HTTP feed")

    class Format(models.TextChoices):
        AUTO = "", _("Detect from each file")
        NINJS = "ninjs", _("IPTC ninjs (JSON)")
        NEWSML = "newsml-g2", _("IPTC NewsML-G2 (XML)")

    name = models.SlugField(_("name"), max_length=60, unique=True)
    agency = models.ForeignKey(
        "newsroom.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    format = models.CharField(_("format"), max_length=12, choices=Format.choices, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.FOLDER)
    folder = models.CharField(
        _("folder"),
        max_length=500,
        blank=True,
        help_text=_("Folder drop: processed files go to done/, rejected ones to failed/."),
    )
    feed_url = models.URLField(_("feed URL"), blank=True)
    default_section = models.ForeignKey(
        "newsroom.SectionPage",
        verbose_name=_("default section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where articles go when no routing rule matches."),
    )
    policy = models.CharField(
        _("policy"), max_length=20, choices=Policy.choices, default=Policy.DESK
    )
    enabled = models.BooleanField(_("polled"), default=True)
    etag = models.CharField(max_length=300, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("agency"),
        FieldPanel("format"),
        FieldPanel("kind"),
        FieldPanel("folder"),
        FieldPanel("feed_url"),
        FieldPanel("default_section"),
        FieldPanel("policy"),
        FieldPanel("enabled"),
    ]

    class Meta:
        verbose_name = _("wire source")
        verbose_name_plural = _("wire sources")

    def __str__(self) -> str:
        return self.name


class WireItem(models.Model):
    """One dispatch, whatever its versions: identity is the ninjs uri / NewsML-G2 guid."""

    identity = models.CharField(max_length=500, unique=True)
    source = models.ForeignKey(
        WireSource, null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    agency = models.ForeignKey(
        "newsroom.Agency", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    latest_version = models.ForeignKey(
        "WireItemVersion", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Copied from the latest version, for the desk's filters and ordering.
    headline = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=12, choices=ItemStatus.choices)
    urgency = models.PositiveSmallIntegerField(null=True, blank=True)
    language = models.CharField(max_length=16, blank=True)
    item_type = models.CharField(max_length=20, default="text")
    correction = models.BooleanField(default=False)
    version_created = models.DateTimeField()
    received_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-version_created", "-pk"]
        indexes = [models.Index(fields=["-version_created"])]
        verbose_name = _("dispatch")
        verbose_name_plural = _("dispatches")
        # Granted to the newsroom's roles by migration 0003_roles (see docs/wires.md).
        permissions = [
            ("access_desk", "Can see the wire desk"),
            ("create_article", "Can create an article from a dispatch"),
            ("apply_version", "Can apply a new version of a dispatch to its articles"),
        ]

    def __str__(self) -> str:
        return self.headline or self.identity

    @property
    def is_urgent(self) -> bool:
        """Flash or urgent by the IPTC scale (1 flash, 2 urgent): marked on the desk."""
        return self.urgency is not None and self.urgency <= URGENT_UP_TO


class WireItemVersion(models.Model):
    item = models.ForeignKey(WireItem, on_delete=models.CASCADE, related_name="versions")
    version_key = models.CharField(max_length=80)
    version_number = models.BigIntegerField(null=True, blank=True)
    version_created = models.DateTimeField()
    first_created = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=ItemStatus.choices)
    embargoed_until = models.DateTimeField(null=True, blank=True)
    correction = models.BooleanField(default=False)
    # Arrived after a newer version: recorded, never applied.
    superseded_on_arrival = models.BooleanField(default=False)
    format = models.CharField(max_length=12)
    file_name = models.CharField(max_length=500, blank=True)
    raw = models.TextField()
    fields = models.JSONField()
    pictures = models.ManyToManyField("newsroom.NewsImage", blank=True, related_name="+")
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "version_key"], name="wires_one_row_a_version")
        ]

    def __str__(self) -> str:
        return f"{self.item.identity} v{self.version_key}"


class WirePackageMember(models.Model):
    """An item listed by a NewsML-G2 package (latest version): how a package's pictures
    find its text, whichever of them arrives first."""

    package = models.ForeignKey(WireItem, on_delete=models.CASCADE, related_name="members")
    identity = models.CharField(max_length=500, db_index=True)
    item_class = models.CharField(max_length=20, blank=True)
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["package", "position"]
        constraints = [
            models.UniqueConstraint(fields=["package", "identity"], name="wires_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.package_id} ∋ {self.identity}"


class WireArticle(models.Model):
    """An article made from a dispatch, and the version it currently carries."""

    item = models.ForeignKey(WireItem, on_delete=models.CASCADE, related_name="articles")
    article = models.ForeignKey(
        "newsroom.ArticlePage", on_delete=models.CASCADE, related_name="wire_links"
    )
    applied_version = models.ForeignKey(
        WireItemVersion, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The version readers last saw: a publication bringing a newer one is an update
    # whose time is that version's versionCreated.
    published_version = models.ForeignKey(
        WireItemVersion, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "article"], name="wires_one_link")]

    def __str__(self) -> str:
        return f"{self.item_id} → {self.article_id}"


class WithdrawnArticle(models.Model):
    """An article unpublished by an agency kill: its old address answers 410 Gone."""

    path = models.CharField(max_length=1000, unique=True)
    article = models.ForeignKey(
        "newsroom.ArticlePage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    item = models.ForeignKey(WireItem, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(blank=True)
    withdrawn_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.path


@register_snippet
class RoutingRule(models.Model):
    """Editable: a subject or place of a dispatch → the section and topic of its article."""

    class Field(models.TextChoices):
        SUBJECT = "subject", _("Subject")
        PLACE = "place", _("Place")

    field = models.CharField(_("matches"), max_length=10, choices=Field.choices)
    value = models.CharField(
        _("code or name"),
        max_length=200,
        help_text=_("A code (medtop:11000000) or a name (Ukraine), compared case-insensitively."),
    )
    section = models.ForeignKey(
        "newsroom.SectionPage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.ForeignKey(
        "newsroom.TopicPage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=100, help_text=_("Lower first.")
    )

    panels = [
        FieldPanel("field"),
        FieldPanel("value"),
        FieldPanel("section"),
        FieldPanel("topic"),
        FieldPanel("priority"),
    ]

    class Meta:
        ordering = ["priority", "pk"]
        verbose_name = _("wire routing rule")

    def __str__(self) -> str:
        return f"{self.get_field_display()} {self.value}"


@register_setting(icon="doc-full")
class WireSettings(BaseSiteSetting):
    default_section = models.ForeignKey(
        "newsroom.SectionPage",
        verbose_name=_("default section for dispatches"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Used with no wire source and no matching routing rule."),
    )

    panels = [FieldPanel("default_section")]

    class Meta:
        verbose_name = _("wires")
