"""The search form: the reader's words and the filters, checked before any query."""

import re
from datetime import datetime, time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import Jinja2
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kiosque.core.bounds import BoundedDateField
from kiosque.newsroom.models import ArticleType
from kiosque.search.engines import Filters

MAX_QUERY_LENGTH = 200
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class QueryField(forms.CharField):
    """Free text from a reader: control characters become spaces (PostgreSQL refuses
    NUL, and none belongs in a search), and an over-long query is cut, not refused."""

    def to_python(self, value):
        value = CONTROL_CHARACTERS.sub(" ", value or "")
        return super().to_python(value)[:MAX_QUERY_LENGTH].strip()


WIDGETS_RENDERER = Jinja2()


class SearchForm(forms.Form):
    # The reader pages are Jinja2 templates; with Django's template renderer the form's
    # widgets (a select of every section) took 1.1 ms of each search, against 0.5 ms.
    # One renderer for the process: a new one would compile the widgets' templates again.
    default_renderer = WIDGETS_RENDERER

    q = QueryField(label=_("Search the articles"), required=False)
    section = forms.TypedChoiceField(
        label=_("Section"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("This section does not exist.")},
    )
    type = forms.ChoiceField(
        label=_("Article type"),
        required=False,
        choices=[("", _("All types")), *ArticleType.choices],
        error_messages={"invalid_choice": _("This article type does not exist.")},
    )
    since = BoundedDateField(
        label=_("Published from"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date such as 2024-03-31.")},
    )
    until = BoundedDateField(
        label=_("Published until"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date such as 2024-03-31.")},
    )

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = {section.pk: section for section in sections}
        self.fields["q"].widget.attrs.update({"maxlength": MAX_QUERY_LENGTH, "autocomplete": "off"})
        self.fields["q"].widget.input_type = "search"
        self.fields["section"].choices = [("", _("All sections"))] + [
            (section.pk, "— " * (section.depth - 3) + section.title) for section in sections
        ]

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise ValidationError(_("The start date is after the end date."))
        return cleaned

    def filters(self, zone) -> Filters:
        """The filters of a valid form; dates are whole days in the newsroom's zone."""
        data = self.cleaned_data
        section = self.sections.get(data.get("section"))

        def start_of(day):
            return timezone.make_aware(datetime.combine(day, time.min), zone)

        return Filters(
            section_path=section.path if section else "",
            article_type=data.get("type") or "",
            since=start_of(data["since"]) if data.get("since") else None,
            until=start_of(data["until"] + timedelta(days=1)) if data.get("until") else None,
        )

    def has_filters(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return any(data.get(name) for name in ("section", "type", "since", "until"))
