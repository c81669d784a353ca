"""Everything the article template shows, computed once per request.

The template only lays out what is prepared here; the rules themselves (age banner,
credit line, reading time, topic prefix) are pure functions in kiosque.newsroom.text.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from kiosque.core.prepared import PreparedQuery, held_in_memory
from kiosque.newsroom import selectors
from kiosque.newsroom.article_parts import ArticleRequest, add_parts
from kiosque.newsroom.images import LEAD, picture_sources
from kiosque.newsroom.sections import section_trail
from kiosque.newsroom.text.age_banner import age_banner_text
from kiosque.newsroom.text.credit_line import credit_line
from kiosque.newsroom.text.photo_credit import photo_credit
from kiosque.newsroom.text.reading_time import html_to_text, reading_time_minutes


@dataclass(frozen=True)
class LeadPicture:
    sources: dict
    alt: str
    caption: str
    credit: str


def body_plain_text(body) -> str:
    """The words of a StreamField body that a reader reads (for the reading time)."""
    parts: list[str] = []
    for block in body:
        if block.block_type == "paragraph":
            parts.append(html_to_text(block.value.source))
        elif block.block_type == "subheading":
            parts.append(str(block.value))
        elif block.block_type == "quote":
            parts.append(block.value["text"])
            parts.append(block.value.get("attribution") or "")
    return "\n".join(parts)


def lead_picture(article) -> LeadPicture | None:
    image = article.lead_image
    if image is None:
        return None
    return LeadPicture(
        sources=picture_sources(image, LEAD),
        alt=article.lead_image_alt or image.description,
        caption=article.lead_image_caption or image.caption,
        credit=article.lead_image_credit
        or photo_credit(photographer=image.photographer, source=image.source, agency=image.agency),
    )


def _author_links(page_id: int):
    from kiosque.newsroom.models import ArticleAuthor

    return ArticleAuthor.objects.filter(page_id=page_id).select_related("author")


def _agencies_of(page_id: int):
    from kiosque.newsroom.models import Agency

    return Agency.objects.filter(articles=page_id)


# Compiled once (core.prepared): every article rendered whole reads both.
_AUTHOR_LINKS = PreparedQuery("newsroom.ArticleAuthor", _author_links, page_id=int)
_AGENCIES_OF = PreparedQuery("newsroom.Agency", _agencies_of, page_id=int)


def credited_agencies(article) -> list:
    if held_in_memory(article, "agencies"):  # a preview shows the draft's agencies
        return list(article.agencies.all())
    return _AGENCIES_OF.all(page_id=article.pk)


def credited_authors(article) -> list:
    if held_in_memory(article, "article_authors"):  # a preview shows the draft's authors
        links = article.article_authors.all().select_related("author")
    else:
        links = _AUTHOR_LINKS.all(page_id=article.pk)
    authors = []
    for link in links:
        if link.author not in authors:
            authors.append(link.author)
    return authors


def linked_credit_line(newsroom_name: str, agencies: list, authors: list, language: str):
    """The credit line with each named author linking to their page.

    Every name goes in escaped (authors as ready-made links) and credit_line() only
    adds words and punctuation around them, so the result is safe HTML.
    """
    author_links = [format_html('<a href="{}">{}</a>', a.url, a.title) for a in authors]
    text = credit_line(
        newsroom=conditional_escape(newsroom_name),
        agencies=[conditional_escape(agency.name) for agency in agencies],
        authors=author_links,
        language=language,
    )
    return mark_safe(text)  # noqa: S308 (inputs escaped above)


def breadcrumb(article, request=None) -> list:
    """The sections above the article, from the site's remembered list (sections.py)."""
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else article.get_site()
    if site is None:
        return []
    return section_trail(request, site, article)


def article_page_context(article, request) -> dict:
    """The article template's context.

    What the clock changes (age banner here, comments open or closed in the discussion's
    part) is computed now; the rest is lazy: the template only needs it when a cached
    fragment of the page (kiosque.edge.fragments) is missing or stale, the rare case.
    """
    from kiosque.newsroom.models import NewsroomSettings

    newsroom = NewsroomSettings.for_request(request)
    language = get_language() or "fr"
    now = timezone.now()
    zone = newsroom.zone

    published_at = article.first_published_at
    authors = SimpleLazyObject(lambda: credited_authors(article))
    agencies = SimpleLazyObject(lambda: credited_agencies(article))

    context = {
        "newsroom": newsroom,
        "age_banner": (
            age_banner_text(
                published_at, now, zone, language, min_years=newsroom.age_banner_min_years
            )
            if published_at
            else None
        ),
        "credit_line": SimpleLazyObject(
            lambda: linked_credit_line(newsroom.newsroom_name, agencies, authors, language)
        ),
        "authors": authors,
        "agencies": agencies,
        # Shown in the newsroom's zone, activated for reader pages by a Wagtail hook.
        "published_at": published_at,
        "updated_at": article.major_update_at,
        "reading_minutes": SimpleLazyObject(
            lambda: reading_time_minutes(
                article.standfirst,
                body_plain_text(article.body),
                words_per_minute=newsroom.words_per_minute,
            )
        ),
        "lead_picture": SimpleLazyObject(lambda: lead_picture(article)),
        "breadcrumb": SimpleLazyObject(lambda: breadcrumb(article, request)),
        "related_articles": SimpleLazyObject(lambda: selectors.related_articles(article)),
    }
    # The comments (discussion) and the page's clock steps (edge): article_parts.py.
    add_parts(ArticleRequest(article, request, newsroom, now, language), context)
    return context
