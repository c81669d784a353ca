from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "kiosque.newsletters"
    label = "newsletters"
    verbose_name = _("Newsletters")

    def ready(self) -> None:
        self._register_edition_jobs()
        self._register_subscribing()

    def _register_subscribing(self) -> None:
        """« Mon compte »'s newsletters, their export and erasing (readers may not import
        this app); the sign-up forms of cached pages follow changes of the lists."""
        from kiosque.newsletters import signup_signals
        from kiosque.newsletters.reader_data import HOLDER
        from kiosque.readers import data_holders

        data_holders.register(HOLDER)
        signup_signals.connect()

    def _register_edition_jobs(self) -> None:
        """The digests' preparing and sending, and the follows' hourly batches, run by
        every `kiosque worker` (core's periodic jobs: core may not import this app)."""
        from kiosque.core import periodic_jobs
        from kiosque.newsletters.digest import run_digests, seconds_until_next_digest
        from kiosque.newsletters.follows import run_follows_job

        periodic_jobs.register(
            periodic_jobs.PeriodicJob(
                name="Newsletter digests",
                run=run_digests,
                seconds_until_due=seconds_until_next_digest,
            )
        )
        periodic_jobs.register(
            periodic_jobs.PeriodicJob(name="Newsletter follows", run=run_follows_job)
        )
        # Sendings whose chain of tasks stopped, alerts and follows left ready, and the
        # old editions' delivery rows (kiosque.newsletters.sending_watch).
        from kiosque.newsletters.sending_watch import watch_sendings

        periodic_jobs.register(
            periodic_jobs.PeriodicJob(name="Newsletter sendings' watch", run=watch_sendings)
        )
