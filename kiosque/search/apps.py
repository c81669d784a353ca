from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "kiosque.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from kiosque.search import signals  # noqa: F401 (connects the indexing receivers)
