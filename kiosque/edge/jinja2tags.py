"""Cached fragments and surrogate keys in Jinja2 reader templates (decision 0066).

    {% call fragment("article-body", interface_language, page.pk, keys=page_keys) %}
      …public part of the page…
    {% endcall %}

is the Django templates' {% fragment %} (templatetags/edge_tags.py): the block is
rendered once per combination of vary values and kept until a key it shows changes.
"""

from jinja2 import pass_context
from jinja2.ext import Extension
from markupsafe import Markup

from kiosque.edge.keys import add_keys, article_key
from kiosque.edge.templatetags.edge_tags import surrogate_keys


@pass_context
def fragment(context, name: str, *vary, keys=(), caller=None) -> Markup:
    from kiosque.edge.fragments import cached_fragment

    html = cached_fragment(context.get("request"), name, vary, lambda: str(caller()), keys=keys)
    return Markup(html)  # noqa: S704 (rendered by this template, escaped there)


@pass_context
def shows_article(context, article) -> str:
    """Mark the response as showing `article` (a card, a related link, a count)."""
    add_keys(context.get("request"), [article_key(article.pk)])
    return ""


class EdgeExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.globals.update(fragment=fragment, shows_article=shows_article)
        environment.filters.update(surrogate_keys=surrogate_keys)
