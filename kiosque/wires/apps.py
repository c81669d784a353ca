from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WiresConfig(AppConfig):
    name = "kiosque.wires"
    label = "wires"
    verbose_name = _("Wires")

    def ready(self) -> None:
        from kiosque.core import worker_liveness
        from kiosque.wires import signals  # noqa: F401  (embargoes, publication times)
        from kiosque.wires.sources import locks_of_lost_worker_released

        # A worker killed while it ingested a folder file leaves that file's lock behind.
        worker_liveness.on_worker_lost("Wire folder locks", locks_of_lost_worker_released)

        self._add_notices_panel()

    def _add_notices_panel(self) -> None:
        """What happened to the article's dispatch, at the top of its edit view. Added
        here, before Wagtail builds (and caches) the article's edit handler."""
        from kiosque.newsroom.models import ArticlePage
        from kiosque.wires.panels import DispatchNoticesPanel

        if not any(isinstance(p, DispatchNoticesPanel) for p in ArticlePage.content_panels):
            ArticlePage.content_panels = [
                DispatchNoticesPanel(heading=_("Agency dispatch")),
                *ArticlePage.content_panels,
            ]
