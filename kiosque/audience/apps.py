from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AudienceConfig(AppConfig):
    name = "kiosque.audience"
    label = "audience"
    verbose_name = _("Audience")

    def ready(self) -> None:
        self._register_counting_jobs()

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
