"""The discussion app in the Wagtail admin (menu, URLs, dashboard counts, snippets), and
its part of the article page."""

from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kiosque.discussion import admin_urls, policy, selectors
from kiosque.discussion.article_part import add_comments
from kiosque.discussion.models import ThreadOverride, WordRule
from kiosque.newsroom.article_parts import ARTICLE_CONTEXT_HOOK

# The comments on the article page: open or closed, threads, log-in links.
hooks.register(ARTICLE_CONTEXT_HOOK, add_comments)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("moderation/", include((admin_urls, "discussion_admin")))]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return policy.can_moderate(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return ModerationMenuItem(
        _("Moderation"), reverse("discussion_admin:queue"), icon_name="comment", order=250
    )


class QueueCountsPanel(Component):
    name = "moderation_queues"
    order = 50

    def render_html(self, parent_context=None):
        return render_to_string(
            "discussion/admin/dashboard_panel.html", {"counts": selectors.queue_counts()}
        )


@hooks.register("construct_homepage_panels")
def add_queue_counts(request, panels):
    if policy.can_moderate(request.user):
        panels.insert(0, QueueCountsPanel())


class WordRuleViewSet(SnippetViewSet):
    model = WordRule
    icon = "warning"
    menu_label = _("Banned and suspect words")
    list_display = ["word", "kind"]
    list_filter = ["kind"]


class ThreadOverrideViewSet(SnippetViewSet):
    model = ThreadOverride
    icon = "comment"
    menu_label = _("Comment rules for pages")
    list_display = ["page", "moderation_mode", "close_after_days"]


register_snippet(WordRuleViewSet)
register_snippet(ThreadOverrideViewSet)
