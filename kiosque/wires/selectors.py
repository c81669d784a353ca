"""Read queries of the wire desk."""

from __future__ import annotations

import difflib

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kiosque.core.bounds import whole_number
from kiosque.wires.body import plain_text
from kiosque.wires.models import ItemStatus, WireItem, WireItemVersion

DESK_FILTERS = ("agency", "urgency", "language", "status")
DIFFED = (
    ("headline", gettext_noop("Headline")),
    ("standfirst", gettext_noop("Standfirst")),
    ("ednote", gettext_noop("Editorial note")),
)


def desk_items(params) -> QuerySet:
    items = WireItem.objects.select_related("agency", "latest_version").order_by(
        "-version_created", "-pk"
    )
    # A filter that is not a whole number ("²", "1e5", 2**64) is no filter, as an
    # empty one: the desk stays usable whatever the address says.
    if (agency := whole_number(params.get("agency"))) is not None:
        items = items.filter(agency_id=agency)
    if (urgency := whole_number(params.get("urgency"))) is not None:
        items = items.filter(urgency__lte=urgency)
    if params.get("language"):
        items = items.filter(language=params["language"][:16])
    if params.get("status"):
        items = items.filter(status=params["status"][:12])
    if params.get("q"):
        items = items.filter(headline__icontains=params["q"][:100])
    return items


def version_history(item: WireItem) -> list[dict]:
    """Each version, newest first, with its differences from the version before it."""
    versions = list(item.versions.order_by("version_created", "version_number", "pk"))
    history = []
    previous: WireItemVersion | None = None
    for version in versions:
        history.append({"version": version, "diff": version_diff(previous, version)})
        if not version.superseded_on_arrival:
            previous = version
    return list(reversed(history))


def _texts(version: WireItemVersion | None) -> dict[str, list[str]]:
    fields = version.fields if version else {}
    texts = {_(label): [fields.get(name, "")] for name, label in DIFFED}
    body = plain_text(
        (fields.get("body_html") or "").replace("</p>", "</p>\n").replace("</h2>", "</h2>\n")
    )
    texts[_("Body")] = [line for line in body.splitlines() if line.strip()]
    return texts


def version_diff(older: WireItemVersion | None, newer: WireItemVersion) -> str:
    if older is None:
        return ""
    before, after = _texts(older), _texts(newer)
    lines = []
    for label in after:
        lines.extend(
            difflib.unified_diff(before[label], after[label], label, label, lineterm="", n=1)
        )
    return "\n".join(lines)


def pending_version(link) -> WireItemVersion | None:
    """A newer version than the one the article carries ("nouvelle version disponible")."""
    latest = link.item.latest_version
    if latest is None or latest.pk == link.applied_version_id:
        return None
    if latest.status in {ItemStatus.CANCELED, ItemStatus.WITHHELD}:
        # A kill or a hold is not content to bring into an article (it is explained on
        # the article's edit view instead).
        return None
    return latest
