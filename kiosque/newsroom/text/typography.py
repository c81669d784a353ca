"""French typography: the no-break spaces that keep punctuation with its word, and
numbers with their digits and units.

French puts a space before ":", ";", "!", "?" and inside guillemets. An ordinary space
there lets the browser wrap the line just before the mark, leaving a lone "?" at the
start of a line, so these spaces must be no-break ones:

- NBSP (U+00A0) before ":" and inside « »,
- NARROW NBSP (U+202F) before ";", "!" and "?".

A number is not split across lines either (the rule of the Imprimerie nationale's
Lexique): not between its groups of three digits, written with a thin space, nor from
the unit symbol or magnitude word that follows it, written with a word space. So the
ordinary spaces typed there become:

- NARROW NBSP between digit groups: « 150 000 », « 3 000 000 »,
- NBSP before a unit, a currency or « million(s) »/« milliard(s) », and inside a time
  or a number sign: « 172 km/h », « 25 % », « 1,5 million », « 18 h 30 », « n° 5 ».

`french_spacing` works on plain text, `french_spacing_html` on the text of an HTML
fragment. Both only ever insert or replace spaces, and both are idempotent; the number
rules never insert one, they only make a typed space no-break.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from typing import Literal, NamedTuple

NBSP = "\u00a0"
NNBSP = "\u202f"

# Horizontal spaces an author may have typed before a mark; all are replaced by the
# right no-break space. Line breaks and tabs are left alone.
_SPACES = " \u00a0\u202f\u2009"
_HIGH_PUNCTUATION = ":;!?"
# After these, a space before a mark is the author's choice, not a typo to fix:
# "? !" (a second mark), "« ?" (the guillemet rule owns that space).
_NO_SPACE_FIX_AFTER = _HIGH_PUNCTUATION + "«([{"

_MARK_WITH_SPACES = re.compile(f"(?P<spaces>[{_SPACES}]*)(?P<mark>[{_HIGH_PUNCTUATION}])")
_AFTER_OPENING_GUILLEMET = re.compile(f"«(?P<spaces>[{_SPACES}]*)(?=\\S)")
_BEFORE_CLOSING_GUILLEMET = re.compile(f"(?P<spaces>[{_SPACES}]*)»")

# Things whose punctuation is syntax, not prose: URLs, "mailto:" addresses, bare
# domains followed by a path. Guillemets and quotes end them, as in "«www.x.fr»".
# Schemes, labels and label counts are bounded so that a long run of letters and dots
# that is no URL costs linear time, not quadratic.
_URL_LIKE = re.compile(
    r"""
    (?:
        \b[a-z][a-z0-9+.-]{0,31}://                     # https://, ftp://
      | \b(?:mailto|tel|sms|geo|urn|xmpp|sip|data):     # schemes written without //
      | \bwww\.
      | \b(?:[a-z0-9-]{1,63}\.){1,8}+[a-z]{2,63}/       # exemple.fr/...
    )
    [^\s<>"«»]*
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Punctuation ending a URL-like match belongs to the sentence: "Voir www.x.fr ?" or
# "Lisez https://x.fr/a." (and "Big data: ..." is not a "data:" URL).
_SENTENCE_PUNCTUATION = ".,;:!?"


class _Edit(NamedTuple):
    """Replace text[start:end] by `replacement` (an insertion when start == end)."""

    start: int
    end: int
    replacement: str


def french_spacing(text: str) -> str:
    """Plain `text` with French no-break spaces before high punctuation and inside
    guillemets.

    Existing spaces there are replaced by the right no-break space; a missing one is
    added only right after a word character ("Pourquoi?" gets one, "?!" and "…?" do
    not). Left alone: colons between digits (23:41), "::", URLs and addresses, and
    marks at the start of the text or of a line.
    """
    return _french_spacing_after("", text)


def _french_spacing_after(context: str, text: str) -> str:
    """`text` with French spacing, read as the continuation of `context`.

    `context` is text already written out (in HTML, before an inline tag): it decides
    what `text` needs ("vrai" + "?" needs a space) but is itself never changed.
    """
    combined = context + text
    for rule in _RULES:
        edits = [edit for edit in rule(combined) if edit.start >= len(context)]
        if edits:  # most texts need few rules: no copy for the others
            combined = _apply(combined, edits)
    return combined[len(context) :]


def _apply(text: str, edits: Iterable[_Edit]) -> str:
    """`text` with the edits made; they must be sorted and must not overlap."""
    pieces: list[str] = []
    cursor = 0
    for edit in edits:
        pieces += [text[cursor : edit.start], edit.replacement]
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _high_punctuation_edits(text: str) -> Iterator[_Edit]:
    url_spans = None  # found on the first mark: most titles have none
    for match in _MARK_WITH_SPACES.finditer(text):
        mark_at = match.start("mark")
        if url_spans is None:
            url_spans = _url_like_spans(text)
        if any(start <= mark_at < end for start, end in url_spans):
            continue
        spaces = match["spaces"]
        before = _char_at(text, match.start() - 1)
        after = _char_at(text, mark_at + 1)
        if not _wants_space(match["mark"], before, after, has_spaces=bool(spaces)):
            continue
        wanted = NBSP if match["mark"] == ":" else NNBSP
        if spaces != wanted:
            yield _Edit(match.start(), mark_at, wanted)


def _wants_space(mark: str, before: str, after: str, *, has_spaces: bool) -> bool:
    """Whether the mark should get a no-break space, given the character `before` the
    spaces typed in front of it (or before the mark itself) and the one `after` it."""
    if not before or before.isspace():
        return False  # start of the text or of a line: nothing to keep the mark with
    if mark == ":" and ":" in (before, after):
        return False  # "::", as in C++ names or IPv6 addresses
    if mark == ":" and not has_spaces and before.isdigit() and after.isdigit():
        return False  # 23:41, 10:30:15, 3:1
    if has_spaces:
        return before not in _NO_SPACE_FIX_AFTER
    return _is_word_character(before)


def _opening_guillemet_edits(text: str) -> Iterator[_Edit]:
    for match in _AFTER_OPENING_GUILLEMET.finditer(text):
        if match["spaces"] != NBSP:
            yield _Edit(match.start("spaces"), match.end("spaces"), NBSP)


def _closing_guillemet_edits(text: str) -> Iterator[_Edit]:
    for match in _BEFORE_CLOSING_GUILLEMET.finditer(text):
        before = _char_at(text, match.start() - 1)
        if before and not before.isspace() and match["spaces"] != NBSP:
            yield _Edit(match.start("spaces"), match.end("spaces"), NBSP)


# --- Numbers -------------------------------------------------------------------------

# Groups of three digits after a first group of one to three: « 1 500 », « 3 000 000 ».
# The first group starts a number (no letter, digit, "." or "," just before it), and a
# four-digit group ends the match: « 2021 2022 » and « en 2021 150 000 » keep the space
# after 2021. Spaces already no-break count as separators, so a half-spaced number is
# finished and a spaced one matches with nothing left to do. Only ASCII digits.
_DIGIT_GROUPS = re.compile(
    rf"[0-9](?<![\w.,][0-9])[0-9]{{0,2}}(?:[\x20{NBSP}{NNBSP}][0-9]{{3}})+(?![0-9])"
)

# Unit symbols and the words that are part of the number, written after a space.
# Symbols only, not counted nouns (« 3 mois », « 12 euros », « 5 heures »): those are
# words of the sentence, as « 3 personnes » is, and would make the list endless.
# Left out as too ambiguous after a number in French prose: "a" (the verb, also the
# are), "o" (octet), "A" and "V" (a grade, a Roman numeral), "bar".
_UNITS = (
    # length, area, volume
    "mm", "cm", "m", "km", "m²", "km²", "m³", "ha", "ml", "cl", "l", "L", "hl",
    # mass, time, speed
    "mg", "g", "kg", "t", "Mt", "ms", "s", "min", "h", "km/h", "m/s",
    # temperature, pressure, sound, frequency
    "°C", "°F", "hPa", "dB", "Hz", "kHz", "MHz", "GHz",
    # power, energy, data
    "W", "kW", "MW", "GW", "Wh", "kWh", "MWh", "GWh", "TWh",
    "ko", "Ko", "Mo", "Go", "To", "Mbit/s", "Gbit/s",
    # shares and money
    "%", "‰", "€", "$", "£", "CHF", "k€", "M€", "Md€",
    # magnitudes: « 1,5 million » is one number
    "million", "millions", "milliard", "milliards", "billion", "billions",
)  # fmt: skip
_UNIT = "|".join(re.escape(unit) for unit in sorted(_UNITS, key=len, reverse=True))

# A single ordinary space that must not break, with the character before it (matching
# that character first lets the search skip the many spaces after other letters).
# A unit is a whole word: not followed by a letter or digit ("3 mois"), an apostrophe
# ("66 m'a", "2 l'ont") or a hyphen ("3 t-shirts").
_NUMBER_SPACE = re.compile(
    rf"""
    [0-9h°º]\x20
    (?:
        (?<=[0-9]\x20) (?=(?:{_UNIT})(?![\w'’-]))             # 172 km/h, 25 %, 1,5 million
      | (?<=[0-9][\x20{NBSP}]h\x20) (?=[0-5][0-9](?![0-9]))   # the minutes of 18 h 30
      | (?<=\b[nN][°º]\x20) (?=[0-9])                         # n° 5
    )
    """,
    re.VERBOSE,
)
_DIGIT = re.compile("[0-9]")


def _number_edits(text: str) -> Iterator[_Edit]:
    if not _DIGIT.search(text):
        return  # most titles: no number, nothing more to read
    edits = [
        _Edit(match.start() + offset, match.start() + offset + 1, NNBSP)
        for match in _DIGIT_GROUPS.finditer(text)
        for offset, char in enumerate(match.group())
        if char == " "
    ]
    edits += [_Edit(m.end() - 1, m.end(), NBSP) for m in _NUMBER_SPACE.finditer(text)]
    for edit in sorted(edits):
        # The number before the space must be prose, not the end of an address
        # ("https://x.fr/a?q=12 km").
        if not _ends_an_address(text, edit.start):
            yield edit


def _ends_an_address(text: str, end: int) -> bool:
    """Whether the word ending at `end` ends inside a URL-like span.

    Only that word is read (an address has no spaces): cheaper than finding every
    address of the text for the few spaces the number rules change.
    """
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:end]
    return any(span_end == len(word) for _, span_end in _url_like_spans(word))


