"""The readers' error reports in the Wagtail admin: « Signalements d'erreurs ».

A snippet listing, newest first, filtered by status, with the number of new reports in
the menu. Who sees it is the model's view/change permissions, granted to Éditeurs and
Administrateurs by migration 0005 (the roles that publish corrections). Reports come
from readers only: nobody adds one in the admin, and an editor marks one handled or
dismissed, which records who did it and when.
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from kiosque.editorial.error_reports import record_handling
from kiosque.editorial.models import ErrorReport


class ErrorReportPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, but never « add »: a report is a reader's, not the
    newsroom's. (Deleting stays with whoever holds delete_errorreport: superusers, for
    a reader who asks that their e-mail address be erased.)"""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "add"])


register_permission_policy(ErrorReport, ErrorReportPermissionPolicy(ErrorReport))


class ErrorReportEditView(EditView):
    def save_instance(self):
        record_handling(self.form.instance, user=self.request.user)
        return super().save_instance()


class ErrorReportViewSet(SnippetViewSet):
    model = ErrorReport
    icon = "warning"
    menu_label = _("Error reports")
    menu_name = "error-reports"
    menu_order = 260  # after « Moderation »
    add_to_admin_menu = True
    list_display = ["__str__", "article", "status", "created_at", "handled_by"]
    list_filter = ["status"]
    ordering = ["-created_at", "-pk"]
    edit_view_class = ErrorReportEditView
    panels = [
        FieldPanel("article", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("text", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("status"),
        FieldPanel("handled_by", read_only=True),
        FieldPanel("handled_at", read_only=True),
    ]

    @cached_property
    def menu_item_class(self):
        base = super().menu_item_class

        class WithNewCount(base):
            """« Error reports (3) »: the reports nobody has looked at yet."""

            def render_component(self, request):
                component = super().render_component(request)
                new = ErrorReport.objects.filter(status=ErrorReport.Status.NEW).count()
                if new:
                    component.label = f"{self.label} ({new})"
                return component

        return WithNewCount


register_snippet(ErrorReportViewSet)
