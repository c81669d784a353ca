"""Templates name what they show, so the edge knows what to purge when it changes."""

from django import template

from kiosque.edge.keys import add_keys, article_key

register = template.Library()


@register.simple_tag(takes_context=True)
def shows_article(context, article) -> str:
    """Mark the response as showing `article` (a card, a related link, a count)."""
    add_keys(context.get("request"), [article_key(article.pk)])
    return ""
