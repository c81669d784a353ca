"""The demo's wire desk: a few dispatches stored as if the agencies had just sent them.

They go through the same parser and ingest as a real agency's files (no shortcut into
the tables), dated relative to the demo's load so that the desk shows new and urgent
ones. Loading the demo again stores nothing twice: the ingest recognises each version.
"""

import json
from datetime import datetime, timedelta
from html import escape

from kiosque.demo.content.dispatches import DISPATCHES


def dispatch_ninjs(data: dict, now: datetime) -> dict:
    sent = (now - timedelta(minutes=data["minutes_ago"])).isoformat()
    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in data["paragraphs"])
    return {
        "uri": data["uri"],
        "type": "text",
        "version": "1",
        "versioncreated": sent,
        "firstcreated": sent,
        "pubstatus": "usable",
        "language": "fr",
        "urgency": data["urgency"],
        "headlines": [{"role": "main", "value": data["headline"]}],
        "descriptions": [{"role": "summary", "value": data["summary"]}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": body}],
        "by": data["by"],
        "located": data["located"],
        "copyrightholder": data["agency"],
        "subjects": [{"name": subject} for subject in data["subjects"]],
    }


def ensure_demo_dispatches(*, now: datetime) -> int:
    """Store the demo's dispatches; returns how many were new."""
    from kiosque.wires.batch import ingest_entries
    from kiosque.wires.models import WireItem
    from kiosque.wires.parsing import parse_file

    new = 0
    for data in DISPATCHES:
        if WireItem.objects.filter(identity=data["uri"]).exists():
            continue
        raw = json.dumps(dispatch_ninjs(data, now), ensure_ascii=False).encode()
        results = ingest_entries(parse_file(raw), source=None, publish=False, origin="demo")
        new += sum(1 for result in results if result.outcome != "rejected")
    return new
