"""The composer's entry form: Wagtail's admin widgets (Draftail, the body's StreamField,
the date picker), and nothing saved by the form itself — the views hand its cleaned data
to kiosque.live.services, which checks permissions, versions and purges the edge."""

from django import forms
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks import BlockField, BlockWidget, StreamValue

from kiosque.core.bounds import BoundedDateTimeField
from kiosque.live.models import LiveEntry
from kiosque.live.services import EntryDraft
from kiosque.newsroom.blocks import ArticleBodyBlock
from kiosque.newsroom.models import AuthorPage

# The article body's blocks, optional here: a title alone is an entry (« 10h32 — Le Sénat
# adopte le texte »). The model's field requires a body, and its block says so.
OPTIONAL_BODY = ArticleBodyBlock(required=False)


class EntryBodyWidget(BlockWidget):
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (KeyError, ValueError, TypeError):
            # Not sent by the composer's page, or cut short: an empty body (the form shows
            # an empty editor again), marked so that the field refuses it.
            unreadable = StreamValue(self.block_def, [])
            unreadable.unreadable = True
            return unreadable


def _blank_paragraph(child) -> bool:
    if child.block_type != "paragraph":
        return False
    source = getattr(child.value, "source", "") or ""
    return "<embed" not in source and not strip_tags(source).strip()


class EntryBodyField(BlockField):
    """The entry's text. The composer opens with an empty paragraph to type into at once;
    left empty (an entry of a title alone), it is dropped rather than refused."""

    def __init__(self, **kwargs):
        super().__init__(block=OPTIONAL_BODY, widget=EntryBodyWidget(OPTIONAL_BODY), **kwargs)

    def clean(self, value):
        if value is None or getattr(value, "unreadable", False):
            raise forms.ValidationError(
                _("The text could not be read: reload the page and write it again.")
            )
        kept = [(c.block_type, c.value, c.id) for c in value if not _blank_paragraph(c)]
        return super().clean(StreamValue(self.block, kept))


def empty_paragraph() -> StreamValue:
    return OPTIONAL_BODY.to_python([{"type": "paragraph", "value": ""}])


class LiveEntryForm(WagtailAdminModelForm):
    # The version the writer started from (edits only): a save from an older one is
    # refused rather than overwriting a colleague's change (services.StaleEntry).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    body = EntryBodyField(required=False, label=_("Text"))

    class Meta:
        model = LiveEntry
        fields = ["title", "body", "is_key", "is_pinned", "posted_at", "author", "agency"]
        labels = {"posted_at": _("Scheduled for")}
        # Its own Meta leaves out Wagtail's field overrides: the bounded years named here.
        field_classes = {"posted_at": BoundedDateTimeField}
        help_texts = {
            "posted_at": _("Leave empty to post now. A time to come schedules the entry."),
            "title": _("Optional."),
        }

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        self.fields["posted_at"].required = False
        if not editing:
            self.initial["body"] = empty_paragraph()
            self.initial["posted_at"] = None  # empty: now, when it is posted
        self.fields["version"].required = editing
        # A select, not a chooser: typing the first letters picks the author at once.
        self.fields["author"] = forms.ModelChoiceField(
            AuthorPage.objects.live().order_by("title"),
            required=False,
            label=_("Author"),
            help_text=_("Or an agency: the entry is credited to one of them."),
        )
        self.fields["agency"].label = _("Agency")
        if editing:
            self.fields["posted_at"].label = _("Time")
            self.fields["posted_at"].help_text = _("A time to come schedules the entry.")

    def clean(self):
        cleaned = super().clean()
        body = cleaned.get("body")
        if "body" in cleaned and not body and not (cleaned.get("title") or "").strip():
            raise forms.ValidationError(_("An entry needs a text or a title."))
        return cleaned

    def _post_clean(self):
        # The model's own validation would also demand a body; the services check the
        # entry as a whole (a text or a title), and the form never saves the instance.
        pass

    def draft(self) -> EntryDraft:
        data = self.cleaned_data
        return EntryDraft(
            body=data.get("body") or [],
            title=data.get("title") or "",
            is_key=bool(data.get("is_key")),
            is_pinned=bool(data.get("is_pinned")),
            posted_at=data.get("posted_at"),
            author_id=data["author"].pk if data.get("author") else None,
            agency_id=data["agency"].pk if data.get("agency") else None,
            wire_item_id=self.instance.wire_item_id if self.instance.pk else None,
        )
