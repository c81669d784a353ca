"""The editorial app's functions for Jinja2 reader templates (decision 0066)."""

from jinja2.ext import Extension

from kiosque.editorial.selectors import article_corrections


class EditorialExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        # Oldest first, previews included.
        environment.globals.update(article_corrections=article_corrections)
