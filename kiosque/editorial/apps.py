from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "kiosque.editorial"
    label = "editorial"
    verbose_name = _("Editorial")

    def ready(self) -> None:
        from kiosque.core import periodic_jobs
        from kiosque.editorial import signals  # noqa: F401  (records withdrawals)
        from kiosque.editorial.scheduling import run_schedule, seconds_until_next_due

        # Scheduled publications and expiries, run by every `kiosque worker` (decision
        # 0046): core's worker command runs the job but may not import editorial (0064).
        periodic_jobs.register(
            periodic_jobs.PeriodicJob(
                name="Publishing schedule",
                run=run_schedule,
                seconds_until_due=seconds_until_next_due,
            )
        )
