"""Operational endpoints and the site-wide error pages."""

import logging
import sys

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from kiosque.core import replicas
from kiosque.core.unavailable import database_unavailable, unavailable_response

logger = logging.getLogger(__name__)


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """For the edges and load balancers: can this host serve pages?

    200 "ok" when the primary answers and takes writes; 200 "read-only" when only a
    replica answers (or the primary is a standby): reader pages still work, so the edges
    keep sending misses here; 503 when no database answers. Each check gives up after
    the connect timeout (2 s, settings.environment).
    """
    primary = replicas.primary_health()
    if primary == "ok":
        return JsonResponse({"status": "ok", "database": "ok"})
    if primary == "read-only" or replicas.some_replica_answers():
        return JsonResponse({"status": "ok", "database": "read-only"})
    logger.error("Health check: no database answers")
    return JsonResponse({"status": "error", "database": "unavailable"}, status=503)


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this while handling the exception: a database that is away or
    # read-only is a 503 with Retry-After, not a server error (core/unavailable.py).
    if database_unavailable(sys.exc_info()[1]):
        replicas.forget_replicas()  # measure again: a replica may be what went
        return unavailable_response(request)
    # No context processors that touch the database: the error may be the database.
    from django.template import loader

    template = loader.get_template("errors/500.html")
    return HttpResponse(template.render({"request": request}), status=500)


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "errors/400.html", status=400)
