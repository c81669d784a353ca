"""The searchable text of a StreamField body, read from its stored JSON (bulk rebuilds).

The per-article path walks the body's StreamValue: every block is converted to its
Python value first, and an image block looks its image up in the database. Over a
whole archive that is a query per illustrated article and most of the indexing time,
for values that hold no text. These functions read the raw JSON and convert only what
text comes out of, so they return exactly what the per-article path returns
(tests/search/test_bulk_rows.py compares both paths row by row):

- `reader_body_text`: kiosque.newsroom.article_view.body_plain_text, the body of the
  reader search's own index;
- `searchable_content`: Wagtail's `get_searchable_content`, the body of Wagtail's index.

Both skip the HTML parsers for the usual paragraph, one `<p>` holding text without
markup or character references: the parsers would return that text unchanged.
"""

import re

from django.utils.encoding import force_str
from wagtail.blocks import Block, RichTextBlock
from wagtail.blocks.stream_block import BaseStreamBlock
from wagtail.blocks.struct_block import BaseStructBlock
from wagtail.rich_text import get_text_for_indexing

from kiosque.newsroom.text.reading_time import html_to_text

# `<p>` (or Draftail's `<p data-block-key="…">`), text, `</p>`: no other tag, no `&`.
_PLAIN_PARAGRAPH = re.compile(r'<p(?: data-block-key="[\w-]*")?>([^<>&]*)</p>')


def paragraph_reading_text(source: str) -> str:
    """html_to_text(source), the fast way when the paragraph is plain."""
    plain = _PLAIN_PARAGRAPH.fullmatch(source)
    if plain:
        return " ".join(plain.group(1).split())
    return html_to_text(source)


def paragraph_indexing_text(source: str) -> str:
    """Wagtail's get_text_for_indexing(source), the fast way when the paragraph is plain."""
    plain = _PLAIN_PARAGRAPH.fullmatch(source)
    if plain:
        return plain.group(1).strip()
    return get_text_for_indexing(source)


def reader_body_text(stream_block: BaseStreamBlock, raw_blocks) -> str:
    """What body_plain_text returns for the StreamValue stored as `raw_blocks`.

    The same three block types and the same conversions (each block's `to_python`), in
    the same order; blocks of a type the StreamBlock no longer has are skipped, as
    StreamValue skips them.
    """
    parts: list[str] = []
    for item in raw_blocks:
        kind = item["type"]
        if kind == "paragraph":
            rich_text = stream_block.child_blocks[kind].to_python(item["value"])
            parts.append(paragraph_reading_text(rich_text.source))
        elif kind == "subheading":
            parts.append(str(stream_block.child_blocks[kind].to_python(item["value"])))
        elif kind == "quote":
            value = stream_block.child_blocks[kind].to_python(item["value"])
            parts.append(value["text"])
            parts.append(value.get("attribution") or "")
    return "\n".join(parts)


def searchable_content(block: Block, raw) -> list[str]:
    """`block.get_searchable_content(block.to_python(raw))`, without converting what
    holds no text.

    Streams and structs are walked in their raw form only when they use Wagtail's own
    conversion and search methods; any block that overrides them (ImageBlock, tables,
    a project's custom block) goes through its own methods, as in the per-article path.
    """
    if _plain_stream(block):
        if not block.search_index:
            return []
        content: list[str] = []
        for item in raw:
            child = block.child_blocks.get(item["type"])
            if child is not None:  # a removed block type: StreamValue skips it too
                content.extend(searchable_content(child, item["value"]))
        return content
    if _plain_struct(block):
        if not block.search_index:
            return []
        content = []
        for name, child in block.child_blocks.items():
            if name in raw:
                content.extend(searchable_content(child, raw[name]))
            else:
                content.extend(child.get_searchable_content(child.get_default()))
        return content
    if _searchable_method(block) is Block.get_searchable_content:
        return []  # choosers and the like: no text, and no database lookup for it
    if _plain_rich_text(block):
        if not block.search_index:
            return []
        return [paragraph_indexing_text(force_str(block.to_python(raw).source))]
    return block.get_searchable_content(block.to_python(raw))


def _searchable_method(block: Block):
    return type(block).get_searchable_content


def _plain_rich_text(block: Block) -> bool:
    return (
        type(block).to_python is RichTextBlock.to_python
        and _searchable_method(block) is RichTextBlock.get_searchable_content
    )


def _plain_stream(block: Block) -> bool:
    return (
        isinstance(block, BaseStreamBlock)
        and type(block).to_python is BaseStreamBlock.to_python
        and _searchable_method(block) is BaseStreamBlock.get_searchable_content
    )


def _plain_struct(block: Block) -> bool:
    kind = type(block)
    return (
        isinstance(block, BaseStructBlock)
        and kind.to_python is BaseStructBlock.to_python
        and kind.bulk_to_python is BaseStructBlock.bulk_to_python
        and _searchable_method(block) is BaseStructBlock.get_searchable_content
    )
