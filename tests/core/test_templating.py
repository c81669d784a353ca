"""The Jinja2 environment of the reader pages (decision 0066): links, dates, messages."""

import ast
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from kiosque.core.management.commands.makemessages import gettext_calls
from kiosque.core.templating import format_date, url

KIOSQUE = Path(__file__).resolve().parents[2] / "kiosque"


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("discussion:like", (7,)),
        ("discussion:thread", (123456789,)),
        ("discussion:report", (1,)),
        ("kiosque_search", ()),
        ("discussion:unsubscribe", ("jeton-42",)),  # not a number: reverse() itself
    ],
)
def test_links_are_those_of_reverse_in_each_language(name, args, language):
    with translation.override(language):
        assert url(name, *args) == reverse(name, args=args or None)
        assert url(name, *args) == url(name, *args)  # the remembered pieces, a second time


def test_a_link_is_not_made_of_another_ones_pieces():
    first, second = url("discussion:like", 1), url("discussion:delete", 1)
    assert first != second and first.endswith("/1/aimer/") and second.endswith("/1/supprimer/")


def test_dates_show_in_the_active_zone_as_djangos_date_filter():
    moment = datetime(2021, 12, 30, 22, 41, tzinfo=UTC)
    with timezone.override("Europe/Paris"):
        assert format_date(moment, "d/m/Y H:i") == "30/12/2021 23:41"
        assert format_date(moment, "c") == "2021-12-30T23:41:00+01:00"
    assert format_date(None, "c") == "" and format_date("", "c") == ""


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2021, 12, 30, 22, 41, tzinfo=UTC),
        datetime(2026, 3, 29, 0, 59, 59, 123456, tzinfo=UTC),  # summer time starts at 1:00
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # the hour that is shown twice
        datetime(987, 1, 2, 3, 4, 5, tzinfo=UTC),
    ],
)
def test_the_fast_date_formats_write_what_django_writes(moment):
    from django.utils import dateformat

    with timezone.override("Europe/Paris"):
        local = timezone.localtime(moment)
        for format_string in ("c", "d/m/Y H:i"):
            assert format_date(moment, format_string) == dateformat.format(local, format_string)


def test_messages_of_jinja2_templates_are_found_on_their_lines():
    source = (
        "<p>{{ _('Published on') }}</p>\n"
        "{% if x %}\n"
        "<p>{{ _('Reading time: %(minutes)s min', minutes=3) }} {{ _('Log in') }}</p>\n"
        "{% endif %}"
    )
    lines = gettext_calls(source).split("\n")
    assert lines[0] == "gettext('Published on'); "
    assert lines[1] == ""
    assert lines[2] == "gettext('Reading time: %(minutes)s min'); gettext('Log in'); "


def test_every_message_of_the_reader_pages_has_a_french_translation():
    """A new `_()` in a Jinja2 template without its French line would show English
    on the French site: `make messages` puts it in the .po, this test asks for its text."""
    import re

    po = (KIOSQUE / "locale" / "fr" / "LC_MESSAGES" / "django.po").read_text()
    translated = set()
    for msgid, msgstr in re.findall(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', po, re.M):
        if _po_text(msgstr):
            translated.add(_po_text(msgid))
    missing = set()
    for template in KIOSQUE.glob("**/jinja2/**/*.html"):
        calls = ast.walk(ast.parse(gettext_calls(template.read_text())))
        for call in calls:
            if isinstance(call, ast.Call) and call.args[0].value not in translated:
                missing.add((template.name, call.args[0].value))
    assert not missing, sorted(missing)


def _po_text(quoted_lines: str) -> str:
    return "".join(line[1:-1] for line in quoted_lines.strip().split("\n"))
