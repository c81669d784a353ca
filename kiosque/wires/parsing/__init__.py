"""From the bytes of one delivered file to its dispatches (or the reasons they fail)."""

from __future__ import annotations

import json

from django.conf import settings

from kiosque.wires.parsing.common import ParsedItem, WireRejected
from kiosque.wires.parsing.newsml import item_raw, items_from_xml, parse_newsml_item
from kiosque.wires.parsing.ninjs import documents_from_json, parse_ninjs

__all__ = ["ParsedItem", "WireRejected", "parse_file", "sniff_format"]


def sniff_format(data: bytes) -> str:
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in {b"{", b"["}:
        return "ninjs"
    if head[:1] == b"<":
        return "newsml-g2"
    raise WireRejected("neither JSON (ninjs) nor XML (NewsML-G2)")


def parse_file(data: bytes, *, expected_format: str = "") -> list[ParsedItem | WireRejected]:
    """Every item of the file, parsed or rejected; a file-level fault rejects it whole."""
    limit = settings.WIRES_MAX_FILE_BYTES
    if len(data) > limit:
        raise WireRejected(f"file too large: {len(data)} bytes, the limit is {limit}")
    kind = sniff_format(data)
    if expected_format and not expected_format.startswith(kind):
        raise WireRejected(f"expected {expected_format}, received {kind}")
    results: list[ParsedItem | WireRejected] = []
    if kind == "ninjs":
        for document in documents_from_json(data):
            raw = json.dumps(document, ensure_ascii=False, sort_keys=True)
            results.append(_attempt(parse_ninjs, document, raw))
    else:
        for element in items_from_xml(data):
            results.append(_attempt(parse_newsml_item, element, item_raw(element)))
    return results


def _attempt(parse, document, raw: str) -> ParsedItem | WireRejected:
    try:
        return parse(document, raw)
    except WireRejected as rejected:
        return rejected
    except (ValueError, TypeError) as error:  # pydantic's ValidationError is a ValueError
        return WireRejected(f"invalid item: {error}".splitlines()[0][:300])
