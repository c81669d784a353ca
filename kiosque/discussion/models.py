"""Comments, their reactions and reports, and what moderators decide about them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

BODY_MAX_LENGTH = 3000
REASON_MAX_LENGTH = 300  # Comment.status_reason, where a rejection's reason is kept
MAX_REJECTION_REASONS = 20  # more is no longer a list a moderator reads at a glance

# Offered when a site has not written its own list; translated when shown, so a French
# moderator reads French.
DEFAULT_REJECTION_REASONS = [
    _("Personal attack"),
    _("Off topic"),
    _("Spam or advertising"),
    _("Hateful content"),
    _("Misinformation"),
]


def reason_lines(text: str) -> list[str]:
    """One reason per line: spaces trimmed, empty lines and repeats (any case) dropped."""
    lines, seen = [], set()
    for line in text.splitlines():
        line = " ".join(line.split())
        if line and line.casefold() not in seen:
            seen.add(line.casefold())
            lines.append(line)
    return lines


class ModerationMode(models.TextChoices):
    POST = "post", _("Post-moderation (published at once, reviewed afterwards)")
    PRE = "pre", _("Pre-moderation (published after approval)")


@register_setting(icon="comment")
class DiscussionSettings(BaseSiteSetting):
    moderation_mode = models.CharField(
        _("moderation mode"), max_length=4, choices=ModerationMode, default=ModerationMode.POST
    )
    max_depth = models.PositiveSmallIntegerField(
        _("reply depth"),
        default=3,
        help_text=_("1 allows no replies; 3 allows replies to replies."),
    )
    edit_window_minutes = models.PositiveSmallIntegerField(_("edit window (minutes)"), default=5)
    trusted_after_approved = models.PositiveSmallIntegerField(
        _("new accounts pre-moderated until this many comments are approved"), default=3
    )
    max_links = models.PositiveSmallIntegerField(
        _("comments with more links than this are held"), default=2
    )
    min_seconds_between_comments = models.PositiveSmallIntegerField(
        _("minimum seconds between two comments of one reader"), default=20
    )
    max_comments_per_day = models.PositiveSmallIntegerField(
        _("comments per reader per day"), default=50
    )
    page_size = models.PositiveSmallIntegerField(_("threads per page"), default=20)
    rejection_reasons = models.TextField(
        _("preset rejection reasons"),
        blank=True,
        help_text=_(
            "One reason per line, offered when a comment is rejected; moderators can "
            "still type another. Empty: personal attack, off topic, spam or advertising, "
            "hateful content, misinformation."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("moderation_mode"),
                FieldPanel("trusted_after_approved"),
                FieldPanel("rejection_reasons"),
            ],
            heading=_("Moderation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("max_links"),
                FieldPanel("min_seconds_between_comments"),
                FieldPanel("max_comments_per_day"),
            ],
            heading=_("Limits"),
        ),
        MultiFieldPanel(
            [FieldPanel("max_depth"), FieldPanel("edit_window_minutes"), FieldPanel("page_size")],
            heading=_("Threads"),
        ),
    ]

    class Meta:
        verbose_name = _("Comments")

    def clean(self):
        super().clean()
        lines = reason_lines(self.rejection_reasons)
        too_long = [line for line in lines if len(line) > REASON_MAX_LENGTH]
        if too_long:
            # Named by its beginning: line numbers shift once blank lines are dropped.
            raise ValidationError(
                {
                    "rejection_reasons": _(
                        'A reason has at most %(max)s characters; shorten "%(start)s…".'
                    )
                    % {"max": REASON_MAX_LENGTH, "start": too_long[0][:40]}
                }
            )
        if len(lines) > MAX_REJECTION_REASONS:
            raise ValidationError(
                {
                    "rejection_reasons": _("At most %(max)s reasons.")
                    % {"max": MAX_REJECTION_REASONS}
                }
            )
        self.rejection_reasons = "\n".join(lines)

    def rejection_reason_list(self) -> list[str]:
        """The site's reasons, or the built-in ones in the active language."""
        return reason_lines(self.rejection_reasons) or [str(r) for r in DEFAULT_REJECTION_REASONS]


