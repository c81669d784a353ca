"""The newsroom's filters and functions for Jinja2 reader templates (decision 0066).

The same functions as the Django template library (templatetags/kiosque_tags.py).
"""

from django.template.defaultfilters import linebreaksbr
from jinja2.ext import Extension

from kiosque.newsroom.images import KINDS, picture_sources
from kiosque.newsroom.templatetags.kiosque_tags import (
    photo_credit_of,
    prefix_dateline,
    typo,
    typo_html,
)


def picture_sources_of(image, kind_name: str) -> dict:
    """The <picture>'s sources of `image` for a kind of place (card, lead, ...)."""
    return picture_sources(image, KINDS[kind_name])


class NewsroomExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.filters.update(
            typo=typo, typo_html=typo_html, prefix_dateline=prefix_dateline,
            linebreaksbr=linebreaksbr,
        )  # fmt: skip
        environment.globals.update(
            picture_sources=picture_sources_of, photo_credit_of=photo_credit_of
        )
