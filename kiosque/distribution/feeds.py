"""RSS 2.0 and Atom feeds of the home page, sections, topics and authors.

URLs (decision 0030): /rss.xml and /atom.xml for the whole site; <page path>rss.xml and
<page path>atom.xml for a section, topic or author page (/monde/rss.xml,
/dossiers/crise-en-ukraine/atom.xml). Feeds carry articles, which keep their own
language, so there is one feed per page: under /en/ the same path redirects to it.

Items: a `guid`/`id` that survives retitling, moving and a change of domain (the page's
Wagtail `translation_key`), title, standfirst, the credited authors (or the newsroom
with its agencies), the section and topic as categories, the publication date and the
« Mis à jour » date (kiosque.newsroom.updates), the lead image's 16:9 rendition as
enclosure and `media:content` with its credit.

A feature app's page may have a feed of its own at the same addresses (a live's
entries, kiosque.live.distribution): see kiosque.distribution.extensions.
"""

import html
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import feedgenerator, translation
from django.utils.feedgenerator import rfc2822_date, rfc3339_date
from django.utils.translation import gettext

from kiosque.distribution import extensions, selectors
from kiosque.distribution.article_facts import photo_credit_text
from kiosque.distribution.links import absolute, page_url
from kiosque.editorial.selectors import latest_corrections_by_article
from kiosque.newsroom.text.credit_line import clean_names
from kiosque.newsroom.text.typography import typeset

MEDIA_RSS = "http://search.yahoo.com/mrss/"
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


@dataclass(frozen=True)
class FeedImage:
    url: str
    width: int
    height: int
    length: int
    mime_type: str
    credit: str
    description: str


def _write_media_content(handler, image: FeedImage) -> None:
    handler.startElement(
        "media:content",
        {
            "url": image.url,
            "medium": "image",
            "type": image.mime_type,
            "width": str(image.width),
            "height": str(image.height),
        },
    )
    if image.credit:
        handler.addQuickElement("media:credit", image.credit)
    if image.description:
        handler.addQuickElement("media:description", image.description, {"type": "plain"})
    handler.endElement("media:content")


class _DeterministicDates:
    def latest_post_date(self):
        # Django falls back to "now" for an empty feed: the same bytes for every
        # request are worth more, so an empty feed dates from its page instead.
        if not self.items and self.feed.get("empty_feed_date"):
            return self.feed["empty_feed_date"]
        return super().latest_post_date()