class ThreadOverride(models.Model):
    """Per-section or per-article exceptions to the site's moderation and closing rules."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="discussion_override"
    )
    moderation_mode = models.CharField(
        _("moderation mode"), max_length=4, choices=ModerationMode, blank=True
    )
    close_after_days = models.PositiveSmallIntegerField(
        _("comments close after (days)"),
        null=True,
        blank=True,
        help_text=_("Empty: the site setting. 0: never closes."),
    )

    panels = [FieldPanel("page"), FieldPanel("moderation_mode"), FieldPanel("close_after_days")]

    class Meta:
        verbose_name = _("comment rule for a page")
        verbose_name_plural = _("comment rules for pages")

    def __str__(self):
        return str(self.page)


class Comment(models.Model):
    # With a context: the bare "Held" and "Rejected" are the admin's queue names,
    # translated in the plural (« Retenus »); one comment's status is singular.
    class Status(models.TextChoices):
        PUBLISHED = "published", pgettext_lazy("comment status", "Published")
        # pre-moderation: waits for a moderator
        PENDING = "pending", pgettext_lazy("comment status", "Pending")
        HELD = "held", pgettext_lazy("comment status", "Held")  # a rule matched
        REJECTED = "rejected", pgettext_lazy("comment status", "Rejected")
        DELETED = "deleted", pgettext_lazy("comment status", "Deleted")  # a tombstone

    article = models.ForeignKey(
        "newsroom.ArticlePage", on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    # The top-level comment of the thread (itself for a top-level one): one query
    # fetches every reply of a page of threads.
    thread = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    depth = models.PositiveSmallIntegerField(default=1)
    body = models.TextField(max_length=BODY_MAX_LENGTH)
    status = models.CharField(max_length=10, choices=Status, default=Status.PUBLISHED)
    status_reason = models.CharField(_("reason"), max_length=REASON_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    like_count = models.PositiveIntegerField(default=0)
    is_featured = models.BooleanField(_("editor's pick"), default=False)
    by_staff = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            # Keyset pagination of threads, in each sort order.
            models.Index(fields=["article", "depth", "created_at", "id"], name="comment_newest"),
            models.Index(fields=["article", "depth", "like_count", "id"], name="comment_liked"),
            models.Index(fields=["thread", "created_at"], name="comment_thread"),
            models.Index(fields=["status", "created_at"], name="comment_queue"),
            models.Index(fields=["author", "created_at"], name="comment_author"),
            # Editor's picks: a few rows, found without walking the article's thread.
            models.Index(
                fields=["article", "created_at"],
                condition=models.Q(is_featured=True),
                name="comment_picks",
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {self.body[:40]}"

    @property
    def is_tombstone(self) -> bool:
        return self.status == self.Status.DELETED


class CommentCount(models.Model):
    """The number of published comments of an article, kept exact by the services.

    Read by the article page, the comments page and every listing card instead of a
    COUNT over the comments, which grows with the thread (decision 0025). Every status
    change goes through kiosque.discussion.counts, in the transaction of the change.
    An article without a row has no published comment.
    """

    article = models.OneToOneField(
        "newsroom.ArticlePage", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    published = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.published} comments on {self.article_id}"


class CommentRevision(models.Model):
    """A previous text of an edited comment, for moderators."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"revision of #{self.comment_id}"


class CommentLike(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="likes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "user"], name="one_like")]

    def __str__(self):
        return f"like of #{self.comment_id}"


class CommentReport(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam")
        ABUSIVE = "abusive", _("Abusive or hateful")
        OFF_TOPIC = "off_topic", _("Off topic")
        ILLEGAL = "illegal", _("Illegal content")
        OTHER = "other", _("Other")

    class Outcome(models.TextChoices):
        OPEN = "open", _("Being reviewed")
        UPHELD = "upheld", _("Comment removed")
        DISMISSED = "dismissed", _("Comment kept")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=10, choices=Reason)
    detail = models.CharField(_("details"), max_length=500, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome, default=Outcome.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_reader")
        ]

    def __str__(self):
        return f"report of #{self.comment_id} ({self.reason})"


class WordRule(models.Model):
    class Kind(models.TextChoices):
        BANNED = "banned", _("Banned: the comment is refused")
        SUSPECT = "suspect", _("Suspect: the comment is held for review")

    word = models.CharField(_("word or phrase"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind)

    panels = [FieldPanel("word"), FieldPanel("kind")]

    class Meta:
        verbose_name = _("word rule")
        ordering = ["word"]

    def __str__(self):
        return self.word


class Sanction(models.Model):
    class Kind(models.TextChoices):
        WARNING = "warning", _("Warning")
        SUSPENSION = "suspension", _("Suspension")
        BAN = "ban", _("Ban")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sanctions"
    )
    kind = models.CharField(_("sanction"), max_length=10, choices=Kind)
    reason = models.CharField(_("reason shown to the reader"), max_length=300)
    until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    def __str__(self):
        return f"{self.kind} of {self.user_id}"


class ModerationLog(models.Model):
    """Every moderator decision, kept when the comment or the reader is gone."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("Comment approved")
        REJECT = "reject", _("Comment rejected")
        FEATURE = "feature", _("Comment featured")
        UNFEATURE = "unfeature", _("Comment unfeatured")
        # A sanction is logged under its kind, with the sanction's label.
        WARNING = Sanction.Kind.WARNING.value, Sanction.Kind.WARNING.label
        SUSPENSION = Sanction.Kind.SUSPENSION.value, Sanction.Kind.SUSPENSION.label
        BAN = Sanction.Kind.BAN.value, Sanction.Kind.BAN.label

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=20, choices=Action)
    comment = models.ForeignKey(Comment, on_delete=models.SET_NULL, null=True, related_name="+")
    target = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.action} by {self.actor_id}"
