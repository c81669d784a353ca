from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kiosque.core"
    label = "core"
    verbose_name = "Kiosque"
