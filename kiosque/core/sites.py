"""Keep Wagtail's Site record in step with BASE_URL, the one source of absolute URLs."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


def sync_default_site_with_base_url() -> Site | None:
    """Point the default site at BASE_URL's host and port; returns it (None before the demo)."""
    parts = urlsplit(settings.BASE_URL)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    if (site.hostname, site.port) != (parts.hostname, port):
        site.hostname = parts.hostname or "localhost"
        site.port = port
        site.save(update_fields=["hostname", "port"])
    return site
