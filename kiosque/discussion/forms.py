from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from kiosque.discussion.models import (
    BODY_MAX_LENGTH,
    REASON_MAX_LENGTH,
    CommentReport,
    Sanction,
)


def _percent(template, values: dict) -> str:
    return str(template) % values


def format_lazy_percent(template, **values):
    """`template % values`, worked out each time the text is shown."""
    return lazy(_percent, str)(template, values)


class ReaderTextField(forms.CharField):
    """Text a reader typed or pasted, NUL characters taken out before it is checked.

    A NUL cannot be typed, only pasted from somewhere odd, and is invisible: Django's
    CharField refuses the whole text for one (ProhibitNullCharactersValidator), and the
    comment view, taking the refusal for an empty form, dropped the reader's text. Taken
    out here, the text goes on as written; the service stores it without them anyway
    (discussion.text.normalise_body). A text of NULs only is empty, and said to be.
    """

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("\x00", "")
        return super().to_python(value)


class CommentForm(forms.Form):
    # No maxlength attribute: the server says "too long" instead of the browser silently
    # cutting a pasted text.
    body = ReaderTextField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 5}),
        # Formatted when shown, in the reader's language: `_(...) % {...}` here would
        # translate once, at import, in whatever language was active then.
        help_text=format_lazy_percent(
            _("Plain text, at most %(n)s characters. Links become clickable."), n="3\u00a0000"
        ),
        strip=False,
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_body(self):
        # Length is the service's rule; the form only keeps what a reader typed.
        return self.cleaned_data["body"]


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this comment?"),
        choices=CommentReport.Reason.choices,
        widget=forms.RadioSelect,
    )
    detail = ReaderTextField(label=_("Details"), max_length=500, required=False)


class RejectForm(forms.Form):
    """A preset reason from the site's list, or a typed one (which wins when both are given)."""

    preset = forms.ChoiceField(label=_("Reason given to the reader"), required=False)
    reason = forms.CharField(
        label=_("Or another reason"), max_length=REASON_MAX_LENGTH, required=False
    )

    def __init__(self, *args, presets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preset"].choices = [("", _("Choose a reason…"))] + [(p, p) for p in presets]

    def clean(self):
        data = super().clean()
        data["chosen"] = (data.get("reason") or "").strip() or data.get("preset") or ""
        if not data["chosen"] and not self.errors:
            raise forms.ValidationError(_("Choose a reason or type one."), code="reason")
        return data


class SanctionForm(forms.Form):
    # The model's choices (translated labels), and a label: unnamed, Django would show
    # the field's English name, « Kind ».
    kind = forms.ChoiceField(label=_("Sanction"), choices=Sanction.Kind.choices)
    days = forms.IntegerField(label=_("Days (suspension)"), required=False, min_value=1)
    reason = forms.CharField(label=_("Reason shown to the reader"), max_length=300)


__all__ = ["BODY_MAX_LENGTH", "CommentForm", "RejectForm", "ReportForm", "SanctionForm"]
