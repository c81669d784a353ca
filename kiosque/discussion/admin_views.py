"""The moderators' workspace in the Wagtail admin: queues, actions, history, audit log.

Thin views: every decision goes through services.comment_moderate / user_sanction,
which check the permission again and write the audit log.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kiosque.core.bounds import whole_number
from kiosque.discussion import moderation_filters, policy, selectors, services
from kiosque.discussion.forms import RejectForm, SanctionForm
from kiosque.discussion.models import Comment, DiscussionSettings, ModerationLog

QUEUES = {
    "pending": (gettext_lazy("Pending"), lambda: Comment.objects.filter(status="pending")),
    "held": (gettext_lazy("Held"), lambda: Comment.objects.filter(status="held")),
    "reported": (gettext_lazy("Reported"), selectors.reported),
    "approved": (gettext_lazy("Approved"), lambda: Comment.objects.filter(status="published")),
    "rejected": (gettext_lazy("Rejected"), lambda: Comment.objects.filter(status="rejected")),
}


def _require_moderator(request) -> None:
    if not policy.can_moderate(request.user):
        raise PermissionDenied


def queue(request, name: str = "pending"):
    _require_moderator(request)
    if name not in QUEUES:
        name = "pending"
    filters = moderation_filters.read_filters(request)
    in_queue = QUEUES[name][1]()
    comments = (
        filters.apply(in_queue)
        .select_related("article", "author__reader_profile", "parent")
        .prefetch_related("reports", "revisions")
    )
    if name in ("approved", "rejected"):
        comments = comments.order_by("-created_at")
    page = Paginator(comments, 25).get_page(request.GET.get("p"))
    here = _here(request, filters, page)
    context = {
        "queues": [(key, label) for key, (label, _query) in QUEUES.items()],
        "current": name,
        "page": page,
        # With filters, each tab counts what it would show with them.
        "counts": selectors.queue_counts(narrow=filters.apply if filters.active else None),
        "reject_presets": _presets(request),
        "filters": filters,
        "article_choices": moderation_filters.article_choices(in_queue, filters.article),
        "rows": _rows(page, filters, here),
        "here": here,
    }
    return TemplateResponse(request, "discussion/admin/queue.html", context)


def _rows(page, filters, here: str) -> list[tuple]:
    """(comment, back, only-this-article query) per row. `back` names the row to select
    once an action on this one has reloaded the page: the next row, or the previous
    for the last; moderation.js selects it, so « a » then « a » works down the list."""
    comments = list(page.object_list)
    rows = []
    for index, comment in enumerate(comments):
        after = comments[index + 1] if index + 1 < len(comments) else None
        before = comments[index - 1] if index else None
        target = after or before
        back = f"{here}#mod-c{target.pk}" if target else here
        rows.append((comment, back, filters.query_with_article(comment.article_id)))
    return rows


def _here(request, filters, page) -> str:
    """This page of the queue with its filters: where each action comes back to."""
    params = filters.params()
    if page.number > 1:
        params["p"] = str(page.number)
    return request.path + (f"?{urlencode(params)}" if params else "")


def _presets(request) -> list[str]:
    # The admin's site's list (the default site's when the admin's host is no site's):
    # one moderation workspace serves every site.
    return DiscussionSettings.for_request(request).rejection_reason_list()


def _back(request, *, stay_on: int | None = None) -> str:
    """Where to go after an action: the queue page it came from, filters kept; only a
    relative path of a queue, never an open redirect. `stay_on`: the comment whose row
    to select again (its action failed), rather than the next one."""
    back = moderation_filters.safe_back(request.POST.get("back", ""))
    if back is None:
        return reverse("discussion_admin:queue")
    if stay_on is not None:
        back = back.split("#", 1)[0] + f"#mod-c{stay_on}"
    return back


def _reject_reason(request) -> str:
    """The preset or typed reason of a rejection; ValidationError with the form's messages."""
    form = RejectForm(request.POST, presets=_presets(request))
    if not form.is_valid():
        raise ValidationError([text for texts in form.errors.values() for text in texts])
    return form.cleaned_data["chosen"]


@require_POST
def act(request, comment_id: int):
    comment = get_object_or_404(Comment, pk=comment_id)
    action = request.POST.get("action", "")
    try:
        services.comment_moderate(
            moderator=request.user,
            comment=comment,
            action=action,
            reason=_reject_reason(request) if action == "reject" else "",
        )
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return redirect(_back(request, stay_on=comment.pk))
    messages.success(request, _("Done: comment #%(id)s.") % {"id": comment.pk})
    return redirect(_back(request))


BULK_ACTIONS = ("approve", "reject")
BULK_MAX = 100  # more than a queue page (25) holds: a forged list cannot run for minutes


@require_POST
def bulk(request):
    """Approve or reject the ticked comments: each one as its single action would be."""
    _require_moderator(request)
    action = request.POST.get("action", "")
    ids = {whole_number(value) for value in request.POST.getlist("comments")}
    if None in ids:
        ids = set()  # a forged or garbled id refuses the batch
    comments = list(Comment.objects.filter(pk__in=ids)) if len(ids) <= BULK_MAX else []
    try:
        if action not in BULK_ACTIONS:
            raise ValidationError(_("Choose to approve or to reject."))
        # One unknown comment refuses the batch: the moderator ticked something else.
        if not ids or len(comments) != len(ids):
            raise ValidationError(
                _("Tick comments of the queue (at most %(max)s).") % {"max": BULK_MAX}
            )
        reason = _reject_reason(request) if action == "reject" else ""
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return redirect(_back(request))
    done = 0
    for comment in comments:
        if action == "reject" and comment.status == Comment.Status.REJECTED:
            continue  # a second rejection would mail its writer again
        try:
            services.comment_moderate(
                moderator=request.user, comment=comment, action=action, reason=reason
            )
            done += 1
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, f"#{comment.pk}: {text}")
    if done:
        messages.success(request, _("Done: %(n)s comments.") % {"n": done})
    return redirect(_back(request))


def reader(request, user_id: int):
    _require_moderator(request)
    target = get_object_or_404(get_user_model(), pk=user_id)
    comments = Comment.objects.filter(author=target).select_related("article")
    totals = comments.aggregate(
        total=Count("id"),
        approved=Count("id", filter=Q(status="published")),
        rejected=Count("id", filter=Q(status="rejected")),
    )
    decided = totals["approved"] + totals["rejected"]
    form = SanctionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_sanction(
                moderator=request.user,
                user=target,
                kind=form.cleaned_data["kind"],
                reason=form.cleaned_data["reason"],
                days=form.cleaned_data["days"],
            )
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        else:
            messages.success(request, _("Sanction recorded and sent to the reader."))
            return redirect("discussion_admin:reader", user_id=target.pk)
    context = {
        "target": target,
        "comments": comments.order_by("-created_at")[:200],
        "totals": totals,
        "approval_rate": round(100 * totals["approved"] / decided) if decided else None,
        "sanctions": target.sanctions.order_by("-created_at"),
        "form": form,
    }
    return TemplateResponse(request, "discussion/admin/reader.html", context)


def audit_log(request):
    _require_moderator(request)
    entries = ModerationLog.objects.select_related("actor", "target", "comment")
    page = Paginator(entries, 50).get_page(request.GET.get("p"))
    return TemplateResponse(request, "discussion/admin/log.html", {"page": page})
