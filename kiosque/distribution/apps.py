from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DistributionConfig(AppConfig):
    """Feeds, sitemaps, robots.txt, structured data and sharing tags (issue 5)."""

    name = "kiosque.distribution"
    label = "distribution"
    verbose_name = _("Distribution")

    def ready(self) -> None:
        from kiosque.distribution.images import pregenerate_share_renditions
        from kiosque.newsroom import rendition_makers

        # The 1:1, 4:3 and 16:9 pictures of structured data, OpenGraph and feeds, made
        # by the worker with the newsroom's own (the newsroom cannot import us).
        rendition_makers.register(pregenerate_share_renditions)
