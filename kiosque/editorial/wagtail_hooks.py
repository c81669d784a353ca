"""The editorial app in the Wagtail admin: the article editor's autosave rules and its
public credit line (decision 0070), and the readers' error reports.

Error reports, « Signalements d'erreurs »:

A snippet listing, newest first, filtered by status, with the number of new reports in
the menu. Who sees it is the model's view/change permissions, granted to Éditeurs and
Administrateurs by migration 0005 (the roles that publish corrections). Reports come
from readers only: nobody adds one in the admin, and an editor marks one handled or
dismissed, which records who did it and when.
"""

from django.contrib import messages
from django.urls import include, path
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from kiosque.editorial import autosave
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


# --- the article editor (decision 0070) -----------------------------------------------


@hooks.register("register_admin_urls")
def register_admin_urls():
    from kiosque.editorial.credit_preview import credit_line_preview

    urls = [path("ligne-de-credit/", credit_line_preview, name="credit_line")]
    return [path("redaction/", include((urls, "editorial_admin")))]


@hooks.register("before_create_page")
def create_articles_with_something_in_them(request, parent_page, page_class):
    return autosave.autosave_too_early(request, page_class)


@hooks.register("before_edit_page")
def one_revision_per_stretch_of_writing(request, page):
    autosave.coalesce_draft_saves(request, page)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def say_the_address_moved(request, page):
    """The article form gave a never-published article the next free address: say so
    on the page the journalist lands on (an autosave's form is told by its JSON)."""
    posted = request.POST.get("slug", "").strip()
    if not posted or posted == page.slug or not request.accepts("text/html"):
        return
    if Page._slug_is_available(posted, page.get_parent(), page):
        return  # not moved for a clash (a scheduled change of address, for instance)
    messages.info(
        request,
        gettext(
            "The address « %(taken)s » is already used in this section: this article "
            "will be at « %(slug)s »."
        )
        % {"taken": posted, "slug": page.slug},
    )
