"""What in a rendered page could run code, and which payload put it there.

The page is parsed as a browser would build it (lxml's HTML parser: entities decoded,
attributes split), then every element is looked at for the constructs through which text
becomes code: event-handler attributes, script elements, URLs with a scheme that runs
(javascript:, vbscript:, data: other than an image), srcdoc, styles that call out, meta
refreshes. The reader pages use none of them (their scripts are files under /static/, and the
Content-Security-Policy forbids inline code); the admin has inline scripts and a preview
frame of its own, so scripts and frames count only when they carry the corpus's code.
Every finding is attributed to payloads by the number each carries.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
from dataclasses import dataclass

import lxml.html

from tests.hostile.corpus import marked_ids

URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
    "codebase", "dynsrc", "lowsrc", "ping", "cite", "manifest", "icon", "srcset", "to",
    "values", "from", "by",
}  # fmt: skip
SAFE_DATA_URL = re.compile(r"^data:image/(png|jpeg|gif|webp|avif)[;,]")
RUNNING_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
# Browsers drop these from a URL before reading its scheme.
URL_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
STYLE_THAT_CALLS = re.compile(
    r"expression\s*\(|javascript:|behavior|-moz-binding|@import|xss", re.I
)
JSON_SCRIPT_TYPES = {"application/json", "application/ld+json"}
# What the corpus's code looks like in every spelling it uses (the hook's name, split or
# escaped, base64 decoded by atob): Wagtail's own inline scripts and frames have none.
PAYLOAD_EVIDENCE = re.compile(r"xss|__x|atob\(|\\u005f|&#|base64,", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    what: str  # e.g. "onerror attribute on <img>"
    code: str  # the attribute value or script text, shortened
    payload_ids: frozenset[int]

    def __str__(self) -> str:
        return f"{self.what}: {self.code!r}"


def payload_ids_in(text: str) -> frozenset[int]:
    """The numbers of the payloads named in `text`, looking inside base64 too."""
    ids = marked_ids(text) | marked_ids(html.unescape(text))
    for chunk in re.findall(r"(?:base64,|atob\(')([A-Za-z0-9+/=]{8,})", text):
        try:
            decoded = base64.b64decode(chunk + "=" * (-len(chunk) % 4)).decode("utf-8", "replace")
        except (binascii.Error, ValueError):
            continue
        ids |= marked_ids(decoded)
    return frozenset(ids)


def _finding(what: str, code: str) -> Finding:
    return Finding(what, code[:160], payload_ids_in(code))


def _runs(url: str) -> bool:
    bare = URL_IGNORED.sub("", url).lower()
    return bare.startswith(RUNNING_SCHEMES) and not SAFE_DATA_URL.match(bare)


def _refreshes_to_code(element, name: str, value: str) -> bool:
    if element.tag != "meta" or name != "content" or not element.get("http-equiv"):
        return False
    return _runs(value.partition("url=")[2]) or "xss" in value.lower()


def _script_findings(element) -> list[Finding]:
    script_type = (element.get("type") or "").strip().lower()
    text = element.text or ""
    source = element.get("src")
    if source is not None:
        same_site = source.startswith("/") and not source.startswith("//")
        if not same_site or _runs(source):
            return [_finding("<script src> from elsewhere", source)]
        return []
    if script_type in JSON_SCRIPT_TYPES:
        # Data, not code, as long as it stays one script: a payload that closed it
        # would have opened an element of its own, found on its own.
        return [_finding("a payload in a JSON script", text)] if "<" in text else []
    # The admin's own inline scripts (Wagtail's choosers, panels) carry no payload.
    return [_finding("inline <script>", text)] if PAYLOAD_EVIDENCE.search(text) else []


def findings_in(page_html: str) -> list[Finding]:
    """Every construct in the page through which text could run."""
    if not page_html.strip():
        return []
    document = lxml.html.document_fromstring(page_html)
    found: list[Finding] = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions: inert
        tag = element.tag.lower()
        if tag == "script":
            found += _script_findings(element)
        for name, value in element.attrib.items():
            name = name.lower()
            if name.startswith("on"):
                found.append(_finding(f"{name} attribute on <{tag}>", value))
            elif name in URL_ATTRIBUTES and _runs(value):
                found.append(_finding(f"{name}= running URL on <{tag}>", value))
            elif name == "srcdoc":
                found.append(_finding(f"srcdoc on <{tag}>", value))
            elif name == "style" and STYLE_THAT_CALLS.search(value):
                found.append(_finding(f"style that calls out on <{tag}>", value))
            elif _refreshes_to_code(element, name, value):
                found.append(_finding("<meta http-equiv> with a payload", value))
        if tag == "style" and STYLE_THAT_CALLS.search(element.text or ""):
            found.append(_finding("<style> that calls out", element.text or ""))
        if tag in {"iframe", "frame", "object", "embed", "base", "applet"}:
            markup = lxml.html.tostring(element, encoding=str)
            if PAYLOAD_EVIDENCE.search(markup):  # not the admin's own preview frame
                found.append(_finding(f"<{tag}> element", markup))
    return found


# --- did the text arrive? -------------------------------------------------------------
# A payload that never reached the page would make the page look safe: each is looked
# for in the page's text, compared without the spacing and the invisible characters that
# typography, cleaning and HTML leave or take away.
_INVISIBLE = re.compile(r"[\s\u00a0\u202f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def folded(text: str) -> str:
    return _INVISIBLE.sub("", text)


def page_text(page_html: str) -> str:
    """The page's text and its attribute values (a search box shows its query in one)."""
    document = lxml.html.document_fromstring(page_html)
    parts = [document.text_content()]
    for element in document.iter():
        if isinstance(element.tag, str):
            parts += element.attrib.values()
            if element.tag in ("script", "style", "textarea", "title"):
                parts.append(element.text or "")
    return folded("\n".join(parts))
