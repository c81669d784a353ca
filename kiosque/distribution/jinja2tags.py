"""The <head>'s machine-readable part in Jinja2 reader templates (decision 0066):
`{{ distribution_head() }}` prints what `{% distribution_head %}` prints."""

from jinja2 import pass_context
from jinja2.ext import Extension
from markupsafe import Markup

from kiosque.distribution.head import head_context
from kiosque.distribution.links import absolute


@pass_context
def distribution_head(context) -> Markup:
    head = head_context(context)
    template = context.environment.get_template("distribution/head.html")
    return Markup(template.render(head))  # noqa: S704 (an autoescaped template)


class DistributionExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.globals.update(distribution_head=distribution_head)
        # hreflang alternates must be absolute URLs (search engines ignore relative ones).
        environment.filters.update(absolute_url=absolute)
