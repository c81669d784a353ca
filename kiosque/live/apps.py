from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "kiosque.live"
    label = "live"
    verbose_name = _("Live coverage")

    def ready(self) -> None:
        from kiosque.core import periodic_jobs
        from kiosque.live import signals  # noqa: F401  (search indexing of lives)
        from kiosque.live.ending import end_due_lives, seconds_until_next_end

        # An end time that arrives while nobody saves the live (see ending.py).
        periodic_jobs.register(
            periodic_jobs.PeriodicJob(
                name="Live coverage end times",
                run=end_due_lives,
                seconds_until_due=seconds_until_next_end,
            )
        )
