from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "kiosque.api"
    label = "api"
    verbose_name = _("Public API")

    def ready(self) -> None:
        from django.conf import settings

        from kiosque.api.rate_limit import parse_rate

        # A mistyped API_RATE_LIMIT stops start-up, like any other bad setting, rather
        # than failing the first API request.
        parse_rate(settings.API_RATE_LIMIT)
