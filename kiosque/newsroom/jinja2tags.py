"""The newsroom's filters and functions for Jinja2 reader templates (decision 0066).

The same functions as the Django template library (templatetags/kiosque_tags.py).
"""

from django.template.defaultfilters import linebreaksbr
from jinja2 import pass_context
from jinja2.ext import Extension

from kiosque.newsroom.images import KINDS, picture_sources
from kiosque.newsroom.templatetags.kiosque_tags import (
    photo_credit_of,
    prefix_dateline,
    typo,
    typo_html,
)
from kiosque.newsroom.text.topic_prefix import title_starts_with_topic


def article_type_label(article) -> str:
    """What `article.get_article_type_display()` shows, without Django rebuilding the
    field's whole choices dictionary at each call (a third of a card's time)."""
    from kiosque.newsroom.models import ArticleType

    try:
        return str(ArticleType(article.article_type).label)
    except ValueError:  # a value outside the choices: shown as it is, as Django does
        return str(article.article_type)


_SOURCES_ATTRIBUTE = "_picture_sources"


@pass_context
def picture_sources_of(context, image, kind_name: str) -> dict | None:
    """The <picture>'s sources of `image` for a kind of place (card, lead, ...).

    Worked out once per image and kind in a request: a front page shows the same
    picture on several cards, each card with its own copy of the image.
    """
    request = context.get("request")
    if image is None or request is None or image.pk is None:
        return picture_sources(image, KINDS[kind_name])
    known = request.__dict__.setdefault(_SOURCES_ATTRIBUTE, {})
    key = (image.pk, kind_name)
    if key not in known:
        known[key] = picture_sources(image, KINDS[kind_name])
    return known[key]


class NewsroomExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.filters.update(
            typo=typo, typo_html=typo_html, prefix_dateline=prefix_dateline,
            linebreaksbr=linebreaksbr,
        )  # fmt: skip
        environment.globals.update(
            picture_sources=picture_sources_of,
            photo_credit_of=photo_credit_of,
            article_type_label=article_type_label,
            title_starts_with_topic=title_starts_with_topic,
        )
