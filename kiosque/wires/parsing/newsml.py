"""IPTC NewsML-G2: newsItem (text or picture), packageItem and newsMessage.

Wire XML is untrusted. The parser refuses any DOCTYPE before lxml sees it (lxml 5 still
expands internal entities by default: a "billion laughs" needs nothing else), resolves
no entity, reads nothing from the network and keeps lxml's tree-size limits (a depth of
256 levels, a text node of 10 MB), so a hostile file is refused with a reason.
"""

from __future__ import annotations

import re

from lxml import etree

from kiosque.wires.body import sanitise
from kiosque.wires.parsing.common import (
    Concept,
    PackageMember,
    ParsedItem,
    PictureRef,
    PubStatus,
    WireRejected,
    check_identity,
    check_urgency,
    is_ascii_number,
    parse_datetime_strict,
    storable_whole_number,
)
from kiosque.wires.parsing.renditions import Rendition, choose_rendition

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
NS = {"n": NAR, "h": XHTML}
STATUSES = {
    "usable": PubStatus.USABLE,
    "withheld": PubStatus.WITHHELD,
    "canceled": PubStatus.CANCELED,
}
MAX_XML_DEPTH = 256  # libxml2's own limit without XML_PARSE_HUGE
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml_document(data: bytes) -> etree._Element:
    if _DOCTYPE.search(data[:65536]) or _DOCTYPE.search(data):
        raise WireRejected("XML with a DOCTYPE or entity declaration is refused")
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as error:
        message = str(error)
        if "excessive depth" in message.lower():
            # libxml2 stops at 256 levels unless huge_tree is set (it is not, see above).
            raise WireRejected(f"XML nested deeper than {MAX_XML_DEPTH} levels") from None
        if "encoding" in message.lower():
            raise WireRejected(f"unknown or wrong XML encoding: {message}") from None
        raise WireRejected(f"malformed XML: {message}") from None
    except LookupError as error:  # an encoding Python does not know
        raise WireRejected(f"unknown XML encoding: {error}") from None
    if root.getroottree().docinfo.doctype:
        raise WireRejected("XML with a DOCTYPE is refused")
    return root


def items_from_xml(data: bytes) -> list[etree._Element]:
    """The items of one NewsML-G2 file: a newsItem/packageItem, or a newsMessage's."""
    root = parse_xml_document(data)
    local = etree.QName(root).localname
    if local in {"newsItem", "packageItem"}:
        return [root]
    if local == "newsMessage":
        items = root.findall("n:itemSet/*", NS)
        return [i for i in items if etree.QName(i).localname in {"newsItem", "packageItem"}]
    raise WireRejected(f"not NewsML-G2: root element {local!r}")


# Runs of breaking white space (XML indentation, line breaks) become one space; the
# no-break spaces of French typography (U+00A0 before « : », U+202F inside « ») are
# characters of the text and stay.
_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u202f\u2007]+")


def _text(element) -> str:
    if element is None:
        return ""
    return _BREAKING_SPACE.sub(" ", "".join(element.itertext())).strip()


def _qcode_tail(value: str | None) -> str:
    return (value or "").split(":", 1)[-1]


def _concept(element) -> Concept:
    return Concept(
        code=element.get("qcode") or element.get("uri") or "",
        name=_text(element.find("n:name", NS)),
    )


def _body_html(item) -> str:
    inline = item.find("n:contentSet/n:inlineXML", NS)
    if inline is None:
        return ""
    body = inline.find(".//h:body", NS)
    if body is None:
        body = next((e for e in inline.iter() if etree.QName(e).localname == "body.content"), None)
    if body is None:
        return ""
    parts = []
    for child in body.iter():
        name = etree.QName(child).localname
        if name in {"p", "h2", "h3", "h4", "blockquote", "hl2"}:
            tag = "h2" if name == "hl2" else name
            inner = "".join(child.itertext()).strip()
            if inner:
                parts.append(f"<{tag}>{_escape(inner)}</{tag}>")
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _int(value: str | None, field: str) -> int | None:
    if value is None or not value.strip():
        return None
    if not is_ascii_number(value.strip()):
        raise WireRejected(f"{field}: expected a whole number, got {value[:40]!r}")
    # Versions, urgencies and sizes alike: nothing real needs more than a 64-bit integer.
    return storable_whole_number(value.strip(), field)


def _pictures(item, caption: str, headline: str, credit: str, by: str) -> list[PictureRef]:
    renditions = [
        Rendition(
            href=(rc.get("href") or rc.get("residref") or "").strip(),
            mime_type=rc.get("contenttype", ""),
            width=_int(rc.get("width"), "remoteContent/@width"),
            height=_int(rc.get("height"), "remoteContent/@height"),
        )
        for rc in item.findall("n:contentSet/n:remoteContent", NS)
        if (rc.get("href") or "").strip()
    ]
    chosen = choose_rendition(renditions)
    if chosen is None:
        return []
    return [
        PictureRef(
            href=chosen.href,
            mime_type=chosen.mime_type,
            width=chosen.width,
            height=chosen.height,
            caption=caption,
            description=headline or caption,
            headline=headline,
            credit=credit,
            photographer=by,
        )
    ]


