from django import template

from kiosque.discussion.text import render_body

register = template.Library()


@register.filter
def comment_html(comment) -> str:
    """The body as safe HTML: escaped text, clickable links, kept line breaks."""
    return render_body(comment.body)


@register.filter
def contains(collection, item) -> bool:
    return item in collection


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
