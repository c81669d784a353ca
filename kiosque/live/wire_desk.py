"""« Ajouter au direct »: a dispatch from the wire desk becomes an entry of a running live,
credited to its agency, and the entry follows the dispatch: a later version replaces its
title and text, a kill (or a hold) removes it.

The wires app knows nothing of lives (decision 0064: live imports wires, never the
reverse): the desk shows what this module renders through its dispatch-actions hook, and
the ingest tells it about new versions through `dispatch_version_stored` (connected in
LiveConfig.ready()).
"""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kiosque.core.bounds import whole_number
from kiosque.live import services
from kiosque.live.models import LiveEntry, LivePage, LiveState
from kiosque.wires.body import body_blocks
from kiosque.wires.models import ItemStatus, WireItem, WireItemVersion

logger = logging.getLogger(__name__)

DESK_PERMISSION = "wires.access_desk"
# A dispatch that may not be used: its entries leave the live, none is made from it.
UNUSABLE = {ItemStatus.CANCELED, ItemStatus.WITHHELD}
TITLE_LENGTH = 200  # LiveEntry.title
EDIT_ATTEMPTS = 3


def running_lives(user) -> list[LivePage]:
    """The published lives running now that `user` may write, newest first."""
    now = timezone.now()
    lives = (
        LivePage.objects.live()
        .exclude(coverage_start__gt=now)
        .exclude(coverage_end__lte=now)
        .order_by("-first_published_at", "-pk")
    )
    return [live for live in lives if services.may_write(user, live)]


def usable(item: WireItem) -> bool:
    return item.item_type == "text" and item.status not in UNUSABLE


def _headline(version: WireItemVersion) -> str:
    return (version.fields.get("headline") or "").strip()[:TITLE_LENGTH]


def _body(version: WireItemVersion) -> list:
    return body_blocks(version.fields.get("body_html", ""))


def dispatch_actions(request, item: WireItem) -> str:
    """The dispatch page's « Ajouter au direct » section (the wires' dispatch-actions hook):
    the lives it is already in, and a form when a live is running."""
    user = request.user
    if not user.has_perm(DESK_PERMISSION):
        return ""
    entries = list(
        LiveEntry.objects.filter(wire_item=item)
        .exclude(status=LiveEntry.Status.DELETED)
        .select_related("live")
        .order_by("pk")
    )
    lives = running_lives(user) if usable(item) else []
    if not entries and not lives:
        return ""
    return render_to_string(
        "live/admin/wire_desk_action.html",
        {"item": item, "entries": entries, "lives": lives},
        request=request,
    )


@require_POST
def add_dispatch(request, item_id: int):
    """The dispatch as a new entry of the chosen live (once: a second click opens it)."""
    if not request.user.has_perm(DESK_PERMISSION):
        raise PermissionDenied
    item = get_object_or_404(WireItem.objects.select_related("latest_version"), pk=item_id)
    raw_live = request.POST.get("live", "")
    live_id = whole_number(raw_live)  # not a number (or past 64 bits): no live chosen
    live = get_object_or_404(LivePage, pk=live_id) if live_id is not None else None
    if live is None or live.state is not LiveState.RUNNING or not live.live:
        messages.error(request, _("Choose a running live."))
        return redirect(reverse("wires_admin:dispatch", args=[item.pk]))
    if not usable(item) or item.latest_version is None:
        raise PermissionDenied
    composer = reverse("live_admin:composer", args=[live.pk])
    existing = live.entries.filter(wire_item=item).exclude(status=LiveEntry.Status.DELETED).first()
    if existing is not None:
        messages.info(request, _("This dispatch is already an entry of this live: here it is."))
        return redirect(f"{composer}#{existing.anchor}")
    version = item.latest_version
    embargo = version.embargoed_until
    draft = services.EntryDraft(
        body=_body(version),
        title=_headline(version),
        agency_id=item.agency_id,
        wire_item_id=item.pk,
        # Under embargo: scheduled for its end, as an article made from it would be.
        posted_at=embargo if embargo and embargo > timezone.now() else None,
    )
    entry = services.post_entry(live, request.user, draft)  # checks the write permission
    if entry.status == LiveEntry.Status.PENDING:
        messages.success(request, _("Entry waiting for approval"))
    elif entry.posted_at > timezone.now():
        messages.success(request, _("Entry scheduled"))
    else:
        messages.success(request, _("Entry published"))
    return redirect(f"{composer}#{entry.anchor}")


def follow_dispatch(sender, item: WireItem, version: WireItemVersion, created=False, **kwargs):
    """A new version of a dispatch: its live entries take its headline and text; a kill or
    a hold removes them (readers must not keep seeing what the agency withdrew)."""
    if created:
        return
    entries = LiveEntry.objects.filter(wire_item=item).exclude(status=LiveEntry.Status.DELETED)
    for entry in entries.select_related("live"):
        if version.status in UNUSABLE:
            services.delete_entry(entry, None)
        else:
            _update_entry(entry, version)


def _update_entry(entry: LiveEntry, version: WireItemVersion) -> None:
    title, body = _headline(version), _body(version)
    if not title and not body:
        logger.warning("dispatch %s has no text: entry %s kept", version.item_id, entry.pk)
        return
    for _attempt in range(EDIT_ATTEMPTS):
        # The agency's new text replaces the old; what the newsroom chose stays: key
        # event, pinned, time, credit.
        draft = services.EntryDraft(
            body=body,
            title=title,
            is_key=entry.is_key,
            is_pinned=entry.is_pinned,
            author_id=entry.author_id,
            agency_id=entry.agency_id,
        )
        try:
            services.edit_entry(entry, None, draft, from_version=entry.version)
            return
        except services.StaleEntry:
            # A journalist saved it a moment ago: start again from their version.
            entry = LiveEntry.objects.select_related("live").get(pk=entry.pk)
            if entry.status == LiveEntry.Status.DELETED:
                return
    logger.warning("entry %s kept changing: dispatch %s not applied", entry.pk, version.item_id)
