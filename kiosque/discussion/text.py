"""Comment text: plain text in, escaped HTML with clickable links out."""

import re
import unicodedata

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# http(s) URLs and www. addresses; stops at whitespace and at characters that cannot end
# a URL in running text. Matched on the raw text, so escaping happens per piece.
URL_PATTERN = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]}»]", re.IGNORECASE)


def count_links(text: str) -> int:
    return len(URL_PATTERN.findall(text))


def render_body(text: str) -> SafeString:
    """Escape everything, make URLs clickable, keep line breaks."""
    pieces: list[str] = []
    position = 0
    for match in URL_PATTERN.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        url = match.group(0)
        href = url if url.lower().startswith("http") else "https://" + url
        pieces.append(format_html('<a href="{}" rel="ugc nofollow noopener">{}</a>', href, url))
        position = match.end()
    pieces.append(escape(text[position:]))
    html = "".join(pieces).replace("\r\n", "\n").replace("\n", "<br>")
    return mark_safe(html)  # noqa: S308 (every piece escaped above)


def fold(text: str) -> str:
    """Lower-case without accents: « Crétin » and « CRETIN » are the same word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise_body(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\x00", "")
    return text.strip()
