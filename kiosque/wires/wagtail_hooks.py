"""The wires app in the Wagtail admin: the desk's address and its menu entry (for the
roles allowed to see it). What editors must know about an article made from a dispatch
is a panel of its edit view (panels.py)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from kiosque.wires import admin_urls

DESK_PERMISSION = "wires.access_desk"


class DeskMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(DESK_PERMISSION)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("depeches/", include((admin_urls, "wires_admin")))]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return DeskMenuItem(
        _("Wire desk"), reverse("wires_admin:desk"), icon_name="doc-full", order=150
    )


class LatestDispatchesPanel(Component):
    """The latest dispatches on the dashboard, urgent ones marked, for the desk's roles."""

    name = "latest_dispatches"
    order = 20
    shown = 6

    def render_html(self, parent_context=None):
        from django.template.loader import render_to_string

        from kiosque.wires.models import WireItem

        items = WireItem.objects.select_related("agency").order_by("-version_created", "-pk")
        return render_to_string("wires/admin/dashboard_panel.html", {"items": items[: self.shown]})


@hooks.register("construct_homepage_panels")
def add_latest_dispatches(request, panels):
    if request.user.has_perm(DESK_PERMISSION):
        panels.append(LatestDispatchesPanel())
