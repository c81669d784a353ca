"""The official IPTC ninjs 2.2 schema, read from ../shared beside the checkout (never
copied into the project), with the `date-time` and `uri` formats actually checked."""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SPECIFICATION = SHARED / "fixtures" / "iptc" / "ninjs" / "specification"
SCHEMA_FILE = SPECIFICATION / "ninjs-schema_2.2.json"

_formats = jsonschema.FormatChecker()


@_formats.checks("date-time", raises=ValueError)
def _date_time(value) -> bool:
    # RFC 3339: a date, "T", a time and a zone (jsonschema has no checker of its own
    # without an optional package, and would let any string through).
    if not isinstance(value, str):
        return True
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return "T" in value and parsed.utcoffset() is not None


@_formats.checks("uri")
def _uri(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme) and " " not in value


@cache
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=_formats)


def ninjs_errors(item: dict) -> list[str]:
    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator().iter_errors(item)
    ]
