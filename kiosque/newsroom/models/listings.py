"""Pages that list articles: rubriques (sections), dossiers (topics) and authors."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from kiosque.newsroom import selectors
from kiosque.newsroom.models.http import READ_ONLY_METHODS
from kiosque.newsroom.models.restrictions import ViewRestrictionsFastPath

ARTICLES_PER_PAGE = 20


class ArticleListingPage(ViewRestrictionsFastPath, Page):
    """A page whose body is a paginated list of visible articles."""

    allowed_http_methods = READ_ONLY_METHODS

    class Meta:
        abstract = True

    def listed_articles(self):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = selectors.paginate(
            request, self.listed_articles(), per_page=ARTICLES_PER_PAGE
        )
        return context


class SectionPage(ArticleListingPage):
    """A rubrique (Monde, Politique…); sections nest: Monde > Europe."""

    intro = models.TextField(_("introduction"), blank=True)
    show_in_navigation = models.BooleanField(
        _("show in the site header"),
        default=True,
        help_text=_("Top-level sections with this ticked appear in the header menu."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = [*Page.promote_panels, FieldPanel("show_in_navigation")]
    parent_page_types = ["newsroom.HomePage", "newsroom.SectionPage"]
    subpage_types = ["newsroom.SectionPage", "newsroom.ArticlePage"]
    template = "newsroom/section_page.html"

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def listed_articles(self):
        return selectors.articles_in_section(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subsections"] = selectors.visible_children(self, SectionPage)
        from kiosque.newsroom.article_view import breadcrumb

        context["breadcrumb"] = breadcrumb(self, request)
        return context


class TopicIndexPage(ViewRestrictionsFastPath, Page):
    """The list of dossiers, at /dossiers/."""

    allowed_http_methods = READ_ONLY_METHODS
    parent_page_types = ["newsroom.HomePage"]
    subpage_types = ["newsroom.TopicPage"]
    max_count = 1
    template = "newsroom/topic_index_page.html"

    class Meta:
        verbose_name = _("topic index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = selectors.visible_children(self, TopicPage)
        return context


class TopicPage(ArticleListingPage):
    """A dossier: a running story such as « Crise en Ukraine »."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["newsroom.TopicIndexPage"]
    subpage_types = []
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    template = "newsroom/topic_page.html"

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def listed_articles(self):
        return selectors.articles_in_topic(self)


class AuthorIndexPage(ViewRestrictionsFastPath, Page):
    allowed_http_methods = READ_ONLY_METHODS

    parent_page_types = ["newsroom.HomePage"]
    subpage_types = ["newsroom.AuthorPage"]
    max_count = 1
    template = "newsroom/author_index_page.html"

    class Meta:
        verbose_name = _("author index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = selectors.visible_children(self, AuthorPage)
        return context


class AuthorPage(ArticleListingPage):
    """A journalist of the newsroom; the page title is their name."""

    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    biography = RichTextField(_("biography"), features=["bold", "italic", "link"], blank=True)
    photo = models.ForeignKey(
        "newsroom.NewsImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("job_title"),
        FieldPanel("biography"),
        FieldPanel("photo"),
    ]
    parent_page_types = ["newsroom.AuthorIndexPage"]
    subpage_types = []
    template = "newsroom/author_page.html"

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def listed_articles(self):
        return selectors.articles_by_author(self)
