"""« Signaler une erreur »: the reader's form, its checks, and the report it files.

Readers need no account to report an error, so the protections are the ones an open
form needs: CSRF (Django's middleware), a honeypot field that people never see, a rate
limit per client address and per article (counted in the shared cache), and text
cleaned of control characters before it reaches the newsroom's screens.
"""

from __future__ import annotations

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from kiosque.api.rate_limit import client_ip
from kiosque.discussion.rules import throttle
from kiosque.editorial.models import ErrorReport

TEXT_MIN_LENGTH = 10
TEXT_MAX_LENGTH = 2000
# (reports, seconds). One reader rarely finds more than a few errors an hour; an
# article with a glaring one may be reported by many readers, but past this many the
# newsroom has heard, and a flood from rotating addresses stops here.
PER_ADDRESS = (5, 3600)
PER_ARTICLE = (30, 3600)

# Line breaks and tabs are the reader's layout; every other control character (NUL,
# escape sequences, bidirectional overrides that reorder what an editor reads) goes.
_KEPT = {"\n", "\t"}
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _BIDI_CONTROLS.sub("", text)
    text = "".join(c for c in text if c in _KEPT or unicodedata.category(c) != "Cc")
    return text.strip()


def _number(n: int) -> str:
    """2,000 in English, 2 000 (a no-break space, never a line break) in French."""
    return number_format(n, force_grouping=True)


class CleanedTextField(forms.CharField):
    """Text cleaned before any check: a stray control character pasted with the text
    (NUL, which Django refuses outright, among them) is dropped, not held against the
    reader."""

    def to_python(self, value):
        return clean_text(super().to_python(value))


class ErrorReportForm(forms.Form):
    # No maxlength attribute: the server says "too long" instead of the browser silently
    # cutting a pasted text (as the comment form does).
    text = CleanedTextField(
        label=_("What is wrong in this article?"),
        widget=forms.Textarea(attrs={"rows": 8}),
        strip=False,
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        help_text=_("Only if you would like an answer. It is never published."),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # The honeypot: hidden from people by the stylesheet (display: none, so from screen
    # readers and the keyboard too), filled in by robots that fill in every field.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Here, not on the field: the numbers are written in the request's language.
        self.fields["text"].help_text = _(
            "Quote the passage if you can, and say what you believe is right "
            "(%(min)s to %(max)s characters)."
        ) % {"min": TEXT_MIN_LENGTH, "max": _number(TEXT_MAX_LENGTH)}

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if len(text) < TEXT_MIN_LENGTH:
            raise ValidationError(
                _("Please say a little more: at least %(n)s characters.") % {"n": TEXT_MIN_LENGTH},
                code="too_short",
            )
        if len(text) > TEXT_MAX_LENGTH:
            raise ValidationError(
                _("At most %(max)s characters, please: your text has %(n)s.")
                % {"max": _number(TEXT_MAX_LENGTH), "n": _number(len(text))},
                code="too_long",
            )
        return text

    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


def check_rate(request, article_id: int) -> None:
    """Raise ValidationError(code="rate") past either limit (discussion's counters)."""
    # The comment counters are keyed by user; here the "user" is the client address
    # (behind the edge, the one its trusted proxies report, as for the API's limit).
    for who, (limit, seconds) in (
        (f"ip-{client_ip(request)}", PER_ADDRESS),
        (f"a{article_id}", PER_ARTICLE),
    ):
        throttle(user_id=who, action="error-report", limit=limit, seconds=seconds)


def report_error(*, article, text: str, email: str = "") -> ErrorReport:
    """File a report in the newsroom's queue; `text` and `email` come from the form."""
    report = ErrorReport(article=article, text=text, email=email)
    report.full_clean()
    report.save()
    return report


def record_handling(report: ErrorReport, *, user) -> None:
    """An editor changed the status in the admin: note who and when (or forget both
    when the report is put back to « new »). Saved by the caller with the form."""
    if report.status == ErrorReport.Status.NEW:
        report.handled_by, report.handled_at = None, None
        return
    stored = ErrorReport.objects.filter(pk=report.pk).values_list("status", flat=True).first()
    if stored != report.status or report.handled_by_id is None:
        report.handled_by, report.handled_at = user, timezone.now()
