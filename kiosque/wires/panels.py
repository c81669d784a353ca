"""What an editor must know about an article made from a dispatch, as a panel at the top
of the article's edit view (it stays there while they work, unlike a one-off message)."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.panels import Panel

from kiosque.wires import selectors
from kiosque.wires.models import ItemStatus, WireArticle, WithdrawnArticle


def dispatch_notices(article_id: int) -> list[dict]:
    """One entry per dispatch the article was made from: what happened to it since."""
    notices = []
    links = WireArticle.objects.filter(article_id=article_id).select_related(
        "item__latest_version", "item__agency", "applied_version"
    )
    for link in links:
        item = link.item
        latest = item.latest_version
        pending = selectors.pending_version(link)
        kill_reason = ""
        if item.status == ItemStatus.CANCELED:
            withdrawn = WithdrawnArticle.objects.filter(article_id=article_id).first()
            kill_reason = withdrawn.reason if withdrawn else latest.fields.get("ednote", "")
        notices.append(
            {
                "item": item,
                "desk_url": reverse("wires_admin:dispatch", args=[item.pk]),
                "killed": item.status == ItemStatus.CANCELED,
                "kill_reason": kill_reason,
                "withheld": item.status == ItemStatus.WITHHELD,
                "embargoed_until": latest.embargoed_until
                if item.status == ItemStatus.EMBARGOED
                else None,
                "correction": bool(link.applied_version and link.applied_version.correction),
                "pending": pending,
                "applied": link.applied_version,
            }
        )
    return notices


class DispatchNoticesPanel(Panel):
    """Added to ArticlePage's content panels by WiresConfig.ready(): the newsroom app
    needs to know nothing about wires."""

    @property
    def clean_name(self):
        return "dispatch_notices"

    class BoundPanel(Panel.BoundPanel):
        template_name = "wires/admin/notices_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            pk = getattr(self.instance, "pk", None)
            self.notices = dispatch_notices(pk) if pk else []

        def is_shown(self):
            return bool(self.notices)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["notices"] = self.notices
            return context
