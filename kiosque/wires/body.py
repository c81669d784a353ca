"""Agency body HTML → the article's StreamField blocks, through nh3.

nh3 keeps only what an article paragraph may carry (see newsroom.blocks), plus the block
elements that become blocks of their own: subheadings and quotes.
"""

from __future__ import annotations

import html as html_module

import lxml.html
import nh3
from wagtail.rich_text import RichText

INLINE_TAGS = {"a", "b", "strong", "i", "em", "sup", "sub", "br"}
BLOCK_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li"}
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


def sanitise(html: str) -> str:
    """Allowed tags only; links keep their address, lose scripts and rel games."""
    return nh3.clean(
        html,
        tags=INLINE_TAGS | BLOCK_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def _inline_html(element) -> str:
    text = lxml.html.tostring(element, encoding="unicode", with_tail=False)
    # Keep the element's children only: <p>…</p> → …
    start, end = text.find(">") + 1, text.rfind("<")
    return text[start:end].strip() if end > start else ""


def body_blocks(html: str) -> list[tuple[str, object]]:
    """Stream data for ArticlePage.body: paragraphs, subheadings and quotes."""
    clean = sanitise(html or "")
    if not clean.strip():
        return []
    fragment = lxml.html.fragment_fromstring(clean, create_parent="div")
    blocks: list[tuple[str, object]] = []
    loose: list[str] = []
    if fragment.text and fragment.text.strip():
        loose.append(nh3.clean_text(fragment.text.strip()))

    def flush():
        if loose:
            blocks.append(("paragraph", RichText(f"<p>{' '.join(loose)}</p>")))
            loose.clear()

    for child in fragment:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in HEADINGS:
            flush()
            heading = child.text_content().strip()
            if heading:
                blocks.append(("subheading", heading))
        elif tag == "blockquote":
            flush()
            quote = child.text_content().strip()
            if quote:
                blocks.append(("quote", {"text": quote, "attribution": ""}))
        elif tag in {"ul", "ol"}:
            flush()
            for item in child.iter("li"):
                inner = _inline_html(item)
                if inner:
                    blocks.append(("paragraph", RichText(f"<p>{inner}</p>")))
        elif tag == "p":
            flush()
            inner = _inline_html(child)
            if inner:
                blocks.append(("paragraph", RichText(f"<p>{inner}</p>")))
        else:
            loose.append(lxml.html.tostring(child, encoding="unicode", with_tail=False))
        if child.tail and child.tail.strip():
            loose.append(nh3.clean_text(child.tail.strip()))
    flush()
    return blocks


def plain_text(html: str) -> str:
    """The text of an agency's HTML (a standfirst, a caption) for a plain-text field.

    nh3 drops the tags (and the content of script and style) but returns *HTML*: text
    escaped, a no-break space written `&nbsp;`. A plain-text field holds characters, and
    templates escape it when they print it, so the text is unescaped once: a no-break
    space (U+00A0, U+202F) stays that character, `R&amp;D` becomes `R&D`, and `&lt;b&gt;`
    the visible text `<b>`, never a tag."""
    return html_module.unescape(nh3.clean(html or "", tags=set())).strip()
