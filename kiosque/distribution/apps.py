from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DistributionConfig(AppConfig):
    """Feeds, sitemaps, robots.txt, structured data and sharing tags (issue 5)."""

    name = "kiosque.distribution"
    label = "distribution"
    verbose_name = _("Distribution")
