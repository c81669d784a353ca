from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kiosque.core"
    label = "core"
    verbose_name = "Kiosque"

    def ready(self):
        from kiosque.core import (
            checks,  # noqa: F401 (registers the system checks)
            integer_lookups,
        )
        from kiosque.core.bounds import install_admin_date_bounds

        integer_lookups.install()  # ids past 64 bits find nothing (decision 0078)
        install_admin_date_bounds()
