"""The audience page's chart, drawn on the server as SVG: no script, no outside request.

One bar per hour, a y axis with three round values, an x axis marked at midnight (or
every few hours over one day) in the newsroom's time zone. The SVG has a <title> and a
<desc> (the total and the busiest hour) for screen readers; the page also gives the same
numbers as a table.
"""

from dataclasses import dataclass
from datetime import datetime, tzinfo

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

WIDTH = 720
HEIGHT = 240
LEFT = 56  # room for the y axis's labels
BOTTOM = 28  # room for the x axis's labels
TOP = 10
RIGHT = 8
LABEL_ROOM = 36  # the width of an x-axis label ("sam. 12")


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # the hour and its views, in the bar's <title>


def round_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5 × 10^n at or above `value` (at least 1): a readable top."""
    top = 1
    while True:
        for factor in (1, 2, 5):
            if factor * top >= value:
                return factor * top
        top *= 10


def _hour_label(hour: datetime, zone: tzinfo) -> str:
    return date_format(hour.astimezone(zone), "SHORT_DATETIME_FORMAT")


def _tick_every(hours: int) -> int:
    """Hours between two x-axis marks: every 3 hours over a day, else every day or 5 days."""
    if hours <= 24:
        return 3
    if hours <= 24 * 7:
        return 24
    return 24 * 5


def bars(series, zone: tzinfo) -> tuple[list[Bar], int]:
    top = round_ceiling(max((point.views for point in series), default=0))
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    step = plot_width / max(len(series), 1)
    width = max(step * 0.8, 0.5)  # a gap between bars while they are wide enough to see it
    drawn = []
    for index, point in enumerate(series):
        height = plot_height * point.views / top
        drawn.append(
            Bar(
                x=round(LEFT + index * step, 2),
                y=round(TOP + plot_height - height, 2),
                width=round(width, 2),
                height=round(height, 2),
                label=_("%(hour)s: %(views)s views")
                % {"hour": _hour_label(point.hour, zone), "views": point.views},
            )
        )
    return drawn, top


def x_ticks(series, zone: tzinfo) -> list[tuple[float, str]]:
    """(x, label) at each local midnight (or every 3 hours over one day)."""
    if not series:
        return []
    plot_width = WIDTH - LEFT - RIGHT
    step = plot_width / len(series)
    every = _tick_every(len(series))
    ticks = []
    for index, point in enumerate(series):
        local = point.hour.astimezone(zone)
        if every < 24:
            if local.hour % every:
                continue
            label = date_format(local, "H\\h")
        else:
            days_from_start = (local.date() - series[0].hour.astimezone(zone).date()).days
            if local.hour or days_from_start % (every // 24):
                continue
            label = date_format(local, "D j")
        x = round(LEFT + index * step, 2)
        if x > WIDTH - RIGHT - LABEL_ROOM:
            continue  # its label would be cut by the chart's edge
        ticks.append((x, label))
    return ticks


def views_chart(series, zone: tzinfo, *, title: str) -> SafeString:
    """The SVG of views per hour; `series` is report.hourly_series()'s list."""
    drawn, top = bars(series, zone)
    total = sum(point.views for point in series)
    busiest = max(series, key=lambda point: point.views, default=None)
    if busiest is not None and busiest.views:
        description = _("%(total)s views in all; the busiest hour, %(hour)s, had %(views)s.") % {
            "total": total,
            "hour": _hour_label(busiest.hour, zone),
            "views": busiest.views,
        }
    else:
        description = _("No views counted in this period.")
    plot_bottom = HEIGHT - BOTTOM
    y_lines = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" class="audience-chart__grid"/>'
        '<text x="{}" y="{}" text-anchor="end" class="audience-chart__label">{}</text>',
        (
            (
                LEFT, WIDTH - RIGHT, y, y,
                LEFT - 6, y + 4, value,
            )
            for value, y in (
                (round(top * fraction), round(TOP + (plot_bottom - TOP) * (1 - fraction), 2))
                for fraction in (0, 0.5, 1)
            )
        ),
    )  # fmt: skip
    x_labels = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" class="audience-chart__axis"/>'
        '<text x="{}" y="{}" class="audience-chart__label">{}</text>',
        ((x, x, plot_bottom, plot_bottom + 4, x + 2, HEIGHT - 8, label)
         for x, label in x_ticks(series, zone)),
    )  # fmt: skip
    bar_rects = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" class="audience-chart__bar">'
        "<title>{}</title></rect>",
        ((bar.x, bar.y, bar.width, bar.height, bar.label) for bar in drawn),
    )
    return format_html(
        '<svg class="audience-chart" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="audience-chart-title audience-chart-desc" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="audience-chart-title">{}</title><desc id="audience-chart-desc">{}</desc>'
        "{}{}"
        '<line x1="{}" x2="{}" y1="{}" y2="{}" class="audience-chart__axis"/>'
        "{}</svg>",
        WIDTH, HEIGHT, title, description, y_lines, bar_rects,
        LEFT, WIDTH - RIGHT, plot_bottom, plot_bottom, x_labels,
    )  # fmt: skip
