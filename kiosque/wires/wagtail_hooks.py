"""The wires app in the Wagtail admin: the desk, and what editors must know about an
article made from a dispatch (new version, correction, kill, embargo)."""

from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from kiosque.wires import admin_urls, selectors
from kiosque.wires.models import ItemStatus, WireArticle, WithdrawnArticle


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("depeches/", include((admin_urls, "wires_admin")))]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return MenuItem(_("Wire desk"), reverse("wires_admin:desk"), icon_name="doc-full", order=150)


@hooks.register("before_edit_page")
def dispatch_notices(request, page):
    if request.method != "GET":
        return None
    for link in WireArticle.objects.filter(article_id=page.pk).select_related(
        "item__latest_version", "applied_version"
    ):
        item = link.item
        desk_url = reverse("wires_admin:dispatch", args=[item.pk])
        if item.status == ItemStatus.CANCELED:
            withdrawn = WithdrawnArticle.objects.filter(article_id=page.pk).first()
            reason = withdrawn.reason if withdrawn else ""
            messages.error(
                request,
                format_html(
                    "Dépêche annulée par l'agence : article retiré. {} <a href='{}'>Voir</a>",
                    reason,
                    desk_url,
                ),
            )
            continue
        if item.status == ItemStatus.EMBARGOED:
            messages.warning(
                request,
                f"Sous embargo jusqu'au {item.latest_version.embargoed_until:%d/%m/%Y %H:%M} "
                "(UTC) : la publication sera programmée à cette heure.",
            )
        if link.applied_version and link.applied_version.correction:
            messages.warning(request, "Cette dépêche est un rectificatif (correction).")
        pending = selectors.pending_version(link)
        if pending is not None:
            messages.info(
                request,
                format_html(
                    "Nouvelle version disponible (v{}{}). <a href='{}'>Voir les différences "
                    "et l'appliquer</a>",
                    pending.version_key,
                    ", rectificatif" if pending.correction else "",
                    desk_url,
                ),
            )
    return None
