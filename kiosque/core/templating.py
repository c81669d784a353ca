"""The Jinja2 environment of the reader pages (docs/decisions/0066-reader-pages-in-jinja2.md).

Reader pages are rendered whole whenever the edge and the fragment cache miss, and
Django's template language cost most of that time (about 2,000 node renders for an
article with 60 comments). Jinja2 compiles a template to Python once, which makes the
same page several times cheaper. The admin, the accounts and the forms keep Django
templates: the Jinja2 engine comes first in TEMPLATES and only finds what sits in a
`jinja2/` folder.

Each app adds its own filters and functions through an extension of its own
(`kiosque/<app>/jinja2tags.py`, listed in settings), as Wagtail does; this module holds
what every template needs: translations, dates, URLs and static files.
"""

from datetime import date, datetime
from urllib.parse import quote

from django.template.defaultfilters import truncatechars
from django.templatetags.static import static
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import dateformat, timezone
from django.utils.http import urlencode as urlencode_pairs
from django.utils.translation import get_language, gettext, ngettext
from jinja2 import ChainableUndefined, Environment

from kiosque.core.page_urls import pageurl

# The two formats every reader page prints for each comment and card, written the way
# Django's dateformat writes them ("c" is isoformat(); day, month, hour and minute with
# two digits) without its per-call parsing of the format string.
_FAST_DATETIME_FORMATS = {
    "c": datetime.isoformat,
    "d/m/Y H:i": lambda value: (
        f"{value.day:02d}/{value.month:02d}/{value.year:04d} {value.hour:02d}:{value.minute:02d}"
    ),
}


def format_date(value, format_string: str) -> str:
    """Django's `date` filter for explicit formats: aware times in the active zone
    (the newsroom's, on reader pages), as Django's templates show them."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
        fast = _FAST_DATETIME_FORMATS.get(format_string)
        if fast is not None:
            return fast(value)
    elif not isinstance(value, date):
        return ""
    return dateformat.format(value, format_string)


ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def reader_datetime(value) -> str:
    """A time as readers of the page's language read it: French pages keep the numeric
    form (« 30/12/2021 23:41 »); English pages write the month in words (« 30 December
    2021, 23:41 »), so that no reader takes 01/12 for 12 January. In the active zone."""
    if not isinstance(value, datetime):
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    if get_language() == "en":
        month = ENGLISH_MONTHS[value.month - 1]
        return f"{value.day} {month} {value.year}, {value.hour:02d}:{value.minute:02d}"
    return _FAST_DATETIME_FORMATS["d/m/Y H:i"](value)


# reverse() costs ~15 µs, and a page of 60 comments asks for four links per comment
# that differ only by the comment's id. For a URL whose arguments are all integers, the
# path is reversed once per (name, language, prefix) with marker numbers in place of the
# arguments, and later calls put the numbers between the kept pieces.
_MARKER = 987_654_321_000
_url_pieces: dict[tuple, list[str] | None] = {}


def _pieces(name: str, count: int) -> list[str] | None:
    markers = [str(_MARKER + index) for index in range(count)]
    try:
        path = reverse(name, args=[int(marker) for marker in markers])
    except NoReverseMatch:  # a converter that refuses such numbers: no shortcut
        return None
    pieces = []
    for marker in markers:
        if path.count(marker) != 1:
            return None
        before, path = path.split(marker)
        pieces.append(before)
    return [*pieces, path]


def url(name: str, *args, **kwargs) -> str:
    if kwargs or not args or any(type(arg) is not int for arg in args):
        return reverse(name, args=args or None, kwargs=kwargs or None)
    key = (name, len(args), get_script_prefix(), get_language(), get_urlconf())
    if key not in _url_pieces:
        _url_pieces[key] = _pieces(name, len(args))
    pieces = _url_pieces[key]
    if pieces is None:
        return reverse(name, args=args)
    return "".join(piece + str(arg) for piece, arg in zip(pieces, args, strict=False)) + pieces[-1]


def query_string(**params) -> str:
    """`?a=1&b=2` from keyword arguments, skipping empty ones, escaped for a URL."""
    pairs = [(key, value) for key, value in params.items() if value not in (None, "")]
    return "?" + urlencode_pairs(pairs) if pairs else ""


def urlencode(value) -> str:
    """Django's `urlencode` filter: a path or a parameter made safe for a URL."""
    return quote(str(value), safe="/")


def django_include(template_name: str, **context) -> str:
    """A Django template inside a Jinja2 one: the forms' shared layout, which the
    accounts' Django templates use too (rendered only on private pages)."""
    from django.template import engines

    return engines["django"].get_template(template_name).render(context)


def environment(**options) -> Environment:
    # Django's backend passes autoescape=True. Missing values print as nothing, and a
    # missing value's attribute too, as in Django's templates (`{% if page.pk %}` on a
    # page without `page`).
    options["undefined"] = ChainableUndefined
    env = Environment(**options)  # noqa: S701 (autoescape=True from Django's backend)
    # newstyle: `_("Page %(n)s", n=3)` formats after translating and escapes the values.
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals.update(
        url=url, static=static, query_string=query_string, django_include=django_include
    )
    env.filters.update(
        date=format_date,
        reader_datetime=reader_datetime,
        urlencode=urlencode,
        truncatechars=truncatechars,
    )
    # Wagtail's extension added its own `pageurl`; this one skips a reverse() per link.
    env.globals["pageurl"] = pageurl
    return env
