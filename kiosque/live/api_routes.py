"""The live app's part of the public API: the list of lives, and posting an entry with a
token (the API's one write). Found and added to the API by ApiConfig.ready(), which may
not import this app (decision 0064: the live app imports the API, as distribution.py
does).

The list is public and cached like every other answer (kiosque.api.http): the same
visibility, keyset order and cursor as /articles (a live is an article). A live's state
moves with the clock alone (upcoming → running → ended), so the list says when the next
such change comes and the edge keeps it no longer.

The write goes through kiosque.api.write_http instead: POST only, never cached, in
through kiosque.api.bearer's token alone. It then asks this app's services exactly what
the admin's composer does (the user's edit permission, the live's approval rule): a
token never does more than its user.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.db.models import Min, Q, QuerySet
from django.http import Http404, HttpResponse
from django.utils import timezone
from ninja import Path, Query, Router, Status
from ninja.errors import HttpError

from kiosque.api import live_schemas, schemas
from kiosque.api.api import api
from kiosque.api.bearer import TokenAuth
from kiosque.api.cursor import BadCursor, Position, cursor_decode, cursor_encode
from kiosque.api.endpoints import ERRORS, refuse_unknown_parameters
from kiosque.api.entry_text import paragraph_blocks
from kiosque.api.models import ApiToken
from kiosque.api.queries import ID_FIELD
from kiosque.api.urls_absolute import api_url, page_url
from kiosque.api.write_http import write_operation
from kiosque.edge.keys import add_keys, article_key
from kiosque.edge.middleware import note_next_change
from kiosque.live import services
from kiosque.live.models import LiveEntry, LivePage, LiveState
from kiosque.newsroom.selectors import public_only

router = Router(tags=["lives"])

LIST_PARAMETERS = set(live_schemas.LiveQuery.model_fields)
WRITE_ERRORS = {
    400: schemas.Problem,
    401: schemas.Problem,
    403: schemas.Problem,
    404: schemas.Problem,
    409: schemas.Problem,
    413: schemas.Problem,
    415: schemas.Problem,
    422: schemas.ValidationProblem,
    429: schemas.Problem,
}
NOT_ALLOWED = "this token's user may not write on this live"


# What the list reads


def visible_lives() -> QuerySet:
    return public_only(LivePage.objects.live()).filter(first_published_at__isnull=False)


def _upcoming(now: datetime) -> Q:
    return Q(coverage_start__gt=now)


def _ended(now: datetime) -> Q:
    # As LivePage.state_at: a live not yet started is upcoming, whatever its end says.
    return Q(coverage_end__lte=now) & ~_upcoming(now)


def in_state(lives: QuerySet, state: str | None, now: datetime) -> QuerySet:
    if state == LiveState.UPCOMING:
        return lives.filter(_upcoming(now))
    if state == LiveState.ENDED:
        return lives.filter(_ended(now))
    if state == LiveState.RUNNING:
        return lives.exclude(_upcoming(now)).exclude(_ended(now))
    return lives


def live_page(
    state: str | None, *, now: datetime, after: Position | None, size: int
) -> tuple[list[LivePage], bool]:
    lives = in_state(visible_lives(), state, now)
    if after is not None:
        lives = lives.filter(
            Q(first_published_at__lt=after.published)
            | Q(first_published_at=after.published, id__lt=after.pk)
        )
    rows = list(lives.order_by("-first_published_at", "-id")[: size + 1])
    return rows[:size], len(rows) > size


def next_state_change(now: datetime) -> datetime | None:
    """The next start or end of any visible live: when some live changes state."""
    found = visible_lives().aggregate(
        start=Min("coverage_start", filter=Q(coverage_start__gt=now)),
        end=Min("coverage_end", filter=Q(coverage_end__gt=now)),
    )
    moments = [moment for moment in found.values() if moment is not None]
    return min(moments) if moments else None


def live_item(live: LivePage, *, request, now: datetime) -> dict:
    return {
        "id": live.pk,
        "title": live.title,
        "url": page_url(live, request),
        "api_url": api_url(f"articles/{live.pk}"),
        "entries_url": api_url(f"lives/{live.pk}/entries"),
        "state": live.state_at(now).value,
        "coverage_start": live.coverage_start or live.first_published_at,
        "coverage_end": live.coverage_end,
        "published": live.first_published_at,
    }


def entry_permalink(live: LivePage, entry: LiveEntry, request=None) -> str:
    """The entry's own page, opened at the entry: …/entree/<id>/#entree-<id>."""
    base = page_url(live, request)
    return f"{base}{live.reverse_subpage('live_entry', args=[entry.pk])}#{entry.anchor}"


