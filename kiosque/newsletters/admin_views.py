"""The admin's pages for editions: a digest's preview with approve and hold, the message
itself (framed by those pages), and « Alerte info » with its confirmation step.

Thin views: the editions are made and started by digest.py and alerts.py. The message
is shown as recipients get it (nl_send's `render_edition`), in a frame of its own with
a policy that runs no script and sends no form.
"""

import secrets
from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.defaults import permission_denied
from wagtail.admin.widgets import AdminPageChooser

from kiosque.core.bounds import whole_number
from kiosque.newsletters import alerts
from kiosque.newsletters.models import Delivery, Edition, NewsletterList

# The message's frame: its own styles and remote pictures, nothing that runs or posts.
MESSAGE_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; "
    "frame-ancestors 'self'; form-action 'none'; base-uri 'none'"
)
PROGRESS_ORDER = ("sent", "pending", "sending", "deferred", "failed", "suspended")


def forbidden_as_403(view):
    """A refusal as a 403 page, not Wagtail's redirect to the dashboard."""

    @wraps(view)
    def answer(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as refusal:
            return permission_denied(request, refusal)

    return answer


def _require(request, permission: str) -> None:
    if not (request.user.is_active and request.user.has_perm(permission)):
        raise PermissionDenied


def progress_of(edition: Edition) -> dict:
    """nl_send's counts for an edition whose recipients are listed; {} before that."""
    if edition.prepared_at is None and edition.status not in (
        Edition.Status.SENDING,
        Edition.Status.SENT,
    ):
        return {}
    from kiosque.newsletters.sending import edition_progress

    return edition_progress(edition)


def progress_rows(progress: dict) -> list[tuple[str, int]]:
    labels = {
        "sent": _("sent"),
        "pending": _("pending"),
        "sending": _("being sent"),
        "deferred": _("deferred"),
        "failed": _("failed"),
        "suspended": _("suspended"),
    }
    return [
        (labels[key], progress[key])
        for key in PROGRESS_ORDER
        if isinstance(progress.get(key), int) and progress[key]
    ]


def progress_summary(edition: Edition) -> str:
    # The index attaches the page's counts (page_progress); a lone edition reads its own.
    progress = getattr(edition, "page_progress", None)
    if progress is None:
        progress = progress_of(edition)
    rows = progress_rows(progress)
    if not rows and edition.cancelled_because:
        return edition.get_cancelled_because_display()
    return ", ".join(f"{count} {label}" for label, count in rows) or "—"


def page_progress(editions: list[Edition]) -> None:
    """Attach to each edition of an index page its messages' counts per state, read in
    one query for the page (not one per row)."""
    counts: dict[int, dict[str, int]] = {edition.pk: {} for edition in editions}
    rows = (
        Delivery.objects.filter(edition_id__in=counts)
        .order_by()
        .values_list("edition_id", "status")
        .annotate(count=Count("pk"))
    )
    for edition_id, status, count in rows:
        counts[edition_id][status] = count
    for edition in editions:
        # An edition whose Delivery rows were deleted keeps its counts on itself
        # (nl_send's `delivery_counts`, where the model has it).
        kept = getattr(edition, "delivery_counts", None)
        edition.page_progress = kept if kept is not None else counts[edition.pk]


def _message_response(html: str) -> HttpResponse:
    response = HttpResponse(html)
    response["Content-Security-Policy"] = MESSAGE_POLICY
    response["Cache-Control"] = "private, no-store"
    return response


# --- editions ----------------------------------------------------------------------


@forbidden_as_403
@never_cache
@require_GET
def edition_preview(request, pk: int):
    from kiosque.newsletters.admin_viewsets import is_editable

    _require(request, "newsletters.view_edition")
    edition = get_object_or_404(Edition.objects.select_related("newsletter"), pk=pk)
    progress = progress_of(edition)
    may_change = request.user.has_perm("newsletters.change_edition")
    return TemplateResponse(
        request,
        "newsletters/admin/edition_preview.html",
        {
            "edition": edition,
            "editable": may_change and is_editable(edition),
            "may_approve": may_change
            and is_editable(edition)
            and edition.status != Edition.Status.READY,
            "may_hold": may_change
            and is_editable(edition)
            and edition.status != Edition.Status.HELD,
            "progress": progress_rows(progress),
            "total": sum(progress.values()) if progress else None,
            "articles": edition.articles.select_related("article").order_by("sort_order", "pk"),
        },
    )


@forbidden_as_403
@never_cache
@require_GET
@xframe_options_sameorigin
def edition_message(request, pk: int):
    from kiosque.newsletters.messages import render_edition

    _require(request, "newsletters.view_edition")
    edition = get_object_or_404(Edition.objects.select_related("newsletter"), pk=pk)
    return _message_response(render_edition(edition).html_preview())


def _set_status(request, pk: int, status: str, done: str):
    from kiosque.newsletters.admin_viewsets import is_editable

    _require(request, "newsletters.change_edition")
    with transaction.atomic():
        edition = get_object_or_404(
            Edition.objects.select_for_update().select_related("newsletter"), pk=pk
        )
        if not is_editable(edition):
            messages.error(request, _("This edition has already gone: it can no longer change."))
        else:
            edition.status = status
            edition.save(update_fields=["status"])
            messages.success(request, done % {"subject": edition.subject})
    return redirect("newsletter_editions:preview", pk)


@forbidden_as_403
@require_POST
def edition_approve(request, pk: int):
    return _set_status(
        request, pk, Edition.Status.READY, _("« %(subject)s » is approved: it goes at its time.")
    )


@forbidden_as_403
@require_POST
def edition_hold(request, pk: int):
    return _set_status(
        request, pk, Edition.Status.HELD, _("« %(subject)s » is held: it will not go.")
    )


# --- « Alerte info » ---------------------------------------------------------------


class AlertForm(forms.Form):
    article = forms.IntegerField(
        label=gettext_lazy("Article"),
        widget=AdminPageChooser(target_models=["newsroom.ArticlePage"]),
        help_text=gettext_lazy("A published article: the alert links to it."),
    )
    subject = forms.CharField(
        label=gettext_lazy("Subject"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("The article's title when left empty."),
    )
    newsletters = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Alert lists"),
        queryset=NewsletterList.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lists = alerts.alert_lists()
        self.fields["newsletters"].queryset = lists
        if not self.is_bound:
            self.initial.setdefault("newsletters", list(lists))

    def clean_article(self):
        from kiosque.newsroom.selectors import visible_articles

        pk = whole_number(str(self.cleaned_data["article"]))
        article = visible_articles().filter(pk=pk).first() if pk is not None else None
        if article is None:
            raise ValidationError(_("Choose a published article."))
        return article

    def clean_subject(self):
        return " ".join(self.cleaned_data["subject"].split())


def _compose_page(request, form, status=200):
    return TemplateResponse(
        request, "newsletters/admin/alert_form.html", {"form": form}, status=status
    )


@forbidden_as_403
@never_cache
@require_http_methods(["GET", "POST"])
def alert_compose(request):
    """GET: the form. POST « preview »: the confirmation page. POST « confirm »: send."""
    if not alerts.may_send_alerts(request.user):
        raise PermissionDenied
    if request.method == "GET":
        return _compose_page(request, AlertForm())
    form = AlertForm(request.POST)
    if not form.is_valid():
        return _compose_page(request, form, status=400)
    article = form.cleaned_data["article"]
    subject = form.cleaned_data["subject"] or article.title
    lists = list(form.cleaned_data["newsletters"])
    if request.POST.get("step") == "confirm":
        return _alert_send(request, form, article=article, subject=subject, lists=lists)
    count = alerts.recipients_count(lists)
    return TemplateResponse(
        request,
        "newsletters/admin/alert_confirm.html",
        {
            "form": form,
            "article": article,
            "subject": subject,
            "lists": lists,
            "count": count,
            "question": ngettext(
                "Send to %(count)s subscriber?", "Send to %(count)s subscribers?", count
            )
            % {"count": _grouped(count)},
            # The key of this confirmation: the editions it makes carry it, so that
            # posting this page twice sends once.
            "key": secrets.token_hex(16),
        },
    )


def _grouped(count: int) -> str:
    from django.utils.formats import number_format

    return number_format(count, force_grouping=True)


def _alert_send(request, form, *, article, subject, lists):
    try:
        editions = alerts.alert_send(
            article=article,
            subject=subject,
            newsletters=lists,
            confirmed_by=request.user,
            key=request.POST.get("key", ""),
        )
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return _compose_page(request, form, status=400)
    if editions:
        messages.success(
            request, _("The alert « %(subject)s » is being sent.") % {"subject": subject}
        )
    else:
        messages.warning(request, _("This alert was already sent: it was not sent again."))
    return redirect("newsletter_editions:index")


@forbidden_as_403
@never_cache
@require_GET
@xframe_options_sameorigin
def alert_message(request):
    """The message the confirmation page shows, before any edition exists."""
    from kiosque.newsletters.messages import render_edition
    from kiosque.newsroom.selectors import visible_articles

    if not alerts.may_send_alerts(request.user):
        raise PermissionDenied
    article_pk = whole_number(request.GET.get("article", ""))
    list_pk = whole_number(request.GET.get("list", ""))
    article = get_object_or_404(visible_articles(), pk=article_pk) if article_pk else None
    newsletter = get_object_or_404(alerts.alert_lists(), pk=list_pk) if list_pk else None
    if article is None or newsletter is None:
        return HttpResponse(status=404)
    subject = " ".join(request.GET.get("subject", "").split())[:200] or article.title
    draft = alerts.alert_draft(article=article, subject=subject, newsletter=newsletter)
    return _message_response(render_edition(draft).html_preview())
