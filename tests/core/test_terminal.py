"""Text from agencies and readers printed on an operator's terminal runs nothing there."""

import json

import pytest

from kiosque.core.terminal import printable, printable_json


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("urn:afp:2026:lyon", "urn:afp:2026:lyon"),
        ("Brèves : « Lyon »", "Brèves : « Lyon »"),
        ("titre\x1b]0;pwned\x07", "titre\\x1b]0;pwned\\x07"),  # retitles the window
        ("ok\x1b[2K\rfaux", "ok\\x1b[2K\\x0dfaux"),  # erases the line and writes over it
        ("\x9b31m", "\\x9b31m"),  # the one-byte C1 CSI
        ("ligne\nsuivante", "ligne\\x0asuivante"),  # one line stays one line
        ("abc\u202edcba", "abc\\u202edcba"),  # a right-to-left override
        ("del\x7f", "del\\x7f"),
    ],
)
def test_control_and_format_characters_are_shown_as_escapes(raw, shown):
    assert printable(raw) == shown


def test_json_lines_stay_json_and_hold_the_same_text():
    raw = {"identity": "urn:x\x1b[31m\x9b\u202e", "title": "Sète"}
    line = printable_json(json.dumps(raw, ensure_ascii=False))
    assert line.isprintable()
    assert json.loads(line) == raw
    assert "Sète" in line
