from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WiresConfig(AppConfig):
    name = "kiosque.wires"
    label = "wires"
    verbose_name = _("Wires")

    def ready(self) -> None:
        from kiosque.wires import signals  # noqa: F401  (embargoes, publication times)
