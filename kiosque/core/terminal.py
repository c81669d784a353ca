"""Text from outside (agency files, readers) made safe to print on an operator's terminal.

A dispatch's identity, title or error reason is printed by `kiosque ingest` and
`kiosque wires_poll`. Printed raw, an escape sequence in it (ESC, the C1 CSI, ...) would
be run by the terminal: move the cursor, rewrite earlier lines, retitle the window, or
with some terminals answer back into the shell. Bidirectional overrides can make a
line read differently from what it holds. Every such character is shown as an escape
instead (`\x1b`, `\u202e`): what the operator reads is what the file held.
"""

import unicodedata

# Cc: C0 and C1 controls, DEL; Cf: format characters (bidi overrides, zero-width ones).
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf"})


def _shown(character: str) -> str:
    if unicodedata.category(character) not in _HIDDEN_CATEGORIES:
        return character
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """`text` on one line, with every control or format character shown as an escape."""
    value = str(text)
    if value.isprintable():  # the usual case, answered in C
        return value
    return "".join(_shown(character) for character in value)


def printable_json(line: str) -> str:
    """A JSON text whose control and format characters are all \\u escapes (still JSON)."""
    if line.isprintable():
        return line
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in _HIDDEN_CATEGORIES else c for c in line
    )
