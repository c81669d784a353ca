"""What the <head> of a reader page says to machines: canonical URL, robots, feed links,
OpenGraph and Twitter tags, JSON-LD. Computed once per page from its template context.

Canonical URLs are the French ones, also on the English interface (decision 0033):
the article is the same text under /en/, only the interface around it changes.
"""

from django.conf import settings
from wagtail.models import Page, Site

from kiosque.core.bounds import whole_number
from kiosque.distribution import extensions
from kiosque.distribution import structured_data as ld
from kiosque.distribution.article_facts import article_facts, publisher_facts, wide_image
from kiosque.distribution.links import absolute, page_url
from kiosque.distribution.sharing import article_sharing_tags, page_sharing_tags

ROBOTS_INDEXABLE_ARTICLE = "max-image-preview:large"
ROBOTS_NOINDEX = "noindex"
SEARCH_PATH = "/recherche/?q={search_term_string}"


def _feed_pair(title: str, base: str) -> list[dict]:
    return [
        {"type": "application/rss+xml", "title": f"{title} (RSS)", "href": base + "rss.xml"},
        {"type": "application/atom+xml", "title": f"{title} (Atom)", "href": base + "atom.xml"},
    ]


def _feed_links(page, site, site_name: str) -> list[dict]:
    """The page's own feeds (home, section, topic, author), else the site's.

    A page with a feed of its own from a feature app (a live's entries) links it first,
    then the site's.
    """
    from kiosque.newsroom.models import AuthorPage, HomePage, SectionPage, TopicPage

    if extensions.has_own_feed(page):
        return _feed_pair(f"{page.title} – {site_name}", page_url(page, site)) + _feed_pair(
            site_name, absolute("/")
        )
    has_own = isinstance(page, HomePage | SectionPage | TopicPage | AuthorPage)
    base = page_url(page, site) if has_own else absolute("/")
    title = (
        site_name if not has_own or isinstance(page, HomePage) else f"{page.title} – {site_name}"
    )
    return _feed_pair(title, base)


def _listing_page_number(request) -> int:
    raw = request.GET.get("page", "1")
    return whole_number(raw, maximum=999_999) or 1


def canonical_url(page, site, request) -> str:
    url = page_url(page, site)
    if hasattr(page, "listed_articles") and _listing_page_number(request) > 1:
        url += f"?page={_listing_page_number(request)}"
    return url


def _policies(context):
    """Settings › Policies, from Wagtail's per-request cache the footer also reads."""
    from kiosque.editorial.models import PolicySettings

    request = context.get("request")
    return PolicySettings.for_request(request) if request is not None else None


def _article_parts(context, article, site, newsroom) -> dict:
    from kiosque.newsroom.article_view import (
        body_plain_text,
        breadcrumb,
        credited_agencies,
        credited_authors,
    )

    authors = context.get("authors")
    if authors is None:
        authors = credited_authors(article)
    agencies = context.get("agencies")
    if agencies is None:
        agencies = credited_agencies(article)
    sections = context.get("breadcrumb")
    if sections is None:
        sections = breadcrumb(article)
    facts = article_facts(
        article,
        site=site,
        newsroom=newsroom,
        authors=authors,
        agencies=agencies,
        sections=list(sections),
        policies=_policies(context),
    )
    words = len((article.standfirst + " " + body_plain_text(article.body)).split())
    facts = ld.ArticleFacts(**{**facts.__dict__, "word_count": words})
    image_alt = ""
    if article.lead_image is not None:
        image_alt = article.lead_image_alt or article.lead_image.description
    return {
        "robots": ROBOTS_NOINDEX if article.noindex else ROBOTS_INDEXABLE_ARTICLE,
        "meta": article_sharing_tags(
            facts, site_name=newsroom.site_name, image=wide_image(facts), image_alt=image_alt
        ),
        "json_ld": [
            ld.json_ld_script(_article_json_ld(context, article, facts, site, newsroom)),
            ld.json_ld_script(ld.breadcrumb_json_ld(facts.breadcrumb)),
        ],
    }


def _article_json_ld(context, article, facts, site, newsroom) -> dict:
    data = ld.article_json_ld(facts)
    extension = extensions.for_page(article)
    if extension is not None and extension.json_ld is not None:
        # A feature app's kind of article (a live) says what it is on top of the article.
        data = extension.json_ld(article, data, context=context, site=site, newsroom=newsroom)
    return data


def _section_breadcrumb(context, page, site, newsroom) -> list:
    trail = [ld.Crumb(newsroom.site_name, absolute("/"))]
    trail += [ld.Crumb(s.title, page_url(s, site)) for s in context.get("breadcrumb") or []]
    if not trail or trail[-1].url != page_url(page, site):
        trail.append(ld.Crumb(page.title, page_url(page, site)))
    return [ld.json_ld_script(ld.breadcrumb_json_ld(trail))]


def head_context(context) -> dict:
    """Everything distribution/head.html prints; {} outside Wagtail pages."""
    from kiosque.newsroom.models import ArticlePage, HomePage, NewsroomSettings, SectionPage

    request = context.get("request")
    page = context.get("page")
    # Other views call their own things "page" (a page of comments, of results).
    if request is None or not isinstance(page, Page):
        return {"feeds": [], "meta": [], "json_ld": []}
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    newsroom = context.get("newsroom") or NewsroomSettings.for_request(request)
    head = {
        "canonical": canonical_url(page, site, request),
        "feeds": _feed_links(page, site, newsroom.site_name),
        "meta": [],
        "json_ld": [],
    }
    if isinstance(page, ArticlePage):
        head.update(_article_parts(context, page, site, newsroom))
        return head
    title = newsroom.site_name if isinstance(page, HomePage) else (page.seo_title or page.title)
    description = page.search_description or getattr(page, "intro", "") or ""
    head["meta"] = page_sharing_tags(
        url=head["canonical"],
        title=title,
        description=description,
        site_name=newsroom.site_name,
        language=settings.LANGUAGE_CODE,
    )
    if isinstance(page, HomePage):
        website = ld.website_json_ld(
            name=newsroom.site_name,
            url=absolute("/"),
            language=settings.LANGUAGE_CODE,
            search_url_template=absolute(SEARCH_PATH),
            publisher=publisher_facts(newsroom, site, _policies(context)),
        )
        head["json_ld"] = [ld.json_ld_script(website)]
    elif isinstance(page, SectionPage):
        head["json_ld"] = _section_breadcrumb(context, page, site, newsroom)
    return head
