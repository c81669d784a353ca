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
