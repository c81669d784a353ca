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
    hostname = parts.hostname or "localhost"
    if (site.hostname, site.port) != (hostname, port):
        # An UPDATE, not save(): `kiosque demo` may be replacing the site in another
        # process right now, and a vanished row must not crash the server's start-up.
        Site.objects.filter(pk=site.pk).update(hostname=hostname, port=port)
        Site.clear_site_root_paths_cache()
        site.hostname, site.port = hostname, port
    return site
