"""An article body as HTML for machines: the reader's HTML with absolute addresses, and
a portable version for ninjs.

The reader's HTML comes from the same block templates as the article page (French
typography included); only its addresses are made absolute, since an API client has no
page to resolve `/media/...` against. The portable version keeps what every news system
understands (paragraphs with their inline markup, `h2` subheadings, `blockquote`), which
is also exactly what Kiosque's own ingest turns back into blocks.
"""

from __future__ import annotations

import re

from django.utils.html import format_html
from wagtail.rich_text import expand_db_html

from kiosque.api.urls_absolute import absolute_url

# Every attribute value in these fragments is double-quoted: Django templates and
# Wagtail's rich text both write them so. A regular expression rewrites them in place,
# leaving the markup byte for byte as the page has it (an HTML parser would re-serialise
# it, and libxml2 does not know <source> is a void element).
_ADDRESS = re.compile(r'(\s(?:href|src)=")(/(?!/)[^"]*)"')
_SRCSET = re.compile(r'(\ssrcset=")([^"]*)"')


def _absolute_srcset(match: re.Match) -> str:
    entries = []
    for entry in match.group(2).split(","):
        parts = entry.strip().split(maxsplit=1)
        if parts:
            entries.append(" ".join([absolute_url(parts[0]), *parts[1:]]))
    return f'{match.group(1)}{", ".join(entries)}"'


def absolute_addresses(html: str) -> str:
    """Every site-relative href, src and srcset of an HTML fragment made absolute."""
    html = _ADDRESS.sub(lambda m: f'{m.group(1)}{absolute_url(m.group(2))}"', html)
    return _SRCSET.sub(_absolute_srcset, html)


def reader_body_html(article) -> str:
    """The body as the article page shows it (block by block, as its template includes
    them; the dateline is a field of its own), with absolute addresses."""
    context = {"page": article}
    rendered = "".join(str(block.render_as_block(context=context)) for block in article.body)
    return absolute_addresses(rendered)


def portable_body_html(article) -> str:
    """Paragraphs, subheadings and quotes; embeds become links. Inline pictures are left
    out (ninjs carries the lead picture as an association; see decision 0039)."""
    parts = []
    for block in article.body:
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            parts.append(absolute_addresses(expand_db_html(value.source)))
        elif kind == "subheading":
            parts.append(format_html("<h2>{}</h2>", value))
        elif kind == "quote":
            attribution = value.get("attribution") or ""
            if attribution:
                parts.append(
                    format_html(
                        "<blockquote><p>{}</p> <footer>{}</footer></blockquote>",
                        value["text"],
                        attribution,
                    )
                )
            else:
                parts.append(format_html("<blockquote>{}</blockquote>", value["text"]))
        elif kind == "embed":
            parts.append(
                format_html(
                    '<p><a href="{}">{}</a></p>', value["url"], value["title"] or value["url"]
                )
            )
    return "".join(str(part) for part in parts)