class RssFeed(_DeterministicDates, feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_RSS, "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler, item):
        handler.addQuickElement("title", item["title"])
        handler.addQuickElement("link", item["link"])
        # An RSS description is read as HTML: the plain standfirst is escaped for it.
        handler.addQuickElement("description", html.escape(item["description"], quote=False))
        for name in item["creators"]:
            handler.addQuickElement("dc:creator", name)
        handler.addQuickElement("pubDate", rfc2822_date(item["pubdate"]))
        # RSS has no update date of its own; atom:updated is the usual extension.
        handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        handler.addQuickElement("guid", item["unique_id"], {"isPermaLink": "false"})
        image = item["image"]
        if image is not None:
            handler.addQuickElement(
                "enclosure",
                "",
                {"url": image.url, "length": str(image.length), "type": image.mime_type},
            )
            _write_media_content(handler, image)
        for category in item["categories"]:
            handler.addQuickElement("category", category)


class AtomFeed(_DeterministicDates, feedgenerator.Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_RSS}

    def add_item_elements(self, handler, item):
        handler.addQuickElement("title", item["title"])
        handler.addQuickElement("link", "", {"href": item["link"], "rel": "alternate"})
        handler.addQuickElement("id", item["unique_id"])
        handler.addQuickElement("published", rfc3339_date(item["pubdate"]))
        handler.addQuickElement("updated", rfc3339_date(item["updateddate"]))
        for name, uri in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            if uri:
                handler.addQuickElement("uri", uri)
            handler.endElement("author")
        handler.addQuickElement("summary", item["description"], {"type": "text"})
        image = item["image"]
        if image is not None:
            handler.addQuickElement(
                "link",
                "",
                {
                    "rel": "enclosure",
                    "href": image.url,
                    "length": str(image.length),
                    "type": image.mime_type,
                },
            )
            _write_media_content(handler, image)
        for category in item["categories"]:
            handler.addQuickElement("category", "", {"term": category})


FEED_CLASSES = {"rss": RssFeed, "atom": AtomFeed}


def article_guid(article) -> str:
    """Stable across retitles, moves and domain changes; one per article."""
    return f"urn:uuid:{article.translation_key}"


def feed_image(article, publisher_name: str) -> FeedImage | None:
    """The 16:9 rendition made in the background, else the original upload (never a
    rendition created during the feed request)."""
    image = article.lead_image
    if image is None:
        return None
    credit = photo_credit_text(article) or publisher_name
    description = article.lead_image_alt or image.description
    renditions = getattr(image, "feed_renditions", None) or []
    if renditions:
        rendition = renditions[0]
        return FeedImage(
            url=absolute(rendition.url),
            width=rendition.width,
            height=rendition.height,
            length=_file_size(rendition.file),
            mime_type="image/jpeg",
            credit=credit,
            description=description,
        )
    return FeedImage(
        url=absolute(image.file.url),
        width=image.width,
        height=image.height,
        length=image.file_size or _file_size(image.file),
        mime_type=_mime_type(image.file.name),
        credit=credit,
        description=description,
    )


def _file_size(field_file) -> int:
    # RSS wants a length; 0 is the documented value when it cannot be known.
    try:
        return field_file.size
    except OSError:
        return 0


def _mime_type(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower()
    return {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png"}.get(
        extension, f"image/{extension}"
    )


def item_credits(article, newsroom, site) -> list[tuple[str, str]]:
    """(name, page URL) of who the article credits, as its credit line does."""
    agencies = [agency.name for agency in article.agencies.all()]
    if agencies:
        return [(name, "") for name in clean_names([newsroom.newsroom_name, *agencies])]
    authors = []
    for link in article.feed_authors:
        credit = (link.author.title, page_url(link.author, site))
        if credit not in authors:
            authors.append(credit)
    return authors or [(newsroom.newsroom_name, absolute("/"))]


def feed_title(page, newsroom) -> str:
    from kiosque.newsroom.models import HomePage

    if isinstance(page, HomePage):
        return newsroom.site_name
    return f"{page.title} – {newsroom.site_name}"


def feed_description(page, newsroom) -> str:
    from kiosque.newsroom.models import HomePage

    intro = getattr(page, "intro", "") or page.search_description
    if intro:
        return intro
    if isinstance(page, HomePage):
        return gettext("The latest articles of %(site)s") % {"site": newsroom.site_name}
    return gettext("The latest articles of %(site)s: %(page)s") % {
        "site": newsroom.site_name,
        "page": page.title,
    }


def to_the_second(moment):
    return moment.replace(microsecond=0) if moment is not None else None


def empty_feed(page, *, kind: str, site, newsroom, description: str):
    """A feed of `page` ("rss" or "atom") without items yet, at <page path><kind>.xml."""
    page_link = page_url(page, site)
    return FEED_CLASSES[kind](
        title=feed_title(page, newsroom),
        link=page_link,
        description=description,
        language=settings.LANGUAGE_CODE,
        feed_url=page_link + f"{kind}.xml",
        # Derived from the page's key, so it is as stable as the items' ids.
        feed_guid=f"urn:uuid:{uuid.uuid5(page.translation_key, kind)}",
        feed_copyright=f"© {newsroom.publisher_name}",
        empty_feed_date=to_the_second(page.last_published_at or page.first_published_at),
    )


def build_feed(page, *, kind: str, site, newsroom) -> feedgenerator.SyndicationFeed:
    """The feed of `page` ("rss" or "atom"), in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        feed = empty_feed(
            page,
            kind=kind,
            site=site,
            newsroom=newsroom,
            description=feed_description(page, newsroom),
        )
    articles = list(selectors.feed_articles(page))
    # A « Rectificatif » is an update for feed readers too (issue 7): one query for all.
    corrected_at = latest_corrections_by_article(article.pk for article in articles)
    for article in articles:
        published_at = to_the_second(article.first_published_at)
        updates = [d for d in (article.major_update_at, corrected_at.get(article.pk)) if d]
        updated_at = to_the_second(max(updates)) if updates else published_at
        credits = item_credits(article, newsroom, site)
        feed.add_item(
            # The words the article page shows, no-break spaces included: a feed reader
            # wraps lines too (stored text stays as typed).
            title=typeset(article.title, article.language),
            link=page_url(article, site),
            description=typeset(article.standfirst, article.language),
            unique_id=article_guid(article),
            pubdate=published_at,
            updateddate=max(updated_at, published_at),
            categories=clean_names(
                [article.feed_section, article.topic.title if article.topic else ""]
            ),
            creators=[name for name, _url in credits],
            authors=credits,
            image=feed_image(article, newsroom.publisher_name),
        )
    return feed


def feed_response(page, *, kind: str, site, newsroom, request=None) -> HttpResponse:
    if kind not in FEED_CLASSES:
        raise Http404("No such feed")
    if extensions.has_own_feed(page):
        # A feature app's page with items of its own (a live's entries).
        builder = extensions.for_page(page).feed
        feed = builder(page, kind=kind, site=site, newsroom=newsroom, request=request)
    else:
        feed = build_feed(page, kind=kind, site=site, newsroom=newsroom)
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response
