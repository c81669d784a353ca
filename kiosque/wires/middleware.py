"""Readers asking for an article an agency killed get 410 Gone and a short notice."""

from __future__ import annotations

from django.template.response import TemplateResponse

from kiosque.wires.models import WithdrawnArticle


class WithdrawnArticleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in {"GET", "HEAD"}:
            return response
        path = request.path
        candidates = {path, path.removeprefix("/en") or "/"}
        withdrawn = WithdrawnArticle.objects.filter(path__in=candidates).first()
        if withdrawn is None:
            return response
        gone = TemplateResponse(
            request, "wires/withdrawn.html", {"withdrawn": withdrawn}, status=410
        )
        return gone.render()