def _members(item) -> list[PackageMember]:
    """A packageItem's itemRefs, groups flattened in document order, each item once."""
    members, seen = [], set()
    for ref in item.iter(f"{{{NAR}}}itemRef"):
        identity = (ref.get("residref") or "").strip()
        if not identity or identity in seen:
            continue
        seen.add(identity)
        item_class = ref.find("n:itemClass", NS)
        members.append(
            PackageMember(
                identity=identity,
                item_class=_qcode_tail(item_class.get("qcode")) if item_class is not None else "",
            )
        )
    return members


def parse_newsml_item(item, raw: str) -> ParsedItem:
    kind = etree.QName(item).localname
    identity = (item.get("guid") or "").strip()
    if not identity:
        raise WireRejected(f"missing identity: {kind} without a guid")
    check_identity(identity, f"{kind}/@guid")
    try:
        return _parse(item, kind=kind, identity=identity, raw=raw)
    except WireRejected as rejected:
        rejected.identity = identity
        raise


def _parse(item, *, kind: str, identity: str, raw: str) -> ParsedItem:
    meta = item.find("n:itemMeta", NS)
    content = item.find("n:contentMeta", NS)
    if meta is None:
        raise WireRejected(f"{kind} without itemMeta")
    version = _int(item.get("version", "1"), "version")
    version_created = parse_datetime_strict(
        _text(meta.find("n:versionCreated", NS)) or None, "versionCreated"
    )
    if version_created is None:
        raise WireRejected("itemMeta/versionCreated is missing")
    first_created = parse_datetime_strict(
        _text(meta.find("n:firstCreated", NS)) or None, "firstCreated"
    )
    embargoed = parse_datetime_strict(_text(meta.find("n:embargoed", NS)) or None, "embargoed")
    status_element = meta.find("n:pubStatus", NS)
    status = _qcode_tail(status_element.get("qcode")) if status_element is not None else "usable"
    if status not in STATUSES:
        raise WireRejected(f"pubStatus: unknown value {status!r}")
    signals = {s.get("qcode", "") for s in meta.findall("n:signal", NS)}
    item_class = _qcode_tail(
        meta.find("n:itemClass", NS).get("qcode")
        if meta.find("n:itemClass", NS) is not None
        else ""
    ) or ("composite" if kind == "packageItem" else "text")
    provider = meta.find("n:provider", NS)
    provider_name = _text(provider.find("n:name", NS)) if provider is not None else ""
    if provider is not None and not provider_name:
        provider_name = provider.get("literal") or _qcode_tail(provider.get("qcode"))
    holder = item.find("n:rightsInfo/n:copyrightHolder", NS)
    holder_name = ""
    if holder is not None:
        holder_name = _text(holder.find("n:name", NS)) or holder.get("literal") or ""

    def cm(path: str):
        return content.find(path, NS) if content is not None else None

    def cm_all(path: str):
        return content.findall(path, NS) if content is not None else []

    headline = _text(cm("n:headline"))
    descriptions = {d.get("role", ""): _text(d) for d in cm_all("n:description")}
    standfirst = descriptions.get("drol:summary") or (
        next(iter(descriptions.values()), "") if item_class != "picture" else ""
    )
    caption = descriptions.get("drol:caption") or standfirst
    urgency = check_urgency(_int(_text(cm("n:urgency")) or None, "urgency"))
    subjects, places = [], []
    for subject in cm_all("n:subject"):
        kind_of = subject.get("type", "")
        (places if kind_of in {"cpnat:geoArea", "cpnat:poi"} else subjects).append(
            _concept(subject)
        )
    located = cm("n:located")
    dateline = _text(cm("n:dateline")) or (
        _text(located.find("n:name", NS)) if located is not None else ""
    )
    language = cm("n:language")
    by = _text(cm("n:by"))
    creators = [_text(c.find("n:name", NS)) for c in cm_all("n:creator")]
    creditline = _text(cm("n:creditline"))
    pictures = []
    if item_class in {"picture", "graphic"}:
        pictures = _pictures(
            item,
            caption,
            headline,
            creditline or holder_name,
            by or ", ".join(filter(None, creators)),
        )
    return ParsedItem(
        identity=identity,
        format="newsml-g2",
        item_type=item_class,
        version=version,
        version_created=version_created,
        first_created=first_created,
        pubstatus=STATUSES[status],
        embargoed_until=embargoed,
        headline=headline,
        standfirst=standfirst,
        body_html=sanitise(_body_html(item)),
        byline=by,
        language=(language.get("tag") if language is not None else "")
        or item.get("{http://www.w3.org/XML/1998/namespace}lang", ""),
        subjects=subjects,
        places=places,
        genres=[_concept(g) for g in cm_all("n:genre")],
        dateline=dateline,
        urgency=urgency,
        ednote=" ".join(_text(n) for n in meta.findall("n:edNote", NS)),
        copyright_holder=holder_name,
        provider=provider_name,
        correction_signal="sig:correction" in signals,
        pictures=pictures,
        members=_members(item) if kind == "packageItem" else [],
        raw=raw,
    )


def item_raw(item) -> str:
    return etree.tostring(item, encoding="unicode")
