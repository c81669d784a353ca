"""« Abonnés »: who subscribed to what, and the record of their consent, read-only.

For administrators only (`newsletters.view_subscriber`, granted by migration): the
addresses are personal data, and answering a reader's « what did I consent to, when?
» or a regulator's question is an administrator's task, not the newsroom's. Nothing
is changed here: the records are appended by the sign-up, confirmation and
unsubscription themselves (services.py), never edited.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from kiosque.newsletters.admin_views import forbidden_as_403
from kiosque.newsletters.models import ConsentEvent, Subscriber, Subscription

PERMISSION = "newsletters.view_subscriber"
PER_PAGE = 50
SEARCH_MAX = 254  # the longest address: a longer query matches nothing anyway


def may_see_subscribers(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def _require(request) -> None:
    if not may_see_subscribers(request.user):
        raise PermissionDenied


def _subscriptions():
    return Prefetch(
        "subscriptions",
        queryset=Subscription.objects.select_related("newsletter").order_by("newsletter__name"),
    )


@forbidden_as_403
@never_cache
@require_GET
def subscriber_index(request):
    _require(request)
    query = request.GET.get("q", "").strip()[:SEARCH_MAX]
    subscribers = Subscriber.objects.order_by("-created_at", "-pk").prefetch_related(
        _subscriptions()
    )
    if query:
        subscribers = subscribers.filter(email__icontains=query)
    page = Paginator(subscribers, PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "newsletters/admin/subscribers.html",
        {"page": page, "query": query, "total": page.paginator.count},
    )


@forbidden_as_403
@never_cache
@require_GET
def subscriber_detail(request, pk: int):
    _require(request)
    subscriber = get_object_or_404(Subscriber.objects.prefetch_related(_subscriptions()), pk=pk)
    consents = ConsentEvent.objects.filter(subscriber=subscriber).select_related("newsletter")
    return TemplateResponse(
        request,
        "newsletters/admin/subscriber.html",
        {"subscriber": subscriber, "consents": consents.order_by("at", "pk")},
    )
