from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AudienceConfig(AppConfig):
    name = "kiosque.audience"
    label = "audience"
    verbose_name = _("Audience")

    def ready(self) -> None:
        self._register_counting_jobs()
        self._register_most_read()

    def _register_counting_jobs(self) -> None:
        """The worker adds the edge's page views and forgets those past 13 months."""
        from kiosque.audience.jobs import delete_expired, ingest_local_logs
        from kiosque.core import periodic_jobs

        periodic_jobs.register(
            periodic_jobs.PeriodicJob(
                name="Audience: page views from the logs", run=ingest_local_logs
            )
        )
        periodic_jobs.register(
            periodic_jobs.PeriodicJob(name="Audience: retention", run=delete_expired)
        )

    def _register_most_read(self) -> None:
        """« Les plus lus », computed by the worker (most_read.py), and the audience page
        in the admin (its hooks live in admin_hooks.py, imported here)."""
        from kiosque.audience import admin_hooks  # noqa: F401  (admin URLs and menu)
        from kiosque.audience.most_read import (
            SITE_DATA,
            load_stored_lists,
            run_when_due,
            seconds_until_due,
        )
        from kiosque.core import periodic_jobs, site_data

        site_data.register(SITE_DATA, load_stored_lists)  # the lists as pages read them

        periodic_jobs.register(
            periodic_jobs.PeriodicJob(
                name="Audience: most read lists",
                run=run_when_due,
                seconds_until_due=seconds_until_due,
            )
        )
