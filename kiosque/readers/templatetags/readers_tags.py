from django import template

from kiosque.readers.profiles import display_name

register = template.Library()


@register.filter
def reader_name(user) -> str:
    return display_name(user)
