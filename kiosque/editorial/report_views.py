"""The reader's « Signaler une erreur » pages: the form, then the thanks.

The article page only links here (it is the same cached bytes for every reader): the
form, its CSRF token and its errors live on this private page, never stored by the edge
(edge/middleware.py lists /signaler/ among the private paths).
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from kiosque.editorial.error_reports import ErrorReportForm, check_rate, report_error
from kiosque.newsroom.models import ArticlePage
from kiosque.newsroom.selectors import public_only

# Page ids beyond what the database stores are not looked up (SQLite refuses integers
# past 64 bits outright instead of finding nothing).
MAX_ID = 2**63 - 1


def _private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def _article(article_id: int) -> ArticlePage:
    """An article readers may see, or 404: a report on a draft or a restricted page
    would tell a stranger that it exists."""
    if not 0 < article_id <= MAX_ID:
        raise Http404
    article = public_only(ArticlePage.objects.live()).filter(pk=article_id).first()
    if article is None:
        raise Http404
    return article


def _page(request, article, form, *, status=200, refusal=""):
    context = {"article": article, "form": form, "refusal": refusal}
    return _private(render(request, "editorial/report_page.html", context, status=status))


@require_http_methods(["GET", "HEAD", "POST"])
def report_form(request, article_id: int):
    article = _article(article_id)
    if request.method != "POST":
        return _page(request, article, ErrorReportForm())
    form = ErrorReportForm(request.POST)
    # Every error comes back with the form filled in: the reader never retypes.
    if not form.is_valid():
        return _page(request, article, form, status=400)
    if form.is_robot():
        # Thanked like anyone, so the robot learns nothing; nothing is filed.
        return redirect("editorial_report_sent", article_id=article.pk)
    try:
        check_rate(request, article.pk)
    except ValidationError:
        refusal = _(
            "Many reports have been sent from here in a short time, so this one could "
            "not be sent. Please try again in an hour: your text is still below."
        )
        return _page(request, article, form, status=429, refusal=refusal)
    report_error(article=article, text=form.cleaned_data["text"], email=form.cleaned_data["email"])
    return redirect("editorial_report_sent", article_id=article.pk)


@require_safe
def report_sent(request, article_id: int):
    article = _article(article_id)
    context = {"article": article, "again_url": reverse("editorial_report", args=[article.pk])}
    return _private(render(request, "editorial/report_sent.html", context))
