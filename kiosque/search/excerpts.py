"""Highlighted excerpts: the words of the query marked in the article's own text.

The reader's query never reaches the HTML: words are compared by their index terms,
and the output is built from the article's text, every piece escaped, with only our
own <mark> elements added. Done in Python for both databases, so SQLite and PostgreSQL
show the same excerpts.
"""

# The function django.utils.html.escape calls, without its lazy-text wrapper.
from html import escape

from django.utils.safestring import SafeString, mark_safe

from kiosque.search import french

WORDS_BEFORE = 8
EXCERPT_WORDS = 36
ELLIPSIS = "…"


def _hits(text: str, terms: frozenset[str]) -> list[tuple[int, int, bool]]:
    """(start, end, is a hit) of every word of `text`."""
    return [
        (found.start(), found.end(), french.term(found.group()) in terms)
        for found in french.WORD.finditer(text)
    ]


def _render(text: str, words: list[tuple[int, int, bool]], start: int, end: int) -> str:
    # Escaped in runs between the marked words: escaping is per character, so the
    # pieces joined are the whole escaped (and a page of results escapes 20 texts).
    parts, position = [], start
    for word_start, word_end, hit in words:
        if not hit or word_start < start or word_end > end:
            continue
        parts.append(escape(text[position:word_start]))
        parts.append(f"<mark>{escape(text[word_start:word_end])}</mark>")
        position = word_end
    parts.append(escape(text[position:end]))
    return "".join(parts)


def highlight(text: str, terms: frozenset[str]) -> SafeString:
    """The whole of a short text (a title), its query words marked."""
    return mark_safe(_render(text, _hits(text, terms), 0, len(text)))  # noqa: S308 (escaped)


def excerpt(standfirst: str, body: str, terms: frozenset[str]) -> SafeString:
    """The standfirst when it has a query word; else the body around its first one;
    else the standfirst as it is (the match was in the title, topic or authors)."""
    standfirst_words = _hits(standfirst, terms)
    if any(hit for *_, hit in standfirst_words) or not body:
        return highlight(standfirst, terms)
    # Read the body only as far as the excerpt needs: bodies are long, pages have 20.
    words: list[tuple[int, int, bool]] = []
    first = None
    for found in french.WORD.finditer(body):
        hit = french.term(found.group()) in terms
        words.append((found.start(), found.end(), hit))
        if hit and first is None:
            first = len(words) - 1
        if first is not None and len(words) > first + EXCERPT_WORDS:
            break
    if first is None:
        return highlight(standfirst, terms)
    begin = max(first - WORDS_BEFORE, 0)
    shown = words[begin : begin + EXCERPT_WORDS]
    start, end = shown[0][0], shown[-1][1]
    html = _render(body, shown, start, end)
    if begin > 0:
        html = ELLIPSIS + " " + html
    if end < len(body.rstrip()):
        html += " " + ELLIPSIS
    return mark_safe(html)  # noqa: S308 (every piece escaped in _render)
