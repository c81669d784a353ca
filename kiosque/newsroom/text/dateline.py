"""The article's dateline as agencies write it: the place, then an en dash.

« BREST (Finistère) – » opens the first paragraph. Editors and agencies' `located` often
leave the dash out or type another one; the reader page would then run the place into
the text (« BREST (Finistère) Les pêcheurs… »).
"""

DASH = "–"  # en dash, as French agencies set it
# What people type for that dash: en dash, em dash, hyphen-minus.
TYPED_DASHES = frozenset("–—-")


def dateline_with_dash(dateline: str, max_length: int = 120) -> str:
    """`dateline` ending with « – » exactly once, in at most `max_length` characters.

    « BREST (Finistère) » and « BREST (Finistère)— » both give « BREST (Finistère) – ».
    Empty (or only dashes and spaces) stays empty: an article need not have one. A place
    too long to take the dash is shortened, so that the result still fits the field.
    """
    place = _without_trailing_dashes(dateline).strip()
    if not place:
        return ""
    suffix = f" {DASH}"
    # Shortening may leave a dash of the place itself at the end (« SAINT-|MALO »).
    place = _without_trailing_dashes(place[: max_length - len(suffix)])
    return f"{place}{suffix}"


def _without_trailing_dashes(text: str) -> str:
    """`text` without the dashes and spaces (non-breaking ones too) it ends with.

    One pass from the end rather than a regular expression: a pattern like `[\\s–]+$`
    backtracks quadratically on a long run of spaces, and `located` comes from outside."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in TYPED_DASHES):
        end -= 1
    return text[:end]
