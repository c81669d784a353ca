"""The public corrections page: every « Rectificatif » of the site, newest first."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from kiosque.editorial.selectors import public_corrections
from kiosque.newsroom.models import NewsroomSettings
from kiosque.newsroom.selectors import paginate

CORRECTIONS_PER_PAGE = 20


@require_safe
def corrections_list(request):
    newsroom = NewsroomSettings.for_request(request)
    # Dates in the newsroom's zone, as on articles (reset by NewsroomTimeZoneMiddleware).
    timezone.activate(newsroom.zone)
    listing = paginate(request, public_corrections(), CORRECTIONS_PER_PAGE)
    policy = newsroom.corrections_page
    # Its text introduces the list only while readers may see the page itself.
    if policy is None or not policy.live or policy.get_view_restrictions().exists():
        policy = None
    else:
        policy = policy.specific
    return render(
        request,
        "editorial/corrections.html",
        {"listing": listing, "policy": policy, "newsroom": newsroom},
    )
