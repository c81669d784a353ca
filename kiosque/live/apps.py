from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "kiosque.live"
    label = "live"
    verbose_name = _("Live coverage")

    def ready(self) -> None:
        from kiosque.core import periodic_jobs
        from kiosque.live import signals  # noqa: F401  (search indexing of lives)
        from kiosque.live.distribution import register as register_distribution
        from kiosque.live.ending import (
            announce_due_entries,
            end_due_lives,
            seconds_until_next_end,
            seconds_until_next_entry,
        )

        # An end time that arrives while nobody saves the live (see ending.py).
        periodic_jobs.register(
            periodic_jobs.PeriodicJob(
                name="Live coverage end times",
                run=end_due_lives,
                seconds_until_due=seconds_until_next_end,
            )
        )
        periodic_jobs.register(
            periodic_jobs.PeriodicJob(
                name="Live coverage scheduled entries",
                run=announce_due_entries,
                seconds_until_due=seconds_until_next_entry,
            )
        )
        # JSON-LD, the entries' feed, the API's `live` object and ninjs (distribution.py).
        register_distribution()
        self._follow_dispatches()

    def _follow_dispatches(self) -> None:
        """An entry made from a dispatch (« Ajouter au direct ») takes its later versions,
        and leaves the live when the agency kills it (see wire_desk.py)."""
        from kiosque.live.wire_desk import follow_dispatch
        from kiosque.wires.events import dispatch_version_stored

        dispatch_version_stored.connect(follow_dispatch, dispatch_uid="live-follow-dispatch")