# Applied one after the other, each to the result of the previous one, so that two
# rules never edit the same space in one pass.
_RULES: tuple[Callable[[str], Iterator[_Edit]], ...] = (
    _high_punctuation_edits,
    _opening_guillemet_edits,
    _closing_guillemet_edits,
    _number_edits,
)


def _url_like_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _URL_LIKE.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in _SENTENCE_PUNCTUATION:
            end -= 1
        spans.append((match.start(), end))
    return spans


def _char_at(text: str, index: int) -> str:
    """The character at `index`, or "" outside the text (no wrapping at -1)."""
    return text[index] if 0 <= index < len(text) else ""


def _is_word_character(char: str) -> bool:
    # Combining marks count: "é" may be stored as "e" + U+0301.
    return char.isalnum() or char == "_" or unicodedata.combining(char) > 0


# --- HTML ---------------------------------------------------------------------------

# Their text is not prose: code samples, keyboard input, program output, scripts.
_UNTOUCHED_ELEMENTS = frozenset({"code", "kbd", "pre", "samp", "script", "style"})

# Elements that do not interrupt a line of text: "<em>vrai</em>?" reads "vrai?", so the
# "?" still needs its space. Any other tag (<p>, <br>, <li>...) starts afresh.
_INLINE_ELEMENTS = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i",
        "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
        "time", "u", "var", "wbr",
    }
)  # fmt: skip

