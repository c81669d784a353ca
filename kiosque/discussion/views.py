"""Reader-facing comment views: the full thread page, the personal fragment, actions.

The article page itself is public and cacheable; everything personal (form, account
bar, liked state) comes from here, always `Cache-Control: private, no-store`.
"""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kiosque.core.bounds import whole_number
from kiosque.core.unavailable import keeps_text_when_unavailable
from kiosque.discussion import policy, selectors, services, threads
from kiosque.discussion.closing import closed_reason, comments_are_open
from kiosque.discussion.forms import CommentForm, ReportForm
from kiosque.discussion.models import Comment
from kiosque.discussion.public import localised
from kiosque.discussion.text import render_body
from kiosque.newsroom.models import ArticlePage
from kiosque.newsroom.selectors import public_only
from kiosque.readers.access import reader_login_required


def _private(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def _article(article_id: int) -> ArticlePage:
    article = public_only(ArticlePage.objects.live()).filter(pk=article_id).first()
    if article is None:
        raise Http404
    return article


def _comment(comment_id: int) -> Comment:
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=comment_id)
    if not comment.article.live:
        raise Http404
    return comment


def _thread_url(article_id: int, anchor: str = "") -> str:
    url = reverse("discussion:thread", args=[article_id])
    return f"{url}#{anchor}" if anchor else url


def _errors(request, error: Exception) -> None:
    text = error.messages if isinstance(error, ValidationError) else [str(error)]
    for message in text:
        messages.error(request, message)


def personal_context(request, article) -> dict:
    user = request.user
    days = threads.closing_days(article, request)
    is_open = comments_are_open(article, timezone.now(), days)
    context = {
        "article": article,
        "comments_open": is_open,
        "closed_reason": "" if is_open else closed_reason(article, days),
        "refusal": policy.posting_refusal(user) if user.is_authenticated else None,
        "form": CommentForm(),
        "awaiting": [],
        "liked": set(),
        "can_moderate": policy.can_moderate(user),
        # « Modifier » is offered only while the edit window is open (services.comment_edit).
        "editable_since": timezone.now()
        - timedelta(minutes=threads.site_settings(article, request).edit_window_minutes),
    }
    if user.is_authenticated:
        draft = (
            request.session.pop("discussion_draft", "")
            if "discussion_draft" in request.session
            else ""
        )
        if draft:
            context["form"] = CommentForm(initial={"body": draft})
        context["awaiting"] = selectors.awaiting_for(user=user, article_id=article.pk)
        context["liked"] = selectors.liked_ids(user=user, article_id=article.pk)
    return context


@require_GET
def thread(request, article_id: int):
    """The whole discussion of an article, usable without JavaScript."""
    article = _article(article_id)
    config = threads.site_settings(article, request)
    sort = request.GET.get("tri", "newest")
    page = selectors.thread_page(
        article_id=article.pk, sort=sort, cursor=request.GET.get("apres", ""), size=config.page_size
    )
    reply_to = None
    if (reply_id := whole_number(request.GET.get("repondre"))) is not None:
        reply_to = Comment.objects.filter(
            pk=reply_id, article=article, status=Comment.Status.PUBLISHED
        ).first()
    context = {
        **personal_context(request, article),
        "page": page,
        "picks": selectors.editors_picks(article_id=article.pk)
        if not request.GET.get("apres")
        else [],
        "count": selectors.comment_count(article_id=article.pk),
        "reply_to": reply_to,
        "max_depth": config.max_depth,
    }
    return _private(render(request, "discussion/thread_page.html", context))


@require_GET
def fragment(request, article_id: int):
    """The reader's own part of the article page, fetched by comments.js."""
    article = _article(article_id)
    if not request.user.is_authenticated:
        return _private(HttpResponse(status=204))
    response = render(request, "discussion/fragment.html", personal_context(request, article))
    return _private(response)


