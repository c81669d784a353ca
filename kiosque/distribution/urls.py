"""URLs of feeds, sitemaps and robots.txt (decision 0030).

`root_urlpatterns` are served once, outside the language prefix; `feed_urlpatterns`
go inside `i18n_patterns`, before Wagtail's catch-all: page slugs never contain a
dot, so "rss.xml" and "atom.xml" cannot be the path of a page.
"""

from django.urls import path, re_path
from django.utils.translation import get_language

from kiosque.core import bounds  # noqa: F401 (registers the <id:…> URL converter)
from kiosque.distribution import views

# A page path as Wagtail builds it: slugs followed by "/", or nothing for the home page.
PAGE_PATH = r"(?P<path>(?:[-\w]+/)*)"
FEED_KIND = r"(?P<kind>rss|atom)"


def _feed_view(request, kind: str, path: str = ""):
    if (get_language() or "fr") == "en":
        return views.english_feed(request, kind=kind, path=path)
    return views.feed(request, kind=kind, path=path)


feed_urlpatterns = [
    re_path(rf"^{PAGE_PATH}{FEED_KIND}\.xml$", _feed_view, name="distribution_feed"),
]

root_urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemaps/pages.xml", views.pages_sitemap, name="sitemap_pages"),
    path("sitemaps/articles-<id:number>.xml", views.articles_sitemap, name="sitemap_articles"),
    path("sitemaps/news.xml", views.news_sitemap, name="sitemap_news"),
]
