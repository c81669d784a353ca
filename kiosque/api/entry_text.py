"""A live entry's plain text, as the write API receives it, → paragraph blocks.

The text is plain: a program sending « <b>PSG</b> 2-1 » gets those characters on the
page, never markup. Paragraphs are separated by a blank line; a single line break stays
a line break inside its paragraph (a score line, then the scorers).
"""

from __future__ import annotations

import re

from django.utils.html import escape

# Tabs and line breaks are text; any other control character is a client's mistake.
CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_IN_LINE = re.compile(r"[\x00-\x1f\x7f]")
# Runs of spaces and tabs become one space; no-break spaces (French typography) stay.
SPACES = re.compile(r"[ \t]+")


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs: runs of non-blank lines, each line trimmed."""
    found: list[list[str]] = [[]]
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            found[-1].append(SPACES.sub(" ", line).strip())
        elif found[-1]:  # a blank line (spaces of any kind only) ends the paragraph
            found.append([])
    return ["\n".join(lines) for lines in found if lines]


def paragraph_blocks(text: str) -> list[dict]:
    """StreamField raw data for LiveEntry.body: one escaped paragraph block each."""
    blocks = []
    for paragraph in paragraphs(text):
        html = "<br/>".join(escape(line) for line in paragraph.split("\n"))
        blocks.append({"type": "paragraph", "value": f"<p>{html}</p>"})
    return blocks
