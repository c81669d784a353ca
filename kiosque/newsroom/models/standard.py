"""Plain text pages: the newsroom's policies (corrections, ethics, privacy…)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from kiosque.newsroom.models.http import READ_ONLY_METHODS
from kiosque.newsroom.models.restrictions import ViewRestrictionsFastPath


class StandardPage(ViewRestrictionsFastPath, Page):
    allowed_http_methods = READ_ONLY_METHODS

    body = RichTextField(
        _("body"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["newsroom.HomePage", "newsroom.StandardPage"]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    template = "newsroom/standard_page.html"

    class Meta:
        verbose_name = _("text page")
        verbose_name_plural = _("text pages")
