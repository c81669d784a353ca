"""The wire desk in the Wagtail admin: dispatches, preview, history, make an article.

Who may do what (granted to the newsroom's roles by migration 0003_roles):
`wires.access_desk` to see the desk, `wires.create_article` to make a draft from a
dispatch (and Wagtail's add permission on the section), `wires.apply_version` to bring a
new version into an article (and Wagtail's edit, or publish, permission on it).
"""

from __future__ import annotations

from datetime import timedelta
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks

from kiosque.core.bounds import whole_number
from kiosque.newsroom.models import Agency, SectionPage
from kiosque.wires import articles, selectors
from kiosque.wires.body import body_blocks
from kiosque.wires.events import DISPATCH_ACTIONS_HOOK
from kiosque.wires.models import ItemStatus, WireArticle, WireItem
from kiosque.wires.routing import route


def permission_required(codename: str):
    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not request.user.has_perm(f"wires.{codename}"):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return checked

    return decorator


NEW_FOR_MINUTES = 15
REFRESH_SECONDS = 60  # desk.js reloads the list this often while the tab is visible


@permission_required("access_desk")
def desk(request):
    items = selectors.desk_items(request.GET)
    page = Paginator(items, 50).get_page(request.GET.get("p"))
    # « Nouveau » for what arrived in the last minutes (urgent ones: WireItem.is_urgent).
    new_since = timezone.now() - timedelta(minutes=NEW_FOR_MINUTES)
    page.object_list = list(page.object_list)
    for item in page.object_list:
        item.is_new = item.received_at > new_since
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
            "refresh_seconds": REFRESH_SECONDS,
        },
    )


@permission_required("access_desk")
def dispatch(request, pk: int):
    item = get_object_or_404(WireItem.objects.select_related("agency", "latest_version"), pk=pk)
    version = item.latest_version
    section, topic = route(fields=version.fields, source=item.source)
    user = request.user
    links = []
    for link in item.articles.select_related("article", "applied_version"):
        permissions = link.article.permissions_for_user(user)
        links.append(
            {
                "link": link,
                "pending": selectors.pending_version(link),
                "can_apply": user.has_perm("wires.apply_version") and permissions.can_edit(),
                "can_publish": user.has_perm("wires.apply_version") and permissions.can_publish(),
            }
        )
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
            "can_create": user.has_perm("wires.create_article")
            and item.status not in {ItemStatus.CANCELED, ItemStatus.WITHHELD}
            and item.item_type == "text",
            # Other uses of the dispatch, offered by the apps above wires.
            "other_actions": [
                html
                for action in hooks.get_hooks(DISPATCH_ACTIONS_HOOK)
                if (html := action(request, item))
            ],
        },
    )


@require_POST
@permission_required("create_article")
def create_article(request, pk: int):
    item = get_object_or_404(WireItem, pk=pk)
    if item.status in {ItemStatus.CANCELED, ItemStatus.WITHHELD} or item.item_type != "text":
        raise PermissionDenied
    section = None
    raw_section = request.POST.get("section", "")
    if raw_section:
        # A section that is not an existing section's id is a 404, never the automatic
        # routing: the journalist chose a section, the draft must not land elsewhere.
        section = get_object_or_404(SectionPage, pk=whole_number(raw_section))
    target = section or route(fields=item.latest_version.fields, source=item.source)[0]
    if target is None or not target.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    existing = item.articles.select_related("article").order_by("pk").first()
    if existing is not None and request.POST.get("again") != "1":
        # A second click, or a colleague who got there first: open the article the
        # dispatch already has, unless the journalist asked for another on purpose.
        messages.info(request, _("This dispatch already has an article: here it is."))
        return redirect(reverse("wagtailadmin_pages:edit", args=[existing.article_id]))
    article = articles.article_create_from_item(item=item, section=section)
    return redirect(reverse("wagtailadmin_pages:edit", args=[article.pk]))


@require_POST
@permission_required("apply_version")
def apply_version(request, pk: int):
    """The pending version into the article's draft; with `publish`, published at once
    (an embargo still turns that into a scheduled publication)."""
    link = get_object_or_404(WireArticle.objects.select_related("article", "item"), pk=pk)
    permissions = link.article.permissions_for_user(request.user)
    publish = "publish" in request.POST
    if not permissions.can_edit() or (publish and not permissions.can_publish()):
        raise PermissionDenied
    version = selectors.pending_version(link)
    if version is not None:
        article = articles.article_apply_version(link=link, version=version)
        if publish and articles.item_blocks_publication(link.item) not in {"canceled", "withheld"}:
            articles.article_publish(article=article)
            messages.success(request, _("New version applied and published."))
        else:
            messages.success(request, _("New version applied to the draft: review it and publish."))
    return redirect(reverse("wagtailadmin_pages:edit", args=[link.article_id]))
