"""Django templates (accounts, forms, errors) share the reader pages' Jinja2 parts."""

from django import template
from django.template import engines
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def jinja_include(context, template_name: str) -> str:
    """`{% jinja_include "includes/site_header.html" %}`: a Jinja2 part of the reader
    pages (decision 0066) inside a Django template, with the same context."""
    jinja_template = engines["jinja2"].get_template(template_name)
    html = jinja_template.render(context.flatten(), request=context.get("request"))
    return mark_safe(html)  # noqa: S308 (an autoescaped Jinja2 template)
