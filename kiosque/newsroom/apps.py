from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "kiosque.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self) -> None:
        from kiosque.newsroom import sections, signals  # noqa: F401 (signals: the publication log)

        sections.connect()
