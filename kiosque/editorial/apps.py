from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "kiosque.editorial"
    label = "editorial"
    verbose_name = _("Editorial")

    def ready(self) -> None:
        from kiosque.editorial import signals  # noqa: F401  (records withdrawals)
