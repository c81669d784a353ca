from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "kiosque.api"
    label = "api"
    verbose_name = _("Public API")

    def ready(self) -> None:
        from django.conf import settings
        from django.utils.module_loading import autodiscover_modules

        from kiosque.api.pictures import pregenerate_full_rendition
        from kiosque.api.rate_limit import parse_rate
        from kiosque.newsroom import rendition_makers

        # A mistyped API_RATE_LIMIT stops start-up, like any other bad setting, rather
        # than failing the first API request.
        parse_rate(settings.API_RATE_LIMIT)
        parse_rate(settings.API_WRITE_RATE_LIMIT, "API_WRITE_RATE_LIMIT")
        # The uncropped picture ninjs offers partners (decision 0044), made by the
        # worker with the newsroom's renditions (the newsroom cannot import us).
        rendition_makers.register(pregenerate_full_rendition)
        # Operations of the apps that import the API (a live's entries: kiosque.live),
        # which the API may not import in turn (decision 0064): each brings its router
        # in an `api_routes` module, found here as the admin finds admin.py modules.
        # Here, not on the URLs' first import: the OpenAPI document must have them too.
        autodiscover_modules("api_routes")
