"""The reader search page: /recherche/ (French) and /en/recherche/ (English interface).

A GET form, no cookie, no CSRF token: the same URL gives every reader the same page,
so an edge cache may share it.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone

from kiosque.core.bounds import whole_number
from kiosque.newsroom.models import NewsroomSettings, SectionPage
from kiosque.newsroom.selectors import MAX_PAGE_PARAMETER_LENGTH, public_only
from kiosque.search.forms import SearchForm
from kiosque.search.selectors import MAX_PAGES, parse_query, search_articles


def _page_number(request) -> int:
    raw = request.GET.get("page", "1")
    number = whole_number(raw, maximum=MAX_PAGES) if len(raw) <= MAX_PAGE_PARAMETER_LENGTH else None
    if not number:  # None, or 0
        raise Http404("No such page")
    return number


def search(request):
    newsroom = NewsroomSettings.for_request(request)
    timezone.activate(newsroom.zone)  # dates of results as on every reader page
    sections = public_only(SectionPage.objects.live()).order_by("path")
    form = SearchForm(request.GET, sections=sections)
    context = {"form": form, "newsroom": newsroom, "results_page": None, "no_words": False}
    if not form.is_valid():
        return TemplateResponse(request, "search/search.html", context, status=400)

    query = form.cleaned_data["q"]
    match = parse_query(query) if query else None
    context["no_words"] = bool(query) and match is None
    if match is None:
        return TemplateResponse(request, "search/search.html", context)

    page_number = _page_number(request)
    results_page = search_articles(
        match=match,
        filters=form.filters(newsroom.zone),
        page_number=page_number,
        now=timezone.now(),
    )
    if page_number > results_page.num_pages:
        raise Http404("No such page")
    context.update(
        results_page=results_page,
        query_string=_without_page(request),
        sections=[s for s in sections if s.depth == 3],
    )
    return TemplateResponse(request, "search/search.html", context)


def _without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
