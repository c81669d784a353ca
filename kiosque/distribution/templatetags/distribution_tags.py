"""{% distribution_head %}: canonical, robots, feeds, OpenGraph, Twitter and JSON-LD."""

from django import template

from kiosque.distribution.head import head_context

register = template.Library()


@register.inclusion_tag("distribution/head.html", takes_context=True)
def distribution_head(context):
    return head_context(context)
