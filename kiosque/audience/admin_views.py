"""The audience page in the Wagtail admin (« Audience »), for editors and administrators.

Who may see it: the `audience.view_hourlypageviews` permission (migration 0002 grants it
to Éditeurs and Administrateurs). A period other than 1, 7 or 30 days is refused with a
message and the default period is shown: never a server error.
"""

import csv
import functools
import io

from django import forms
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kiosque.audience import chart, report

PERMISSION = "audience.view_hourlypageviews"


def may_see_audience(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


class NotAllowed(Exception):
    pass


def _require_permission(request) -> None:
    if not may_see_audience(request.user):
        raise NotAllowed


def _refused(request) -> TemplateResponse:
    # A 403 in the admin's design, rather than PermissionDenied, which Wagtail's admin
    # turns into a redirect to the dashboard: a CSV link must not answer with a page.
    return TemplateResponse(request, "audience/admin/refused.html", status=403)


def permission_required(view):
    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        try:
            _require_permission(request)
        except NotAllowed:
            return _refused(request)
        return view(request, *args, **kwargs)

    return checked


class PeriodForm(forms.Form):
    days = forms.TypedChoiceField(
        label=gettext_lazy("Period"),
        choices=[
            (1, gettext_lazy("Last 24 hours")),
            (7, gettext_lazy("Last 7 days")),
            (30, gettext_lazy("Last 30 days")),
        ],
        coerce=int,
        initial=report.DEFAULT_DAYS,
    )


def _period(request) -> tuple[PeriodForm, int]:
    """The form and the number of days: the default when none or a bad one is asked."""
    if "days" not in request.GET:
        return PeriodForm(initial={"days": report.DEFAULT_DAYS}), report.DEFAULT_DAYS
    form = PeriodForm(request.GET)
    if form.is_valid():
        return form, form.cleaned_data["days"]
    return form, report.DEFAULT_DAYS


def _zone(request):
    from kiosque.newsroom.models import NewsroomSettings

    return NewsroomSettings.for_request(request).zone


@permission_required
def audience(request):
    form, days = _period(request)
    zone = _zone(request)
    timezone.activate(zone)  # the hours in the newsroom's zone; reset after the request
    data = report.build_report(days)
    title = _("Views per hour, last %(days)s days") % {"days": days}
    if days == 1:
        title = _("Views per hour, last 24 hours")
    context = {
        "form": form,
        "days": days,
        "report": data,
        "chart": chart.views_chart(data.hours, zone, title=title),
        "chart_title": title,
        "zone_name": str(zone),
        "hours": [(point.hour.astimezone(zone), point.views) for point in data.hours],
    }
    return TemplateResponse(request, "audience/admin/audience.html", context)


# --- CSV ---------------------------------------------------------------------------------

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection): a
# title written "=HYPERLINK(…)" by someone upstream must stay text. "|" starts a DDE
# call in some; tab and carriage return hide what follows them.
FORMULA_STARTS = ("=", "+", "-", "@", "|", "\t", "\r")


def safe_cell(value) -> object:
    # Spreadsheets skip leading blanks before reading a formula: "  =HYPERLINK(…)" runs
    # as well, so the check is on the value without them too.
    if isinstance(value, str) and (
        value.startswith(FORMULA_STARTS) or value.lstrip().startswith(FORMULA_STARTS)
    ):
        return "'" + value
    return value


def _csv_response(filename: str, header: list[str], rows) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    # A byte-order mark: spreadsheets otherwise read UTF-8 accents as Latin-1.
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@permission_required
def hours_csv(request):
    _form, days = _period(request)
    zone = _zone(request)
    start, end = report.period_bounds(days)
    rows = (
        (point.hour.astimezone(zone).isoformat(), point.views)
        for point in report.hourly_series(start, end)
    )
    return _csv_response(
        f"audience-heures-{days}j.csv", [_("hour (%(zone)s)") % {"zone": zone}, _("views")], rows
    )


@permission_required
def articles_csv(request):
    _form, days = _period(request)
    data = report.build_report(days)
    rows = (
        (row.page_id, row.title, row.views, _("yes") if row.is_live_coverage else "")
        for row in data.articles
    )
    return _csv_response(
        f"audience-articles-{days}j.csv", [_("id"), _("title"), _("views"), _("live")], rows
    )


@permission_required
def sections_csv(request):
    _form, days = _period(request)
    data = report.build_report(days)
    rows = ((row.page_id, row.title, row.views) for row in data.sections)
    return _csv_response(
        f"audience-rubriques-{days}j.csv", [_("id"), _("section"), _("views")], rows
    )


@permission_required
def lives_csv(request):
    _form, days = _period(request)
    data = report.build_report(days)
    # Every live read in the period, as on the page (not cut to the top articles).
    rows = (
        (row.page_id, row.title, row.views, "" if row.published else _("not published"))
        for row in data.lives
    )
    return _csv_response(
        f"audience-directs-{days}j.csv",
        [_("id"), _("title"), _("views"), _("status")],
        rows,
    )
