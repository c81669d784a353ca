"""The live app in the Wagtail admin: the composer's addresses, « Directs en cours » in the
menu and on the dashboard, a « Composer » button on a live page, and « Ajouter au direct »
on the wire desk."""

from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button, ListingButton
from wagtail.permission_policies.pages import PagePermissionPolicy

from kiosque.live import admin_urls
from kiosque.wires.events import DISPATCH_ACTIONS_HOOK


def may_write_pages(user) -> bool:
    """Journalists, editors, administrators: whoever may edit pages somewhere."""
    return PagePermissionPolicy().user_has_any_permission(user, ["change", "publish"])


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("direct/", include((admin_urls, "live_admin")))]


class LivesMenuItem(MenuItem):
    def is_shown(self, request):
        return may_write_pages(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return LivesMenuItem(
        _("Live coverage now"), reverse("live_admin:index"), icon_name="time", order=140
    )


class RunningLivesPanel(Component):
    """The lives running or to come, each with its composer, on the dashboard."""

    name = "running_lives"
    order = 15  # after « Nouvel article »: a live is where the news is happening

    def __init__(self, rows):
        self.rows = rows

    def render_html(self, parent_context=None):
        return render_to_string("live/admin/dashboard_panel.html", {"rows": self.rows})


@hooks.register("construct_homepage_panels")
def add_running_lives(request, panels):
    from kiosque.live.admin_views import current_lives

    if not may_write_pages(request.user):
        return
    rows = [row for row in current_lives(request.user) if row[0].live]
    if rows:
        panels.append(RunningLivesPanel(rows))


def _is_live(page) -> bool:
    from kiosque.live.models import LivePage

    specific_class = page.specific_class  # from the content type: no query
    return specific_class is not None and issubclass(specific_class, LivePage)


@hooks.register("register_page_header_buttons")
def composer_header_button(page, user, view_name, next_url=None):
    if _is_live(page) and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Write the live"),
            reverse("live_admin:composer", args=[page.pk]),
            icon_name="time",
            priority=5,
        )


@hooks.register("register_page_listing_buttons")
def composer_listing_button(page, user, next_url=None):
    if _is_live(page) and page.permissions_for_user(user).can_edit():
        yield ListingButton(
            _("Write the live"),
            reverse("live_admin:composer", args=[page.pk]),
            icon_name="time",
            priority=5,
        )


@hooks.register(DISPATCH_ACTIONS_HOOK)
def add_to_live_action(request, item):
    from kiosque.live.wire_desk import dispatch_actions

    return dispatch_actions(request, item)
