"""The wire desk in the Wagtail admin: dispatches, preview, history, make an article."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from kiosque.newsroom.models import Agency, SectionPage
from kiosque.wires import articles, selectors
from kiosque.wires.body import body_blocks
from kiosque.wires.models import ItemStatus, WireArticle, WireItem
from kiosque.wires.routing import route


def desk(request):
    items = selectors.desk_items(request.GET)
    page = Paginator(items, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "wires/admin/desk.html",
        {
            "page": page,
            "agencies": Agency.objects.all(),
            "statuses": ItemStatus.choices,
            "languages": WireItem.objects.order_by("language")
            .values_list("language", flat=True)
            .distinct(),
            "params": request.GET,
        },
    )


def dispatch(request, pk: int):
    item = get_object_or_404(WireItem.objects.select_related("agency", "latest_version"), pk=pk)
    version = item.latest_version
    section, topic = route(fields=version.fields, source=item.source)
    links = [
        {"link": link, "pending": selectors.pending_version(link)}
        for link in item.articles.select_related("article", "applied_version")
    ]
    return TemplateResponse(
        request,
        "wires/admin/dispatch.html",
        {
            "item": item,
            "version": version,
            "blocks": body_blocks(version.fields.get("body_html", "")),
            "pictures": version.pictures.all(),
            "history": selectors.version_history(item),
            "links": links,
            "section": section,
            "topic": topic,
            "sections": SectionPage.objects.order_by("path"),
            "can_create": item.status != ItemStatus.CANCELED
            and item.status != ItemStatus.WITHHELD
            and item.item_type == "text",
        },
    )


@require_POST
def create_article(request, pk: int):
    item = get_object_or_404(WireItem, pk=pk)
    section = None
    if request.POST.get("section", "").isdigit():
        section = get_object_or_404(SectionPage, pk=request.POST["section"])
    target = section or route(fields=item.latest_version.fields, source=item.source)[0]
    if target is None or not target.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    article = articles.article_create_from_item(item=item, section=section)
    return redirect(reverse("wagtailadmin_pages:edit", args=[article.pk]))


@require_POST
def apply_version(request, pk: int):
    link = get_object_or_404(WireArticle.objects.select_related("article", "item"), pk=pk)
    if not link.article.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    version = selectors.pending_version(link)
    if version is not None:
        articles.article_apply_version(link=link, version=version)
        messages.success(request, "Nouvelle version appliquée au brouillon : relisez et publiez.")
    return redirect(reverse("wagtailadmin_pages:edit", args=[link.article_id]))
