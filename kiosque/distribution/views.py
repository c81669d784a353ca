"""Views of feeds, sitemaps and robots.txt: thin, read-only, identical for every reader.

No session, no cookie, no CSRF token is touched here, so responses depend only on the
URL and the published content (cache headers are set by the edge layer, issue 6).
"""

from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from kiosque.distribution import extensions, feeds, sitemaps
from kiosque.distribution.links import root_url_path
from kiosque.newsroom import selectors as newsroom_selectors


def _site(request) -> Site:
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise Http404("No site")
    return site


def _newsroom(request):
    from kiosque.newsroom.models import NewsroomSettings

    return NewsroomSettings.for_request(request)


def _feed_page(site, path: str):
    """The visible home, section, topic or author page at `path` ("" for home), or a
    page with a feed of its own (kiosque.distribution.extensions).

    Looked up by its last slug and its depth (the slug is indexed), the full `url_path`
    only confirming it: `url_path` has no index, and a filter on it alone read every
    page of the site (35 ms at 100,000 articles, for each feed request).
    """
    from kiosque.newsroom.models import AuthorPage, HomePage, SectionPage, TopicPage

    root = site.root_page
    slugs = path.split("/")[:-1]  # "monde/europe/" -> ["monde", "europe"]; "" -> []
    pages = newsroom_selectors.public_only(Page.objects.live())
    if slugs:
        pages = pages.descendant_of(root).filter(
            slug=slugs[-1], depth=root.depth + len(slugs), url_path=root_url_path(site) + path
        )
    else:
        pages = pages.filter(pk=root.pk)
    page = pages.specific().first()
    if isinstance(page, HomePage | SectionPage | TopicPage | AuthorPage):
        return page
    if page is not None and extensions.has_own_feed(page):  # a live's entries
        return page
    raise Http404("No feed here")


@require_safe
def feed(request, kind: str, path: str = ""):
    site = _site(request)
    page = _feed_page(site, path)
    return feeds.feed_response(
        page, kind=kind, site=site, newsroom=_newsroom(request), request=request
    )


@require_safe
def english_feed(request, kind: str, path: str = ""):
    """Feeds exist once, at the French path: /en/monde/rss.xml leads there."""
    site = _site(request)
    _feed_page(site, path)  # a 404 for a page without a feed, not a redirect to one
    return HttpResponsePermanentRedirect(f"/{path}{kind}.xml")


def _xml(content: str) -> HttpResponse:
    return HttpResponse(content, content_type=sitemaps.SITEMAP_CONTENT_TYPE)


@require_safe
def robots_txt(request):
    return HttpResponse(sitemaps.robots_txt(), content_type="text/plain; charset=utf-8")


@require_safe
def sitemap_index(request):
    return _xml(sitemaps.sitemap_index(_site(request)))


@require_safe
def pages_sitemap(request):
    return _xml(sitemaps.pages_sitemap(_site(request), _newsroom(request).zone))


@require_safe
def articles_sitemap(request, number: int):
    content = sitemaps.articles_sitemap(_site(request), number, _newsroom(request).zone)
    if content is None:
        raise Http404("No such sitemap page")
    return _xml(content)


@require_safe
def news_sitemap(request):
    newsroom = _newsroom(request)
    return _xml(
        sitemaps.news_sitemap(
            _site(request), publication_name=newsroom.site_name, zone=newsroom.zone
        )
    )
