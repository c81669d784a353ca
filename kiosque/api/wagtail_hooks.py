"""The API app in the Wagtail admin: « Jetons d'API », from the account page."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from kiosque.api import admin_urls
from kiosque.api.admin_views import may_open


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("jetons-api/", include((admin_urls, "api_admin")))]


@hooks.register("register_account_menu_item")
def api_tokens_menu_item(request):
    if not may_open(request.user):
        return None
    return {
        "url": reverse("api_admin:tokens"),
        "label": _("API tokens"),
        "help_text": _("Let a program post live entries in your name; revoke its access."),
    }
