"""An entry's blocks: the article body's, and a list (results, closed roads, tolls)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from kiosque.newsroom.blocks import ArticleBodyBlock


class LiveEntryBodyBlock(ArticleBodyBlock):
    bullet_list = blocks.ListBlock(
        blocks.CharBlock(label=_("Item")),
        label=_("List"),
        icon="list-ul",
        template="live/blocks/list.html",
    )
