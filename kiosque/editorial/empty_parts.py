"""What an article's editor may leave behind empty: a body block added and never filled,
a « Rectificatif » or an author row opened and left blank.

Such parts carry nothing a reader could see, yet a saved draft kept them and the next
« Publier » refused the whole article for them (« Ce champ est obligatoire » on a
paragraph folded out of sight). The article's form drops them on every save (decision
0070); these functions say what « empty » is.
"""

from __future__ import annotations

from html import unescape

from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.blocks import StreamValue


def text_of_html(html: str) -> str:
    """The words of an HTML fragment, without tags and blank space."""
    return " ".join(unescape(strip_tags(html or "")).split())


def block_is_empty(block: blocks.Block, value) -> bool:
    """Nothing typed or chosen in this block, nor in any block inside it.

    A block with one field filled is not empty: publishing then says what is missing,
    which is a real question for the journalist (a quote without its text).
    """
    if isinstance(block, blocks.StructBlock):
        return all(
            block_is_empty(child, (value or {}).get(name))
            for name, child in block.child_blocks.items()
        )
    if isinstance(block, blocks.StreamBlock):
        return all(block_is_empty(child.block, child.value) for child in value or [])
    if isinstance(block, blocks.ListBlock):
        return all(block_is_empty(block.child_block, item) for item in value or [])
    if isinstance(block, blocks.RichTextBlock):
        return value is None or not text_of_html(getattr(value, "source", str(value)))
    if isinstance(block, blocks.BooleanBlock):
        return not value
    if isinstance(value, str):
        return not value.strip()
    return value is None


def without_empty_blocks(value: StreamValue) -> StreamValue:
    """The stream with its empty top-level blocks left out, the others in their order
    and with their ids (comments and previews refer to them)."""
    if not isinstance(value, StreamValue):
        return value
    kept = [
        (child.block_type, child.value, child.id)
        for child in value
        if not block_is_empty(child.block, child.value)
    ]
    if len(kept) == len(value):
        return value
    return StreamValue(value.stream_block, kept)


def stream_has_content(value: StreamValue | None) -> bool:
    return any(not block_is_empty(child.block, child.value) for child in value or [])
