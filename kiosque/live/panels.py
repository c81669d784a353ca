"""A link to the live's entry composer at the top of the live page's edit view: the
entries are written there, not in the page's form (posting one publishes no revision)."""

from django.urls import reverse
from wagtail.admin.panels import Panel


class ComposerLinkPanel(Panel):
    @property
    def clean_name(self):
        return "live_composer"

    class BoundPanel(Panel.BoundPanel):
        template_name = "live/admin/composer_link_panel.html"

        def is_shown(self):
            # A live being created has no entries yet: the composer opens once it is saved.
            return bool(getattr(self.instance, "pk", None))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["composer_url"] = reverse("live_admin:composer", args=[self.instance.pk])
            return context
