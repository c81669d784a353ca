"""The article: the page the whole product exists to serve."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, ShowInMenusMixin
from wagtail.search import index

from kiosque.core.prepared import prepare_foreign_key
from kiosque.newsroom.blocks import ArticleBodyBlock
from kiosque.newsroom.models.http import READ_ONLY_METHODS
from kiosque.newsroom.models.restrictions import ViewRestrictionsFastPath
from kiosque.newsroom.text.dateline import dateline_with_dash


class ArticleType(models.TextChoices):
    INFO = "info", _("News")
    ANALYSE = "analyse", _("Analysis")
    OPINION = "opinion", _("Opinion")
    ENTRETIEN = "entretien", _("Interview")
    VRAI_OU_FAUX = "vrai-ou-faux", _("Fact check")
    # Set by the live coverage page itself (kiosque.live), never chosen in the form: the
    # cards and the front page read the label from this column, so a live that ends
    # changes its label without any listing having to look at the live's own table.
    LIVE = "direct", pgettext_lazy("article type", "Live")
    LIVE_ENDED = "direct-termine", pgettext_lazy("article type", "Live ended")


class ArticlePage(ViewRestrictionsFastPath, Page):
    allowed_http_methods = READ_ONLY_METHODS

    topic = models.ForeignKey(
        "newsroom.TopicPage",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_("The running story (dossier) shown before the title."),
    )
    article_type = models.CharField(
        _("article type"), max_length=20, choices=ArticleType.choices, default=ArticleType.INFO
    )
    standfirst = models.TextField(
        _("standfirst"), help_text=_("The chapô: one short paragraph under the title.")
    )
    dateline = models.CharField(
        _("dateline"),
        max_length=120,
        blank=True,
        help_text=_("Where the story was reported from, e.g. « WILMINGTON (Etats-Unis) – »."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    language = models.CharField(
        _("language of the article"),
        max_length=8,
        default="fr",
        help_text=_("Articles keep their own language whatever the interface language."),
    )

    lead_image = models.ForeignKey(
        "newsroom.NewsImage",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("lead image alternative text"),
        max_length=300,
        blank=True,
        help_text=_("Required unless the image has a description. Say what the picture shows."),
    )
    lead_image_caption = models.CharField(
        _("lead image caption"),
        max_length=400,
        blank=True,
        help_text=_("Leave empty to use the image's own caption."),
    )
    lead_image_credit = models.CharField(
        _("lead image credit"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to build it from the image: (Photographer / Source / Agency)."),
    )

    agencies = ParentalManyToManyField(
        "newsroom.Agency",
        verbose_name=_("agencies"),
        blank=True,
        related_name="articles",
        help_text=_("Credited as « Article rédigé par <newsroom> avec AFP »."),
    )
    comments_enabled = models.BooleanField(_("comments enabled"), default=True)
    minor_change = models.BooleanField(
        _("minor change"),
        default=False,
        help_text=_(
            "Tick for a typo fix: this publication will not show « Mis à jour ». "
            "Unticked again after each publication."
        ),
    )
    update_note = models.CharField(
        _("public update note"),
        max_length=200,
        blank=True,
        help_text=_(
            "Shown to readers with « Mis à jour » (for example « ajout de la réaction du "
            "Kremlin »). Leave empty for an ordinary update."
        ),
    )
    noindex = models.BooleanField(
        _("hide from search engines"),
        default=False,
        help_text=_("Adds « noindex » to the page and leaves it out of every sitemap."),
    )
    # When readers are told « Mis à jour le … »: kept by the publication log
    # (kiosque.newsroom.publications), never edited by hand.
    major_update_at = models.DateTimeField(null=True, blank=True, editable=False)

    content_panels = [
        FieldPanel("article_type"),
        FieldPanel("topic"),
        *Page.content_panels,
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                InlinePanel("article_authors", label=_("Author")),
                FieldPanel("agencies"),
                FieldPanel("dateline"),
            ],
            heading=_("Credits"),
        ),
        # Public « Rectificatif » notes (kiosque.editorial.models.Correction).
        InlinePanel("corrections", label=_("Correction"), heading=_("Corrections")),
    ]
    settings_panels = [
        *Page.settings_panels,
        FieldPanel("language"),
        FieldPanel("comments_enabled"),
        FieldPanel("minor_change"),
        FieldPanel("update_note"),
    ]
    # No menu lists articles (the header lists sections, by SectionPage.show_in_navigation):
    # Wagtail's « Faire apparaître dans les menus » would be a checkbox that does nothing.
    promote_panels = [
        *(panel for panel in Page.promote_panels if panel not in ShowInMenusMixin.promote_panels),
        FieldPanel("noindex"),
    ]

    parent_page_types = ["newsroom.SectionPage"]
    subpage_types = []
    template = "newsroom/article_page.html"
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("article_type"),
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    # The dateline's dash (« BREST (Finistère) – ») is added here, on write, rather than
    # by each writer (admin form, wire desk and auto-publish, demo, page copies) or each
    # reader (page, API, ninjs `located`, JSON-LD): the stored value is then right for
    # all. save() is what every stored row goes through, drafts included (Wagtail saves
    # a draft without clean()). clean() is needed too: a revision, what the editor sees
    # and what a publication copies, is made after full_clean() without calling save().
    def save(self, *args, **kwargs):
        self._dateline_normalise()
        return super().save(*args, **kwargs)

    def _dateline_normalise(self) -> None:
        max_length = self._meta.get_field("dateline").max_length
        self.dateline = dateline_with_dash(self.dateline or "", max_length)

    def clean(self):
        super().clean()
        self._dateline_normalise()
        described = self.lead_image_alt.strip() or (
            self.lead_image and self.lead_image.description.strip()
        )
        if self.lead_image_id and not described:
            raise ValidationError(
                {"lead_image_alt": _("Describe the lead image for readers who cannot see it.")}
            )

    def get_context(self, request, *args, **kwargs):
        from kiosque.newsroom.article_view import article_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_page_context(self, request))
        return context


# Read on every article rendered whole: with a query compiled once (core.prepared).
prepare_foreign_key(ArticlePage, "topic")
prepare_foreign_key(ArticlePage, "lead_image")


class ArticleAuthor(Orderable):
    """An author of an article, in the order they are credited."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(
        "newsroom.AuthorPage",
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="authored_articles",
    )

    panels = [FieldPanel("author")]
