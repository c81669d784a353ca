"""Template tags of the editorial app (the article page's corrections, the footer)."""

from django import template

from kiosque.editorial.selectors import article_corrections as corrections_of

register = template.Library()


@register.simple_tag
def article_corrections(article) -> list:
    """`{% article_corrections page as corrections %}`: oldest first, previews included."""
    return corrections_of(article)
