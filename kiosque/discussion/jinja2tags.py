"""The discussion's filters and functions for Jinja2 reader templates (decision 0066)."""

from jinja2 import pass_context
from jinja2.ext import Extension

from kiosque.discussion.templatetags.discussion_tags import comment_html, count_for_card


@pass_context
def published_comment_count(context, article) -> int | None:
    """Published comments of a listed article (None: not shown); see count_for_card."""
    return count_for_card(context.get("request"), context.get("page"), article, [context.get_all()])


class DiscussionExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.filters.update(comment_html=comment_html)
        environment.globals.update(published_comment_count=published_comment_count)
