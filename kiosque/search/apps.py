from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "kiosque.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.models.signals import post_migrate

        from kiosque.search import signals

        post_migrate.connect(signals.terms_of_flushed_documents_deleted, sender=self)