# How much of the preceding word is kept as context: enough to recognise a URL split by
# tags, short enough that a word chopped into many tags is not re-read over and over.
_CONTEXT_LIMIT = 200

_TokenKind = Literal["start", "end", "startend", "data", "reference", "other"]


@dataclass(frozen=True)
class _Token:
    """One construct of the HTML source and where it starts.

    `text` is the data of a "data" token, or "&name" / "&#123" (without the optional
    ";") for a "reference" token.
    """

    kind: _TokenKind
    start: int
    tag: str = ""
    text: str = ""


class _Tokenizer(HTMLParser):
    """Lists the constructs of an HTML fragment with their offsets in the source.

    Offsets let everything that is not text be copied back from the source byte for
    byte: rebuilding it from the parser's callbacks would lose details (the case of end
    tags, whether "&T" in "AT&T" had a ";", text the parser drops at the very end).
    """

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.tokens: list[_Token] = []
        self._line_offsets = [0] + [match.end() for match in re.finditer("\n", source)]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("start", tag=tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("startend", tag=tag)

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag=tag)

    def handle_data(self, data: str) -> None:
        self._add("data", text=data)

    def handle_entityref(self, name: str) -> None:
        self._add("reference", text="&" + name)

    def handle_charref(self, name: str) -> None:
        self._add("reference", text="&#" + name)

    def handle_comment(self, data: str) -> None:
        self._add("other")

    def handle_decl(self, decl: str) -> None:
        self._add("other")

    def handle_pi(self, data: str) -> None:
        self._add("other")

    def unknown_decl(self, data: str) -> None:
        self._add("other")

    def _add(self, kind: _TokenKind, *, tag: str = "", text: str = "") -> None:
        # While a handler runs, getpos() is where its construct starts.
        line, column = self.getpos()
        self.tokens.append(_Token(kind, self._line_offsets[line - 1] + column, tag, text))


