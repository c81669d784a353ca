"""Comment text: plain text in, escaped HTML with clickable links out."""

import re
import unicodedata

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from kiosque.newsroom.text.typography import french_spacing

# http(s) URLs and www. addresses; stops at whitespace and at characters that cannot end
# a URL in running text. Matched on the raw text, so escaping happens per piece.
URL_PATTERN = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]}»]", re.IGNORECASE)


def count_links(text: str) -> int:
    return len(URL_PATTERN.findall(text))


def render_body(text: str, marked_words: list[str] | None = None) -> SafeString:
    """Escape everything, make URLs clickable, keep line breaks.

    For readers (no `marked_words`): with the French no-break spaces the articles get,
    before « : ; ! ? », inside guillemets and in numbers (« 3 000 », « 18 h 30 »). A
    comment has no language of its own: it takes the site's, French. The spacing never
    enters an address (typography leaves URLs alone), so links are found as typed.
    For moderators, `marked_words` (the words that held it, maybe none) in <mark>, and
    the spaces as typed: they judge the reader's own text.
    """
    if marked_words is None:
        # On the raw text, before escaping: twice as fast as spacing the HTML.
        text = french_spacing(text)
    spans = _word_spans(text, marked_words)
    pieces: list[str] = []
    position = 0
    for match in URL_PATTERN.finditer(text):
        pieces.append(_escape_marked(text, position, match.start(), spans))
        url = match.group(0)
        href = url if url.lower().startswith("http") else "https://" + url
        pieces.append(format_html('<a href="{}" rel="ugc nofollow noopener">{}</a>', href, url))
        position = match.end()
    pieces.append(_escape_marked(text, position, len(text), spans))
    html = "".join(pieces).replace("\r\n", "\n").replace("\n", "<br>")
    return mark_safe(html)  # noqa: S308 (every piece escaped above)


def _word_spans(text: str, words) -> list[tuple[int, int]]:
    """Where words occur in text as whole words, compared folded (as the word rules do),
    given as positions in the unfolded text."""
    if not words:
        return []
    folded, origin = [], []
    for index, char in enumerate(text):
        piece = fold(char)  # "É" folds to "e", "ß" to "ss": positions map back per char
        folded.append(piece)
        origin.extend([index] * len(piece))
    alternatives = "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return [
        (origin[m.start()], origin[m.end() - 1] + 1)
        for m in pattern.finditer("".join(folded))
        if m.end() > m.start()
    ]


def _escape_marked(text: str, start: int, end: int, spans) -> str:
    """text[start:end] escaped, the parts inside spans in <mark> (cut at a link's edge)."""
    pieces, position = [], start
    for span_start, span_end in spans:
        span_start, span_end = max(span_start, position), min(span_end, end)
        if span_start < span_end:
            pieces += [escape(text[position:span_start]), "<mark>"]
            pieces += [escape(text[span_start:span_end]), "</mark>"]
            position = span_end
    pieces.append(escape(text[position:end]))
    return "".join(pieces)


def fold(text: str) -> str:
    """Lower-case without accents: « Crétin » and « CRETIN » are the same word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise_body(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\x00", "")
    return text.strip()