@reader_login_required
@require_POST
# The database down: the 503 page gives the reader their text back, ready to post again.
@keeps_text_when_unavailable("body", "parent", "origine")
def post(request, article_id: int):
    article = _article(article_id)
    raw_parent = request.POST.get("parent", "")
    if raw_parent and whole_number(raw_parent) is None:
        # The form's hidden field holds a comment's id: anything else was not sent by it.
        raise BadRequest("parent is not a comment id")
    form = CommentForm(request.POST)
    if not form.is_valid():
        _errors(request, ValidationError(_("Write something before posting.")))
        return redirect(_thread_url(article.pk, "comment-form"))
    parent = None
    if form.cleaned_data["parent"]:
        parent = Comment.objects.filter(pk=form.cleaned_data["parent"]).first()
        if parent is None:
            _errors(request, ValidationError(_("This comment can no longer be answered.")))
            return redirect(_thread_url(article.pk))
    try:
        comment = services.comment_post(
            user=request.user, article=article, body=form.cleaned_data["body"], parent=parent
        )
    except (ValidationError, PermissionDenied) as error:
        _errors(request, error)
        # Keep the text: the reader must not lose what they wrote.
        request.session["discussion_draft"] = form.cleaned_data["body"][:4000]
        return redirect(_thread_url(article.pk, "comment-form"))
    published = comment.status == Comment.Status.PUBLISHED
    if published:
        messages.success(request, _("Your comment is published."))
    else:
        messages.info(request, _("Your comment will appear once a moderator has approved it."))
    anchor = f"c{comment.pk}" if published else "comments-title"
    if request.POST.get("origine") == "article":
        # Posted from the article page: back to the article, at the comment.
        return redirect(f"{localised(article.url, get_language())}#{anchor}")
    return redirect(_thread_url(article.pk, f"c{comment.pk}"))


@reader_login_required
@keeps_text_when_unavailable("body")
def edit(request, comment_id: int):
    comment = _comment(comment_id)
    if comment.author_id != request.user.pk:
        raise PermissionDenied
    form = CommentForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_edit(
                user=request.user, comment=comment, body=form.cleaned_data["body"]
            )
        except (ValidationError, PermissionDenied) as error:
            _errors(request, error)
        else:
            messages.success(request, _("Your comment is updated."))
            return redirect(_thread_url(comment.article_id, f"c{comment.pk}"))
    context = {"comment": comment, "form": form, "article": comment.article}
    return _private(render(request, "discussion/edit_page.html", context))


@reader_login_required
@require_POST
def delete(request, comment_id: int):
    comment = _comment(comment_id)
    services.comment_delete(user=request.user, comment=comment)
    messages.success(request, _("Your comment is deleted."))
    return redirect(_thread_url(comment.article_id, f"c{comment.pk}"))


@reader_login_required
@require_POST
def like(request, comment_id: int):
    """Like or unlike. comments.js asks for JSON and updates the page in place; a plain
    form post (no JavaScript) comes back to the comment on the full page."""
    comment = _comment(comment_id)
    wants_json = "application/json" in request.headers.get("Accept", "")
    try:
        liked = services.comment_like_toggle(user=request.user, comment=comment)
    except (ValidationError, PermissionDenied) as error:
        if wants_json:
            text = error.messages if isinstance(error, ValidationError) else [str(error)]
            status = 429 if getattr(error, "code", "") == "rate" else 403
            return _private(JsonResponse({"error": " ".join(text)}, status=status))
        _errors(request, error)
    else:
        if wants_json:
            count = Comment.objects.values_list("like_count", flat=True).get(pk=comment.pk)
            return _private(JsonResponse({"liked": liked, "count": count}))
    return redirect(_thread_url(comment.article_id, f"c{comment.pk}"))


@reader_login_required
def report(request, comment_id: int):
    comment = _comment(comment_id)
    if comment.status != Comment.Status.PUBLISHED:
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_report(user=request.user, comment=comment, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            _errors(request, error)
        else:
            messages.success(
                request,
                _("Thank you. A moderator will review this comment and tell you the outcome."),
            )
            return redirect(_thread_url(comment.article_id, f"c{comment.pk}"))
    context = {
        "comment": comment,
        "form": form,
        "article": comment.article,
        "body": render_body(comment.body),
    }
    return _private(render(request, "discussion/report_page.html", context))
