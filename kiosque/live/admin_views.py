"""The live's entry composer in the Wagtail admin: post, edit, pin, approve, delete.

Thin views: every write goes through kiosque.live.services, which checks the permission
again (write = the page's edit permission, approve = its publish permission), raises the
entry's version and purges the live's key on the edge. Posting an entry never touches
the page's revisions: journalists posting at once each write their own row.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kiosque.live import services
from kiosque.live.forms import LiveEntryForm
from kiosque.live.models import LiveEntry, LivePage, LiveState

ENTRIES_PER_PAGE = 50
LISTED_LIVES = 50


def _live_for_writer(request, live_id: int) -> LivePage:
    live = get_object_or_404(LivePage, pk=live_id)
    if not services.may_write(request.user, live):
        raise PermissionDenied
    return live


def _entry_of(live: LivePage, entry_id: int) -> LiveEntry:
    """An entry of this live (a deleted one is gone, as for readers)."""
    return get_object_or_404(
        LiveEntry.objects.exclude(status=LiveEntry.Status.DELETED), pk=entry_id, live=live
    )


def composer_url(live: LivePage) -> str:
    return reverse("live_admin:composer", args=[live.pk])


def current_lives(user) -> list[tuple[LivePage, LiveState]]:
    """Lives not ended yet that `user` may write, running ones first, newest first."""
    now = timezone.now()
    lives = LivePage.objects.exclude(coverage_end__lte=now).order_by("-pk")[: LISTED_LIVES * 2]
    rows = [(live, live.state_at(now)) for live in lives if services.may_write(user, live)]
    # Published and running first, then those to come, then drafts (a stable sort: the
    # newest first within each).
    rows.sort(key=lambda row: (not row[0].live, row[1] is not LiveState.RUNNING))
    return rows[:LISTED_LIVES]


def lives_index(request):
    """« Directs en cours »: the lives a journalist may write, to open their composer."""
    rows = current_lives(request.user)
    return TemplateResponse(request, "live/admin/index.html", {"rows": rows})


def _entries_page(request, live: LivePage):
    entries = (
        live.entries.exclude(status=LiveEntry.Status.DELETED)
        .select_related("author", "agency", "created_by")
        .order_by("-posted_at", "-pk")
    )
    return Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("p"))


def _composer(request, live: LivePage, form: LiveEntryForm, status: int = 200):
    now = timezone.now()
    page = _entries_page(request, live)
    may_approve = services.may_approve(request.user, live)
    return TemplateResponse(
        request,
        "live/admin/composer.html",
        {
            "live": live,
            "state": live.state_at(now),
            "now": now,
            "form": form,
            "page": page,
            "may_approve": may_approve,
            "needs_approval": live.entries_need_approval and not may_approve,
            "pending_count": live.entries.filter(status=LiveEntry.Status.PENDING).count(),
        },
        status=status,
    )


def composer(request, live_id: int):
    live = _live_for_writer(request, live_id)
    if request.method != "POST":
        return _composer(request, live, LiveEntryForm(for_user=request.user))
    form = LiveEntryForm(request.POST, for_user=request.user)
    if not form.is_valid():
        messages.error(request, _("The entry could not be posted: see the errors below."))
        return _composer(request, live, form)
    try:
        entry = services.post_entry(live, request.user, form.draft())
    except ValidationError as error:
        form.add_error(None, error)
        return _composer(request, live, form)
    if entry.status == LiveEntry.Status.PENDING:
        messages.success(request, _("Entry waiting for approval"))
    elif entry.posted_at > timezone.now():
        messages.success(request, _("Entry scheduled"))
    else:
        messages.success(request, _("Entry published"))
    return redirect(composer_url(live))


def _stale_form(request, entry: LiveEntry) -> LiveEntryForm:
    """The writer's text as they sent it, now based on the current version: saving it
    again replaces the colleague's change, on purpose, after seeing it."""
    data = request.POST.copy()
    data["version"] = str(entry.version)
    form = LiveEntryForm(data, instance=entry, editing=True, for_user=request.user)
    form.is_valid()
    return form


def edit_entry(request, live_id: int, entry_id: int):
    live = _live_for_writer(request, live_id)
    entry = _entry_of(live, entry_id)
    context = {"live": live, "entry": entry, "current": None}
    if request.method != "POST":
        initial = {"version": entry.version}
        context["form"] = LiveEntryForm(
            instance=entry, initial=initial, editing=True, for_user=request.user
        )
        return TemplateResponse(request, "live/admin/edit_entry.html", context)
    form = LiveEntryForm(request.POST, instance=entry, editing=True, for_user=request.user)
    if form.is_valid():
        try:
            services.edit_entry(
                entry, request.user, form.draft(), from_version=form.cleaned_data["version"]
            )
        except services.StaleEntry:
            entry = _entry_of(live, entry_id)
            messages.error(
                request,
                _(
                    "Someone saved this entry while you were editing it: your text was not "
                    "saved, it is still below. Compare it with the current entry, then save "
                    "again to replace it."
                ),
            )
            context.update(entry=entry, current=entry, form=_stale_form(request, entry))
            return TemplateResponse(request, "live/admin/edit_entry.html", context, status=409)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Entry saved"))
            return redirect(composer_url(live) + f"#{entry.anchor}")
    messages.error(request, _("The entry could not be saved: see the errors below."))
    context["form"] = form
    return TemplateResponse(request, "live/admin/edit_entry.html", context)


@require_POST
def pin_entry(request, live_id: int, entry_id: int):
    live = _live_for_writer(request, live_id)
    entry = _entry_of(live, entry_id)
    pinned = request.POST.get("pinned") == "1"
    services.set_pinned(entry, request.user, pinned)
    messages.success(request, _("Entry pinned") if pinned else _("Entry unpinned"))
    return redirect(composer_url(live) + f"#{entry.anchor}")


@require_POST
def approve_entry(request, live_id: int, entry_id: int):
    live = _live_for_writer(request, live_id)
    entry = _entry_of(live, entry_id)
    if entry.status == LiveEntry.Status.PENDING:
        services.approve_entry(entry, request.user)
        messages.success(request, _("Entry approved: readers see it"))
    return redirect(composer_url(live) + f"#{entry.anchor}")


def delete_entry(request, live_id: int, entry_id: int):
    """A confirmation page, then the deletion (POST)."""
    live = _live_for_writer(request, live_id)
    entry = _entry_of(live, entry_id)
    if request.method == "POST":
        services.delete_entry(entry, request.user)
        messages.success(request, _("Entry deleted"))
        return redirect(composer_url(live))
    return TemplateResponse(request, "live/admin/delete_entry.html", {"live": live, "entry": entry})
