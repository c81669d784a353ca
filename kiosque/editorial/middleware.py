"""Readers asking for an article that was taken down get 410 Gone and a short notice.

Whatever took it down (an editor, an agency kill, its expiry date), Wagtail no longer
routes to the page and answers 404; this middleware turns that 404 into a 410 when a
withdrawal was recorded at the address. A page never published has none: still a 404.
"""

from __future__ import annotations

from django.template.response import TemplateResponse
from django.utils import timezone

from kiosque.editorial.selectors import withdrawal_for_path

# Short: the article may come back (republished after a fix), and the edge should
# then learn it within a minute; long enough to absorb a burst of readers.
GONE_CACHE_CONTROL = "public, max-age=60, s-maxage=60"


class WithdrawnArticleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in {"GET", "HEAD"}:
            return response
        withdrawal = withdrawal_for_path(request.path)
        if withdrawal is None:
            return response
        return gone_response(request, withdrawal)


def gone_response(request, withdrawal) -> TemplateResponse:
    from kiosque.newsroom.models import NewsroomSettings

    zone = NewsroomSettings.for_request(request).zone
    response = TemplateResponse(
        request,
        "editorial/withdrawn.html",
        {
            "withdrawal": withdrawal,
            "withdrawn_on": timezone.localtime(withdrawal.withdrawn_at, zone),
        },
        status=410,
    )
    response.render()
    response["Cache-Control"] = GONE_CACHE_CONTROL
    return response
