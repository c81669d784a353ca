"""Bounds on the numbers and dates that come from outside: URLs, query strings, forms.

An id or a date typed by a reader, forged by a bot or left by a careless script must
answer 400 or 404, never a 500 (decision 0078). Three places go wrong without a bound:
SQLite's driver refuses an integer past 2**63 - 1 (OverflowError); `str.isdigit()`
accepts "²" or "١", which `int()` then refuses or reads as another number; and date
arithmetic (a day added, a time zone applied) overflows at year 1 and year 9999.

- `<id:name>` in a URL pattern: 1 to 19 ASCII digits, at most 2**63 - 1; anything else
  is no match, so a 404 from the resolver before any view runs.
- `whole_number()` for an id or a page number read from a query string or a form.
- `BoundedDateField` / `BoundedDateTimeField`: years EARLIEST_YEAR to LATEST_YEAR, a
  clear message for the others (reader search, and every date of the Wagtail admin's
  model forms, see install_admin_date_bounds()).
"""

from __future__ import annotations

from datetime import date, datetime

from django import forms
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _

INT64_MAX = 2**63 - 1  # the largest integer SQLite and PostgreSQL's bigint store
INT64_MIN = -(2**63)
ID_MAX_DIGITS = len(str(INT64_MAX))  # 19

# Wide enough for an archive of old newspapers and for a schedule decades ahead; far
# from year 1 and year 9999, where adding a day or a time zone offset overflows.
EARLIEST_YEAR = 1800
LATEST_YEAR = 2199


def whole_number(raw: object, *, maximum: int = INT64_MAX) -> int | None:
    """`raw` as a non-negative integer when it is 1 to 19 ASCII digits not above
    `maximum`; None for anything else ("", "-1", "1e5", " 7", "²", "10**30")."""
    if not isinstance(raw, str) or not raw.isascii() or not raw.isdigit():
        return None
    if len(raw) > ID_MAX_DIGITS:
        return None
    number = int(raw)
    return number if number <= maximum else None


def fits_int64(value: object) -> bool:
    """False for an int no database column can hold (bool and non-ints: True)."""
    return not isinstance(value, int) or isinstance(value, bool) or INT64_MIN <= value <= INT64_MAX


class IdConverter:
    """`<id:pk>`: Django's `<int:…>` takes any length of digits, which SQLite's driver
    then refuses with an OverflowError (a 500) once past 2**63 - 1."""

    regex = f"[0-9]{{1,{ID_MAX_DIGITS}}}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > INT64_MAX:
            raise ValueError(value)  # the resolver reads it as no match: a 404
        return number

    def to_url(self, value) -> str:
        return str(int(value))


# Registered when this module is first imported: every module with an `<id:…>` pattern
# imports it, so the converter exists before its patterns are compiled.
register_converter(IdConverter, "id")


def _year_error():
    return forms.ValidationError(
        _("Enter a date between the years %(earliest)s and %(latest)s."),
        code="out_of_range",
        params={"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
    )


class BoundedDateField(forms.DateField):
    def to_python(self, value) -> date | None:
        value = super().to_python(value)
        if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
            raise _year_error()
        return value


class BoundedDateTimeField(forms.DateTimeField):
    def to_python(self, value) -> datetime | None:
        value = super().to_python(value)
        if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
            raise _year_error()
        return value


def install_admin_date_bounds() -> None:
    """Every date and date-time of the Wagtail admin's model forms bounded (a page's
    go-live and expiry, a correction's date, a live's coverage, a live entry's time).

    Wagtail's registry holds one override per model field class: Wagtail's own widget
    is kept and our form class added. Called from CoreConfig.ready(), after Wagtail's
    registrations and before the admin builds its form classes.
    """
    from django.db import models
    from wagtail.admin import widgets
    from wagtail.admin.forms.models import register_form_field_override

    register_form_field_override(
        models.DateField,
        override={"widget": widgets.AdminDateInput, "form_class": BoundedDateField},
    )
    register_form_field_override(
        models.DateTimeField,
        override={"widget": widgets.AdminDateTimeInput, "form_class": BoundedDateTimeField},
    )
