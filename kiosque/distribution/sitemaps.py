"""robots.txt, the sitemap index, sitemap pages and the Google News sitemap.

Written out as strings rather than through templates: a sitemap page holds up to
10,000 URLs and must be built in well under 200 ms (see bench/).

URLs (decision 0030), outside the language prefix (sitemaps list the French, canonical
pages only):
    /robots.txt
    /sitemap.xml                 the index
    /sitemaps/pages.xml          home, sections, topics, authors, policy pages
    /sitemaps/articles-<n>.xml   articles by ranges of 10,000 page ids
    /sitemaps/news.xml           Google News: the last two days, at most 1,000
"""

import re
from datetime import datetime
from xml.sax.saxutils import escape

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.encoding import filepath_to_uri

from kiosque.distribution import selectors
from kiosque.distribution.links import absolute, root_url_path, site_relative_path
from kiosque.newsroom.text.typography import typeset

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
SITEMAP_CONTENT_TYPE = "application/xml; charset=utf-8"
_URL_SAFE_NAME = re.compile(r"[A-Za-z0-9._~/-]+")

# Pages of no use in a search engine's index (account forms, search results).
ROBOTS_DISALLOWED = ("/compte/", "/en/compte/", "/recherche/", "/en/recherche/")


def w3c_datetime(seconds: int, zone) -> str:
    """Seconds and the offset, as sitemaps expect: "2026-11-25T13:35:00+01:00".

    From whole seconds since 1970 (selectors.EpochSeconds), so isoformat() prints no
    fraction.
    """
    return datetime.fromtimestamp(seconds, zone).isoformat()


def robots_txt() -> str:
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in ROBOTS_DISALLOWED]
    lines += ["", f"Sitemap: {absolute('/sitemap.xml')}", ""]
    return "\n".join(lines)


def sitemap_index(site) -> str:
    pages = selectors.sitemap_article_page_count()
    locations = [absolute("/sitemaps/pages.xml")]
    locations += [absolute(f"/sitemaps/articles-{n}.xml") for n in range(1, pages + 1)]
    locations.append(absolute("/sitemaps/news.xml"))
    entries = "".join(f"<sitemap><loc>{escape(loc)}</loc></sitemap>\n" for loc in locations)
    return f'{XML_DECLARATION}<sitemapindex xmlns="{SITEMAP_NS}">\n{entries}</sitemapindex>\n'


class MediaUrls:
    """Absolute URLs of stored files, for thousands of rows.

    Django's FileSystemStorage.url() parses and joins URLs on every call (most of a
    sitemap page's time at 10,000 rows); for it the prefix is computed once. Any other
    storage (object storage, a CDN) keeps its own url().
    """

    def __init__(self):
        from kiosque.newsroom.models import NewsImage, NewsRendition

        self.storages = {
            True: NewsRendition._meta.get_field("file").storage,
            False: NewsImage._meta.get_field("file").storage,
        }
        self.prefixes = {
            is_rendition: absolute(storage.base_url)
            # Only Django's own url(): a subclass may build its URLs differently.
            # (`storage` may be Django's lazy default storage: ask its bound method.)
            if getattr(storage.url, "__func__", None) is FileSystemStorage.url
            else None
            for is_rendition, storage in self.storages.items()
        }

    def __call__(self, file_name: str, is_rendition: bool) -> str:
        prefix = self.prefixes[is_rendition]
        if prefix is not None:
            if _URL_SAFE_NAME.fullmatch(file_name):  # Wagtail's names: nothing to quote
                return prefix + file_name
            return prefix + filepath_to_uri(file_name)
        return absolute(self.storages[is_rendition].url(file_name))


def urlset(rows, site, zone) -> str:
    """<urlset> with lastmod and the lead image (image extension) of each page.

    The loop runs 10,000 times a page: one string per URL, no call it can do without.
    """
    root = root_url_path(site)
    base = absolute("/")[:-1]
    media_url = MediaUrls()
    parts = [f'{XML_DECLARATION}<urlset xmlns="{SITEMAP_NS}" xmlns:image="{IMAGE_NS}">\n']
    for url_path, seconds, image_file, image_is_rendition in rows:
        loc = escape(base + site_relative_path(url_path, root))
        lastmod = "" if seconds is None else f"<lastmod>{w3c_datetime(seconds, zone)}</lastmod>"
        image = ""
        if image_file:
            image_loc = escape(media_url(image_file, image_is_rendition))
            image = f"<image:image><image:loc>{image_loc}</image:loc></image:image>"
        parts.append(f"<url><loc>{loc}</loc>{lastmod}{image}</url>\n")
    parts.append("</urlset>\n")
    return "".join(parts)


def articles_sitemap(site, page_number: int, zone) -> str | None:
    """One page of the articles sitemap; None past the last page."""
    if page_number < 1 or page_number > selectors.sitemap_article_page_count():
        return None
    return urlset(selectors.sitemap_article_rows(site, page_number), site, zone)


def pages_sitemap(site, zone) -> str:
    return urlset(selectors.sitemap_other_pages(site), site, zone)


def news_sitemap(site, *, publication_name: str, zone, now: datetime | None = None) -> str:
    root = root_url_path(site)
    name = escape(publication_name)
    parts = [f'{XML_DECLARATION}<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">\n']
    for row in selectors.news_sitemap_rows(site, now=now):
        url = escape(absolute(site_relative_path(row.url_path, root)))
        parts.append(
            f"<url><loc>{url}</loc><news:news>"
            f"<news:publication><news:name>{name}</news:name>"
            f"<news:language>{escape(news_language(row.language))}</news:language>"
            "</news:publication>"
            f"<news:publication_date>{w3c_datetime(row.published_at, zone)}"
            "</news:publication_date>"
            f"<news:title>{escape(typeset(row.title, row.language))}</news:title>"
            "</news:news></url>\n"
        )
    parts.append("</urlset>\n")
    return "".join(parts)


def news_language(language: str) -> str:
    """Google News wants ISO 639 codes ("fr"), except zh-cn and zh-tw."""
    language = (language or settings.LANGUAGE_CODE).strip().lower().replace("_", "-")
    if language in ("zh-cn", "zh-tw"):
        return language
    return language.split("-")[0]
