"""The editorial app's functions for Jinja2 reader templates (decision 0066)."""

from jinja2.ext import Extension

from kiosque.editorial.selectors import article_corrections
from kiosque.editorial.share_links import canonical_path, share_links


class EditorialExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.globals.update(
            # Oldest first, previews included.
            article_corrections=article_corrections,
            # The article's « Partager » links (editorial/includes/article_share.html).
            canonical_path=canonical_path,
            share_links=share_links,
        )
