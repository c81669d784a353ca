"""The request's Wagtail site, site-wide settings and site data, remembered by each process until
the content clock moves.

Every reader page needs both, and each cost a query (with Django's query compilation,
about a fifth of a warm article page's time). They change rarely, and every change of
either purges everything (edge/signals.py), which moves the content clock (clock.py)
after the change is committed. So a copy read while the clock showed T is valid for as
long as the clock still shows T, in every process: a process reads the clock first, then
the database, and keeps what it read under that reading of the clock.

Each request gets its own copy of the remembered instances, so nothing one request
caches on them (a related object, the request Wagtail attaches to settings) is seen by
another. A save in this process forgets at once, without waiting for the commit that
moves the clock (tests run inside transactions that never commit).
"""

import copy
import threading

from django.conf import settings as django_settings
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import Site

from kiosque.core.site_data import REQUEST_ATTRIBUTE as SITE_DATA_ATTRIBUTE
from kiosque.core.site_data import loader as site_data_loader
from kiosque.core.site_settings import read_site_setting
from kiosque.edge.clock import clock_for
from kiosque.edge.middleware import is_private_path
from kiosque.edge.signals import site_wide_settings_models

# Hosts are checked against ALLOWED_HOSTS after this middleware: made-up ones must not
# fill the memory. A site has a handful of real names.
MAX_HOSTS = 16


class _Memo:
    def __init__(self):
        self.lock = threading.Lock()
        self.clock = None
        self.sites: dict[tuple[str, int], Site] = {}
        self.settings: dict[tuple, object] = {}
        self.root_paths = None
        self.data: dict[tuple[str, int], object] = {}

    def forget(self, clock=None) -> None:
        with self.lock:
            self.clock = clock
            self.sites = {}
            self.settings = {}
            self.root_paths = None
            self.data = {}

    def site(self, request, clock) -> Site | None:
        if clock != self.clock:
            self.forget(clock)
        hostname = split_domain_port(request._get_raw_host())[0]
        key = (hostname, int(request.get_port()))
        site = self.sites.get(key)
        if site is None:
            site = Site._find_for_request(request)
            if site is None:
                return None
            site.root_page.specific  # noqa: B018 (loaded once here, copied per request)
            with self.lock:
                if clock == self.clock and len(self.sites) < MAX_HOSTS:
                    self.sites[key] = site
        return site

    def site_root_paths(self, clock) -> list:
        found = self.root_paths
        if found is None:
            found = Site.get_site_root_paths()
            with self.lock:
                if clock == self.clock:
                    self.root_paths = found
        return found

    def site_settings(self, model, site: Site, clock):
        found = self.settings.get((model, site.pk))
        if found is None:
            found = read_site_setting(model, site)  # not for_site(): the primary
            with self.lock:
                if clock == self.clock:
                    self.settings[(model, site.pk)] = found
        return found

    def site_data(self, name: str, site: Site, clock):
        found = self.data.get((name, site.pk))
        if found is None:
            found = site_data_loader(name)(site)
            with self.lock:
                if clock == self.clock:
                    self.data[(name, site.pk)] = found
        return found


class _RequestSiteData:
    """What core.site_data reads for one request: the memo's data of its site and clock."""

    def __init__(self, memo: _Memo, site: Site, clock):
        self.memo = memo
        self.site = site
        self.site_pk = site.pk
        self.clock = clock

    def get(self, name: str):
        return self.memo.site_data(name, self.site, self.clock)


_memo = _Memo()


def forget(**kwargs) -> None:
    """Drop everything remembered (a signal receiver, and the tests' clean slate)."""
    _memo.forget()


def private_copy(site: Site) -> Site:
    """The site, its home page and the home page's specific instance, copied: what a
    request caches on them (related objects, `specific`) stays its own."""
    site = copy.copy(site)  # Django copies the instance's related-object cache too
    root = site._state.fields_cache.get("root_page")
    if root is not None:
        root = copy.copy(root)
        home = root.__dict__.get("specific")
        if home is not None and home is not root:
            home = copy.copy(home)
            if "specific" in home.__dict__:  # a specific page is its own `specific`
                home.__dict__["specific"] = home
            root.__dict__["specific"] = home
        site._state.fields_cache["root_page"] = root
    return site


def remember_site_for(request) -> None:
    """Give `request` its site and site-wide settings, from memory when the clock allows."""
    clock = clock_for(request)
    site = _memo.site(request, clock)
    if site is None:
        return  # Wagtail looks again, and answers as it always does
    request._wagtail_site = private_copy(site)
    # Every page link (Page.get_url with the request) reads the sites' root paths: from
    # memory, not one cache read per request (or per link, without the request).
    request._wagtail_cached_site_root_paths = _memo.site_root_paths(clock)
    # Registered site-wide data (the sections...), loaded on first use under this clock.
    setattr(request, SITE_DATA_ATTRIBUTE, _RequestSiteData(_memo, site, clock))
    for model in site_wide_settings_models():
        settings = copy.copy(_memo.site_settings(model, site, clock))
        settings._request = request  # as BaseSiteSetting.for_request does
        setattr(request, model.get_cache_attr_name(), settings)


class SiteMemoMiddleware:
    """Reader pages (GET, HEAD) start with their site and settings already known.

    Not the paths the edge never shares (the health check, which must answer whatever
    the settings' state; the admin, where editors should see the database; accounts),
    nor what is not a Wagtail page (the API, files): they look the site up as they
    always did, when they need it. The comment pages are private too, but they are
    reader pages like the article's, with its header and footer, and the same settings.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.not_pages = (
            "/api/", "/documents/", django_settings.MEDIA_URL, django_settings.STATIC_URL,
        )  # fmt: skip
        self.comment_pages = (
            "/commentaires/", "/en/commentaires/",
            "/signaler/", "/en/signaler/",  # the error report form: a reader page too
        )  # fmt: skip

    def _is_reader_page(self, path: str) -> bool:
        if path.startswith(self.comment_pages):
            return True
        return not is_private_path(path) and not path.startswith(self.not_pages)

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and self._is_reader_page(request.path):
            remember_site_for(request)
        return self.get_response(request)


def connect_forgetting() -> None:
    from wagtail.models import PageViewRestriction
    from wagtail.signals import post_page_move

    from kiosque.newsroom.models import SectionPage

    # The sections (site data) change with a section's save, a move or a restriction.
    for model in (Site, *site_wide_settings_models(), SectionPage, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(forget, sender=model, dispatch_uid=f"site-memo-{model.__name__}")
    post_page_move.connect(forget, dispatch_uid="site-memo-page-moved")
