"""The wires app in the Wagtail admin: the desk's address and its menu entry (for the
roles allowed to see it). What editors must know about an article made from a dispatch
is a panel of its edit view (panels.py)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

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
