"""{% distribution_head %}: canonical, robots, feeds, OpenGraph, Twitter and JSON-LD."""

from django import template
from django.template import engines
from django.utils.safestring import mark_safe

from kiosque.distribution.head import head_context

register = template.Library()


@register.simple_tag(takes_context=True)
def distribution_head(context) -> str:
    # One template for both engines: the reader pages' Jinja2 one (decision 0066).
    head = engines["jinja2"].get_template("distribution/head.html")
    return mark_safe(head.render(head_context(context)))  # noqa: S308 (autoescaped)
