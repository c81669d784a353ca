"""The admin's dashboard as a newsroom uses it: start an article in a section, find
one's drafts, see what is scheduled. (The wire desk and the moderation queues add their
own panels; Wagtail's review panels stay.)"""

from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.admin.ui.components import Component

SHOWN = 8


def sections_open_to(user) -> list:
    """The live sections where `user` may create an article, in tree order."""
    from kiosque.newsroom.models import SectionPage

    sections = SectionPage.objects.live().order_by("path").only("id", "title", "path", "depth")
    return [s for s in sections if s.permissions_for_user(user).can_add_subpage()]


def drafts_of(user) -> list:
    """The user's articles with changes not yet published, the latest first."""
    from kiosque.newsroom.models import ArticlePage

    return list(
        ArticlePage.objects.filter(owner=user, has_unpublished_changes=True)
        .order_by("-latest_revision_created_at")
        .only("id", "title", "live", "latest_revision_created_at")[:SHOWN]
    )


def scheduled_articles() -> list:
    """Approved publications still to come: (article, when), soonest first."""
    from wagtail.models import Revision

    from kiosque.newsroom.models import ArticlePage

    revisions = (
        Revision.page_revisions.filter(approved_go_live_at__gt=timezone.now())
        .order_by("approved_go_live_at")
        .values_list("object_id", "approved_go_live_at")[: SHOWN * 2]
    )
    when = {int(object_id): moment for object_id, moment in revisions}
    articles = ArticlePage.objects.filter(pk__in=when).only("id", "title")
    return sorted(((a, when[a.pk]) for a in articles), key=lambda pair: pair[1])[:SHOWN]


class NewsroomPanel(Component):
    name = "newsroom"
    order = 10  # first: where a journalist's morning starts

    def __init__(self, user):
        self.user = user

    def render_html(self, parent_context=None):
        return render_to_string(
            "newsroom/admin/dashboard_panel.html",
            {
                "sections": sections_open_to(self.user),
                "drafts": drafts_of(self.user),
                "scheduled": scheduled_articles(),
            },
        )
