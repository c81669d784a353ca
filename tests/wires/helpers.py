"""Builders of original test dispatches (ninjs 2.x by default) and fixture locations."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image

IPTC = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "iptc"

BODY = (
    "<p>Les pêcheurs du port de Douarnenez ont voté mardi soir la reprise du travail.</p>"
    "<h2>Un accord trouvé à l'aube</h2>"
    "<p>La préfecture maritime a confirmé <a href='https://example.org/accord'>l'accord</a>"
    "<script>alert(1)</script>.</p>"
    "<blockquote>Nous repartons en mer dès jeudi.</blockquote>"
)


def ninjs(
    uri: str = "urn:kiosque-test:douarnenez",
    *,
    version: str | None = "1",
    versioncreated: str = "2026-11-24T09:00:00+01:00",
    firstcreated: str = "2026-11-24T08:30:00+01:00",
    headline: str = "Douarnenez : les pêcheurs reprennent le travail",
    body: str = BODY,
    pubstatus: str = "usable",
    **extra,
) -> dict:
    item = {
        "uri": uri,
        "type": "text",
        "versioncreated": versioncreated,
        "firstcreated": firstcreated,
        "pubstatus": pubstatus,
        "language": "fr",
        "headlines": [{"role": "main", "value": headline}],
        "descriptions": [{"role": "summary", "value": "Après neuf jours de grève, accord."}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": body}],
        "by": "Yann Le Goff",
        "located": "DOUARNENEZ (Finistère)",
        "copyrightholder": "AFP",
        "urgency": 3,
        "subjects": [{"name": "pêche", "uri": "medtop:20000214"}],
        "places": [{"name": "Bretagne"}],
    }
    if version is not None:
        item["version"] = version
    item.update(extra)
    return item


def write_json(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def jpeg_bytes(width: int = 800, height: int = 450) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (30, 80, 120)).save(buffer, format="JPEG")
    return buffer.getvalue()


def with_picture(item: dict, href: str = "photo.jpg") -> dict:
    item["associations"] = [
        {
            "name": "featureimage",
            "type": "picture",
            "uri": f"urn:kiosque-test:photo:{href}",
            "headlines": [{"role": "main", "value": "Des chalutiers à quai"}],
            "descriptions": [{"role": "caption", "value": "Le port de Douarnenez, mardi."}],
            "by": "Anne Kervella",
            "copyrightholder": "AFP",
            "renditions": [
                {"name": "thumb", "href": href, "width": 200, "height": 112},
                {"name": "large", "href": href, "width": 800, "height": 450},
            ],
        }
    ]
    return item


G2 = 'xmlns="http://iptc.org/std/nar/2006-10-01/"'


def g2_text(guid: str = "urn:kiosque-test:g2:quimper", version: int = 1) -> str:
    return f"""<newsItem {G2} guid="{guid}" version="{version}" standard="NewsML-G2"
 standardversion="2.35" conformance="power" xml:lang="fr">
 <itemMeta><itemClass qcode="ninat:text"/><provider literal="AFP"/>
  <versionCreated>2026-11-24T09:00:00+01:00</versionCreated>
  <firstCreated>2026-11-24T08:00:00+01:00</firstCreated>
  <pubStatus qcode="stat:usable"/></itemMeta>
 <contentMeta><headline>Quimper : la cathédrale rouvre ses portes</headline>
  <description role="drol:summary">Après deux ans de travaux, la nef est rendue.</description>
  <language tag="fr"/></contentMeta>
 <contentSet><inlineXML contenttype="application/xhtml+xml">
  <html xmlns="http://www.w3.org/1999/xhtml"><body>
   <p>Les Quimpérois ont retrouvé samedi la nef de leur cathédrale.</p>
  </body></html></inlineXML></contentSet>
</newsItem>"""


def g2_picture(guid: str = "urn:kiosque-test:g2:photo", href: str = "nef.jpg") -> str:
    return f"""<newsItem {G2} guid="{guid}" version="1" standard="NewsML-G2"
 standardversion="2.35" conformance="power">
 <itemMeta><itemClass qcode="ninat:picture"/><provider literal="AFP"/>
  <versionCreated>2026-11-24T09:00:00+01:00</versionCreated>
  <pubStatus qcode="stat:usable"/></itemMeta>
 <contentMeta><headline>La nef restaurée</headline>
  <description role="drol:caption">La nef de la cathédrale, samedi.</description>
  <creditline>AFP / Soazig Le Bihan</creditline><by>Soazig Le Bihan</by></contentMeta>
 <contentSet><remoteContent href="{href}" contenttype="image/jpeg" width="800" height="450"/>
 </contentSet>
</newsItem>"""


def g2_package(
    guid: str = "urn:kiosque-test:g2:package",
    members: tuple[str, ...] = ("urn:kiosque-test:g2:quimper", "urn:kiosque-test:g2:photo"),
) -> str:
    refs = "".join(f'<itemRef residref="{member}"/>' for member in members)
    return f"""<packageItem {G2} guid="{guid}" version="1" standard="NewsML-G2"
 standardversion="2.35" conformance="power">
 <itemMeta><itemClass qcode="ninat:composite"/><provider literal="AFP"/>
  <versionCreated>2026-11-24T09:00:00+01:00</versionCreated>
  <pubStatus qcode="stat:usable"/></itemMeta>
 <groupSet root="G1"><group id="G1" role="group:main">{refs}</group></groupSet>
</packageItem>"""


def g2_message(*items: str) -> str:
    inner = "".join(item.replace(f" {G2}", "") for item in items)
    head = '<?xml version="1.0" encoding="UTF-8"?>'
    return f"{head}<newsMessage {G2}><itemSet>{inner}</itemSet></newsMessage>"
