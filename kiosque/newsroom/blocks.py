"""StreamField blocks of an article body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

# Inline formatting an article paragraph may carry. Headings are a block of their own
# so the page outline stays h1 > h2.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "superscript", "subscript"]


class SubheadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Subheading")
        template = "newsroom/blocks/subheading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "newsroom/blocks/quote.html"


class InlineImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        help_text=_("Leave empty to use the image's description."),
    )
    caption = blocks.CharBlock(
        label=_("Caption"), required=False, help_text=_("Leave empty to use the image's caption.")
    )
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        help_text=_("Leave empty to build it from the image: (Photographer / Source / Agency)."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "newsroom/blocks/image.html"


class EmbedLinkBlock(blocks.StructBlock):
    """An embedded post or video shown as a link card.

    Rendered without an iframe or a call to the provider: the reading page makes no
    third-party request, and readers choose to follow the link.
    """

    url = blocks.URLBlock(label=_("Address"))
    title = blocks.CharBlock(label=_("Title shown"), required=False)
    provider = blocks.CharBlock(label=_("Provider"), required=False, help_text=_("E.g. YouTube."))

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "newsroom/blocks/embed.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        label=_("Paragraph"),
        template="newsroom/blocks/paragraph.html",
    )
    subheading = SubheadingBlock()
    quote = QuoteBlock()
    image = InlineImageBlock()
    embed = EmbedLinkBlock()
