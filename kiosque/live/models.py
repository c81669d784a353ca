"""Live coverage (« En direct »): a page, and the entries posted on it.

The live page is an article (multi-table inheritance): its header, credits, lead image,
comments, sitemaps, feeds, search and API entries are the article's, with no second
copy of any of them. What makes it a live is its coverage times and its entries.

Entries are rows of their own, not blocks of the page: posting one must not publish a
new revision of the whole page (two journalists posting at once would overwrite each
other), and a live with thousands of entries must not load them all to show thirty.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from kiosque.core import bounds  # noqa: F401 (registers the <id:…> URL converter)
from kiosque.live.blocks import LiveEntryBodyBlock
from kiosque.live.panels import ComposerLinkPanel
from kiosque.newsroom.models import ArticlePage, ArticleType


class LiveState(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    RUNNING = "running", pgettext_lazy("live coverage state", "Live")
    ENDED = "ended", _("Ended")


def state_at(start, end, moment) -> LiveState:
    if start is not None and moment < start:
        return LiveState.UPCOMING
    if end is not None and moment >= end:
        return LiveState.ENDED
    return LiveState.RUNNING


class LivePageForm(WagtailAdminPageForm):
    """The context (the article's body) is optional on a live: the entries are the story."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "body" in self.fields:
            self.fields["body"].required = False

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("coverage_start"), cleaned.get("coverage_end")
        if start and end and end <= start:
            self.add_error("coverage_end", _("The end must come after the start."))
        return cleaned


class LivePage(RoutablePageMixin, ArticlePage):
    coverage_start = models.DateTimeField(
        _("start of the coverage"),
        null=True,
        blank=True,
        help_text=_("Leave empty to start at the first publication. A later time announces it."),
    )
    coverage_end = models.DateTimeField(
        _("end of the coverage"),
        null=True,
        blank=True,
        help_text=_(
            "Set it to end the live (« Ce direct est terminé »); a time to come ends it then."
        ),
    )
    entries_need_approval = models.BooleanField(
        _("journalists' entries need an editor's approval"),
        default=False,
        help_text=_("Entries posted by journalists wait for an editor before readers see them."),
    )

    base_form_class = LivePageForm
    content_panels = [
        ComposerLinkPanel(),  # the entries are written in the composer, not in this form
        FieldPanel("topic"),
        *[p for p in ArticlePage.content_panels if getattr(p, "field_name", None) == "title"],
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [FieldPanel("coverage_start"), FieldPanel("coverage_end")],
            heading=_("Coverage"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body", heading=_("Context (optional)")),
        MultiFieldPanel(
            [
                InlinePanel("article_authors", label=_("Author")),
                FieldPanel("agencies"),
            ],
            heading=_("Credits"),
        ),
        InlinePanel("corrections", label=_("Correction"), heading=_("Corrections")),
    ]
    settings_panels = [*ArticlePage.settings_panels, FieldPanel("entries_need_approval")]

    parent_page_types = ["newsroom.SectionPage"]
    subpage_types = []
    template = "live/live_page.html"

    class Meta:
        verbose_name = _("live coverage")
        verbose_name_plural = _("live coverages")

    # The type label follows the state, on every save (drafts and publications) and by
    # the worker's job when an end time comes (kiosque.live.ending).
    def save(self, *args, **kwargs):
        self.article_type = self.label_at(timezone.now())
        return super().save(*args, **kwargs)

    def label_at(self, moment) -> str:
        if self.state_at(moment) is LiveState.ENDED:
            return ArticleType.LIVE_ENDED
        return ArticleType.LIVE

    def state_at(self, moment) -> LiveState:
        return state_at(self.coverage_start, self.coverage_end, moment)

    @property
    def state(self) -> LiveState:
        return self.state_at(timezone.now())

    def get_context(self, request, *args, **kwargs):
        from kiosque.live.page import live_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(live_page_context(self, request, context["newsroom"]))
        return context

    @path("")
    def live_index(self, request):
        return self.render(request)

    # One entry's own address, to share it: the page opens on that entry.
    @path("entree/<id:entry_id>/")
    def live_entry(self, request, entry_id):
        from django.http import Http404

        from kiosque.live import selectors

        entry = selectors.visible_entry(self, entry_id)
        if entry is None:
            raise Http404
        request.live_shared_entry = entry  # read by live_page_context: the window opens there
        return self.render(request)


class LiveEntry(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", _("Published")
        PENDING = "pending", _("Waiting for approval")
        DELETED = "deleted", _("Deleted")

    live = models.ForeignKey(LivePage, on_delete=models.CASCADE, related_name="entries")
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PUBLISHED)
    # What readers see as the entry's time; a time to come schedules the entry.
    posted_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = StreamField(LiveEntryBodyBlock(), verbose_name=_("text"))
    is_key = models.BooleanField(
        _("key event"), default=False, help_text=_("Listed among the key events at the top.")
    )
    is_pinned = models.BooleanField(
        _("pinned summary"),
        default=False,
        help_text=_("« L'essentiel »: shown above the entries. Pinning one unpins the other."),
    )
    author = models.ForeignKey(
        "newsroom.AuthorPage",
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    agency = models.ForeignKey(
        "newsroom.Agency",
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The dispatch it came from (« Ajouter au direct »): a new version updates it.
    wire_item = models.ForeignKey(
        "wires.WireItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    # Raised by every change: readers' browsers replace an entry whose version moved, and
    # an editor's save that started from an older version is refused, not lost.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("live entry")
        verbose_name_plural = _("live entries")
        ordering = ["-posted_at", "-id"]
        indexes = [
            # The page's window and its « Entrées précédentes » (keyset, newest first).
            models.Index(fields=["live", "status", "posted_at", "id"], name="live_entry_window"),
            # What the polling answer lists as changed lately (edits, deletions).
            models.Index(fields=["live", "updated_at"], name="live_entry_changed"),
        ]

    def __str__(self) -> str:
        return self.title or f"#{self.pk}"

    def clean(self):
        if not self.body and not self.title.strip():
            raise ValidationError(_("An entry needs a text or a title."))

    @property
    def anchor(self) -> str:
        return f"entree-{self.pk}"