class _HtmlSpacer:
    """Writes the HTML back token by token, spacing the text of prose elements."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        # The last word of the visible text written so far in the current line of text.
        self._context = ""
        self._open_untouched: list[str] = []

    def add(self, token: _Token, source: str) -> None:
        """Write `token`, whose full source (with anything the parser skipped after it)
        is `source`."""
        if token.kind == "data":
            self._add_data(token.text, source)
        elif token.kind == "reference":
            self._add_reference(token.text, source)
        elif token.kind == "other":
            self.pieces.append(source)  # comments and declarations are invisible
        else:
            self._add_tag(token, source)

    def _add_tag(self, token: _Token, source: str) -> None:
        self.pieces.append(source)
        if token.tag in _UNTOUCHED_ELEMENTS:
            self._track_untouched(token)
        if token.tag not in _INLINE_ELEMENTS:
            self._context = ""

    def _track_untouched(self, token: _Token) -> None:
        if token.kind == "start":
            self._open_untouched.append(token.tag)
        elif token.kind == "end" and token.tag in self._open_untouched:
            # Close the innermost one of that name, forgiving misnested tags.
            innermost = len(self._open_untouched) - 1 - self._open_untouched[::-1].index(token.tag)
            del self._open_untouched[innermost]

    def _add_data(self, data: str, source: str) -> None:
        if self._open_untouched or not source.startswith(data):
            self._write(source, visible=source)
            return
        spaced = _french_spacing_after(self._context, data)
        skipped = source[len(data) :]
        self._write(spaced + skipped, visible=spaced + skipped)

    def _add_reference(self, reference: str, source: str) -> None:
        if source[len(reference) : len(reference) + 1] == ";":
            reference += ";"
        character = unescape(reference)
        if self._open_untouched or not source.startswith(reference):
            self._write(source, visible=character)
            return
        # The reference itself is copied as written; only a space may go before it
        # ("vrai&#63;" or "Bonjour&raquo;").
        spaced = _french_spacing_after(self._context, character)
        space_before = spaced[: -len(character)] if spaced.endswith(character) else ""
        self._write(space_before + source, visible=space_before + character)

    def _write(self, html_source: str, *, visible: str) -> None:
        self.pieces.append(html_source)
        self._context = _last_word(self._context + visible)[-_CONTEXT_LIMIT:]


def _last_word(text: str) -> str:
    """What follows the last whitespace of `text` ("" when it ends with whitespace)."""
    start = len(text)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:]


def french_spacing_html(html: str) -> str:
    """`french_spacing` applied to the text of an HTML fragment.

    Tags, attribute values, comments and entity references are copied as written, so
    the result is the same HTML with spaces inserted or replaced in text only. Text in
    <code>, <pre>, <kbd>, <samp>, <script> and <style> is left alone. Text split by
    inline tags is read as one line: in "<em>vrai</em>?" the "?" gets its space.
    A space that ends one text node cannot be fixed by the next one ("vrai <em>?</em>"
    keeps its ordinary space).
    """
    tokenizer = _Tokenizer(html)
    tokenizer.feed(html)
    tokenizer.close()
    starts = [token.start for token in tokenizer.tokens]
    if not starts or starts != sorted(starts):
        # Nothing to space, or the parser lost track of positions: better no spacing
        # than broken HTML.
        return html
    spacer = _HtmlSpacer()
    spacer.pieces.append(html[: starts[0]])
    for token, end in zip(tokenizer.tokens, [*starts[1:], len(html)], strict=True):
        spacer.add(token, html[token.start : end])
    return "".join(spacer.pieces)


# --- Output ---------------------------------------------------------------------------


def is_french(language: str | None) -> bool:
    """Whether text in `language` (an article's "fr", "en"...; none is French, the
    site's language) takes French spacing."""
    return (language or "fr").lower().startswith("fr")


def typeset(text: str, language: str | None) -> str:
    """Plain text as it is output (feeds, JSON): French spacing when it is French."""
    return french_spacing(text) if text and is_french(language) else text


def typeset_html(html: str, language: str | None) -> str:
    """An HTML fragment as it is output: French spacing of its text when it is French."""
    return french_spacing_html(html) if html and is_french(language) else html
