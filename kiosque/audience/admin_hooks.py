"""The audience page in the Wagtail admin: its URLs and its menu item.

Registered from AudienceConfig.ready() rather than wagtail_hooks.py, which holds the
counting's own hook: the two parts of the app stay in their own files.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from kiosque.audience import admin_urls
from kiosque.audience.admin_views import may_see_audience


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("audience/", include((admin_urls, "audience_admin")))]


class AudienceMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_audience(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return AudienceMenuItem(
        _("Audience"), reverse("audience_admin:index"), icon_name="view", order=270
    )
