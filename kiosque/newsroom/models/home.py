"""La une: the home page, curated by editors."""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page
from wagtail.url_routing import RouteResult

from kiosque.newsroom import selectors
from kiosque.newsroom.models.http import READ_ONLY_METHODS
from kiosque.newsroom.models.restrictions import ViewRestrictionsFastPath


def front_blocks_since(request):
    """The oldest publication time a section block of la une may show (the newsroom's
    freshness bound), or None when the newsroom set none."""
    from kiosque.newsroom.models.newsroom_settings import NewsroomSettings

    days = NewsroomSettings.for_request(request).front_block_max_age_days
    return timezone.now() - timedelta(days=days) if days else None


class HomePage(ViewRestrictionsFastPath, Page):
    allowed_http_methods = READ_ONLY_METHODS

    lead_story = models.ForeignKey(
        "newsroom.ArticlePage",
        verbose_name=_("lead story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The main story of la une. When empty or withdrawn, the latest article."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead_story"),
        InlinePanel("featured_slots", label=_("Featured article"), max_num=8),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "newsroom/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from wagtail.models import Site

        from kiosque.newsroom.sections import navigation_sections

        # The section blocks follow the navigation: the site's remembered sections.
        site = Site.find_for_request(request)
        sections = (
            navigation_sections(request, site) if site and site.root_page_id == self.pk else None
        )
        context.update(
            selectors.front_page(self, sections=sections, fresh_since=front_blocks_since(request))
        )
        return context

    def route(self, request, path_components):
        # Articles are most of what readers ask for: one query finds one by its whole
        # address, where Wagtail's walk costs two queries per level of the tree.
        # Anything else (sections, sub-routes, 404s) takes Wagtail's way.
        article = selectors.live_article_at(self, path_components)
        if article is not None:
            if article.specific_class is not type(article):
                # A page type built on the article (a live coverage page): its own class
                # serves it, one more query (the content type is cached per process).
                return article.specific.route(request, [])
            return RouteResult(article)
        return super().route(request, path_components)


class HomeFeaturedSlot(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_slots")
    article = models.ForeignKey(
        "newsroom.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("article")]
