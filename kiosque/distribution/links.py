"""Absolute URLs under BASE_URL, the one source of them (settings.BASE_URL).

Feeds, sitemaps, canonical links and structured data are read by machines far from the
request: they always carry BASE_URL's scheme and host, never the Host header a request
happened to arrive with. Page paths are the French ones (the canonical interface,
decision 0033).
"""

from django.conf import settings
from wagtail.models import Site


def absolute(path: str) -> str:
    """BASE_URL + `path`; a URL that is already absolute (a CDN's media) is kept."""
    if path.startswith(("http://", "https://")):
        return path
    if path.startswith("//"):
        return settings.BASE_URL.split(":", 1)[0] + ":" + path
    return settings.BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def site_relative_path(url_path: str, root_url_path: str) -> str:
    """A page's path on its site, from Wagtail's `url_path` and the site root's.

    Wagtail stores "/une/monde/europe/article/" for a page whose site root is "/une/";
    readers know it as "/monde/europe/article/". Computed without a query, for lists of
    thousands of pages.
    """
    if not url_path.startswith(root_url_path):
        raise ValueError(f"{url_path!r} is not under the site root {root_url_path!r}")
    return "/" + url_path[len(root_url_path) :]


def root_url_path(site) -> str:
    """The `url_path` of the site's root page.

    The site a request found comes with its root page (Wagtail's `select_related`):
    read there, for free. Otherwise from Wagtail's cached list of root paths, a cache
    read that is a database query with the production cache, so not once per link (a
    feed has a hundred links). Sites have one root path each (WAGTAIL_I18N_ENABLED is
    off: the English interface shares the French pages, decision 0033).
    """
    if Site.root_page.is_cached(site):
        return site.root_page.url_path
    for root in Site.get_site_root_paths():
        if root.site_id == site.pk:
            return root.root_path
    return site.root_page.url_path


def page_url(page, site) -> str:
    """The absolute, French URL of a page of `site`."""
    return absolute(site_relative_path(page.url_path, root_url_path(site)))
