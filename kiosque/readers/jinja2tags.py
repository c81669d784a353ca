"""The readers app's filters for Jinja2 templates (decision 0066)."""

from jinja2.ext import Extension

from kiosque.readers.profiles import display_name


class ReadersExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.filters.update(reader_name=display_name)
