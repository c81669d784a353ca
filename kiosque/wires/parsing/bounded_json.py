"""Reading an agency's JSON with bounds: a hostile file is refused, never a crash.

Python's `json` has no limits of its own: a document nested thousands of levels deep
exhausts the interpreter's recursion (RecursionError), and an integer of thousands of
digits trips Python's int-string limit (ValueError). Either used to escape the reader
and stop a whole batch or the worker's polling. Here both, numbers too long to mean
anything and text no database can store are refused as a WireRejected with the reason;
the file-size limit is applied before (kiosque.wires.parsing.parse_file).
"""

from __future__ import annotations

import json
import re

from kiosque.wires.parsing.common import WireRejected

# Real ninjs nests a handful of levels (an item, its associations, their renditions, a
# point of interest): 64 leaves room for nested associations and extensions.
MAX_DEPTH = 64
# A number of ninjs is a version, an urgency, a size or a coordinate: 40 characters
# hold any of them written out in full (a double's 17 digits, a sign and an exponent).
MAX_NUMBER_CHARACTERS = 40


def json_loads_bounded(text: str) -> object:
    """The decoded JSON `text`, or WireRejected: malformed, too deep, numbers too long."""
    try:
        decoded = json.loads(text, parse_int=_integer, parse_float=_real)
    except json.JSONDecodeError as error:
        raise WireRejected(
            f"malformed JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        # The decoder recurses once per level and stops cleanly at the interpreter's
        # limit (about a thousand levels), far past MAX_DEPTH.
        raise WireRejected(_too_deep()) from None
    _check_structure(decoded)
    return decoded


def _too_deep() -> str:
    return f"JSON nested deeper than {MAX_DEPTH} levels"


def _check_length(literal: str) -> None:
    if len(literal) > MAX_NUMBER_CHARACTERS:
        raise WireRejected(
            f"JSON number of {len(literal)} characters (the limit is {MAX_NUMBER_CHARACTERS})"
        )


def _integer(literal: str) -> int:
    _check_length(literal)
    return int(literal)


def _real(literal: str) -> float:
    # "1e999" reads as infinity, as Python reads JSON's own "Infinity": the fields that
    # take a real number check that it is finite (ninjs._point_of_interest).
    _check_length(literal)
    return float(literal)


def _check_structure(value: object) -> None:
    """Refuse containers nested deeper than MAX_DEPTH, and text no database can store: a
    lone surrogate, which JSON can write ("\\ud800") but UTF-8 cannot encode. Walked
    without recursion."""
    pending = [(value, 1)]
    while pending:
        current, depth = pending.pop()
        if isinstance(current, str):
            _check_text(current)
            continue
        if isinstance(current, dict):
            for key in current:
                _check_text(key)
            children = current.values()
        elif isinstance(current, list):
            children = current
        else:
            continue
        if depth > MAX_DEPTH:
            raise WireRejected(_too_deep())
        pending.extend(
            (child, depth + 1) for child in children if isinstance(child, dict | list | str)
        )


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(text: str) -> None:
    found = _LONE_SURROGATE.search(text)
    if found:
        raise WireRejected(
            f"JSON text with a lone surrogate (\\u{ord(found.group()):04x}): not Unicode text"
        )