# The operations


@router.get(
    "/lives",
    response={200: live_schemas.LiveList, **ERRORS},
    summary="Lives (« En direct »), newest first",
)
def live_list(request, query: Query[live_schemas.LiveQuery]):
    """Every published live with its state now, newest first publication, a page at a
    time (follow `next_url` as for /articles). `state` keeps the lives in one state."""
    refuse_unknown_parameters(request, LIST_PARAMETERS)
    try:
        after = cursor_decode(query.cursor) if query.cursor else None
    except BadCursor as error:
        raise HttpError(400, str(error)) from None
    now = timezone.now()
    rows, more = live_page(query.state, now=now, after=after, size=query.page_size)
    # A live's title or times change with a publication of its page, which purges its
    # article key and "api"; its state changes with the clock, which nothing purges.
    # Entries are not listed: an entry posted (its live's key) leaves the list cached.
    add_keys(request, {article_key(live.pk) for live in rows})
    note_next_change(request, next_state_change(now))
    next_cursor = next_url = None
    if more and rows:
        last = rows[-1]
        next_cursor = cursor_encode(Position(published=last.first_published_at, pk=last.pk))
        params = {k: v for k, v in request.GET.items() if k != "cursor"}
        next_url = api_url("lives?" + urlencode({**params, "cursor": next_cursor}))
    return {
        "items": [live_item(live, request=request, now=now) for live in rows],
        "next": next_cursor,
        "next_url": next_url,
    }


@router.post(
    "/lives/{live_id}/entries",
    response={201: live_schemas.EntryCreated, **WRITE_ERRORS},
    auth=TokenAuth(ApiToken.Scope.LIVE),
    url_name=write_operation("live-entry-create"),
    summary="Post an entry on a live (token with the live scope)",
)
def post_live_entry(
    request,
    response: HttpResponse,
    entry: live_schemas.EntryIn,
    live_id: int = Path(..., **ID_FIELD),
):
    """Publishes the entry at once (or leaves it waiting for an editor, when the live
    wants its journalists' entries approved and the token's user is one).

    Send `Authorization: Bearer <token>` and `Content-Type: application/json`. The
    token's user must be allowed to edit the live in the admin; the live must be
    running or upcoming (an ended live answers 409). Answers 201 with the entry's id and
    its public address (also in `Location`). Never cached; each token has its own rate
    limit (429 with Retry-After).
    """
    refuse_unknown_parameters(request)
    live = visible_lives().filter(pk=live_id).first()
    if live is None:
        raise Http404("no such live")
    user = request.auth.user
    if not services.may_write(user, live):
        raise HttpError(403, NOT_ALLOWED)
    if live.state_at(timezone.now()) is LiveState.ENDED:
        raise HttpError(409, "this live has ended: it takes no more entries")
    draft = services.EntryDraft(
        body=paragraph_blocks(entry.text), title=entry.title.strip(), is_key=entry.key
    )
    try:
        created = services.post_entry(live, user, draft)
    except PermissionDenied:  # a permission withdrawn between the check and the write
        raise HttpError(403, NOT_ALLOWED) from None
    permalink = entry_permalink(live, created, request)
    response["Location"] = permalink
    pending = created.status == LiveEntry.Status.PENDING
    return Status(
        201,
        {
            "id": created.pk,
            "status": "pending" if pending else "published",
            "permalink": permalink,
            "live": live.pk,
            "posted_at": created.posted_at,
        },
    )


api.add_router("", router)
