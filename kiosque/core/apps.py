from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kiosque.core"
    label = "core"
    verbose_name = "Kiosque"

    def ready(self):
        from kiosque.core import checks  # noqa: F401 (registers the system checks)
