"""How long an article takes to read, from its plain text or its rich-text HTML."""

from html.parser import HTMLParser

DEFAULT_WORDS_PER_MINUTE = 230

# Elements after which a browser starts a new line: their texts must not be glued
# together ("<p>fin</p><p>début</p>" is two words, not "findébut").
_BLOCK_ELEMENTS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details",
        "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip

# Their content is code, not words a reader reads.
_INVISIBLE_ELEMENTS = frozenset({"script", "style", "template"})


def count_words(text: str) -> int:
    """Words in plain text, split on whitespace.

    A token counts only if it holds at least one letter or digit, so dashes, colons and
    guillemets standing alone ("–", ":", "«") are not words, while "aujourd'hui" and
    "c'est-à-dire" are one word each.
    """
    return sum(1 for token in text.split() if _is_word(token))


def _is_word(token: str) -> bool:
    return any(character.isalnum() for character in token)


class _TextExtractor(HTMLParser):
    """Collects the visible text of an HTML fragment, entities already decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._invisible_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INVISIBLE_ELEMENTS:
            self._invisible_depth += 1
        self._separate_blocks(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE_ELEMENTS and self._invisible_depth:
            self._invisible_depth -= 1
        self._separate_blocks(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # "<br/>" or "<script/>": nothing opens, so nothing must stay open.
        self._separate_blocks(tag)

    def handle_data(self, data: str) -> None:
        if not self._invisible_depth:
            self.pieces.append(data)

    def _separate_blocks(self, tag: str) -> None:
        if tag in _BLOCK_ELEMENTS:
            self.pieces.append(" ")


def html_to_text(html: str) -> str:
    """The text a reader sees in an HTML fragment, whitespace collapsed to single spaces.

    Inline tags are removed without a space ("<em>in</em>croyable" stays one word);
    block tags and <br> separate words; <script>, <style> and <template> are dropped.
    """
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return " ".join("".join(extractor.pieces).split())


def reading_time_minutes(*texts: str, words_per_minute: int = DEFAULT_WORDS_PER_MINUTE) -> int:
    """Whole minutes needed to read all the texts, rounded up.

    0 when there is no word at all (nothing to announce), otherwise at least 1.
    """
    if words_per_minute <= 0:
        raise ValueError(f"words_per_minute must be positive, got {words_per_minute}")
    words = sum(count_words(text) for text in texts if text)
    return -(-words // words_per_minute)  # ceiling division without floats
