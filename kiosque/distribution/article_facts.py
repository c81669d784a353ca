"""The facts structured data and sharing tags state about an article, read once.

The article page has already fetched its authors, agencies and breadcrumb for the
visible byline; they are passed in rather than queried again, so the page keeps a
fixed number of queries.
"""

from django.utils import timezone

from kiosque.distribution.images import existing_share_renditions
from kiosque.distribution.links import absolute, page_url
from kiosque.distribution.structured_data import (
    ArticleFacts,
    CorrectionFacts,
    Crumb,
    ImageFacts,
    OrganizationFacts,
    PersonFacts,
    PublisherFacts,
)
from kiosque.newsroom.text.credit_line import clean_names
from kiosque.newsroom.text.typography import typeset


def photo_credit_text(article) -> str:
    """ "Photographer / Source / Agency" with only the names known (no dash, no
    parentheses): what `creditText` and `media:credit` expect."""
    override = (article.lead_image_credit or "").strip()
    if override:
        return override.removeprefix("(").removesuffix(")").strip()
    image = article.lead_image
    return " / ".join(clean_names([image.photographer, image.source, image.agency]))


def copyright_notice(image, publisher_name: str) -> str:
    """Who holds the rights: the agency that sells the picture, else the photographer,
    else the source that handed it out, else the newsroom's own publisher."""
    holder = next(
        (name.strip() for name in (image.agency, image.photographer, image.source) if name),
        publisher_name,
    )
    return f"© {holder}"


def lead_image_facts(article, publisher_name: str) -> tuple[ImageFacts, ...]:
    """The 16:9, 4:3 and 1:1 renditions of the lead image (16:9 first); () without one."""
    image = article.lead_image
    if image is None:
        return ()
    credit = photo_credit_text(article) or publisher_name
    notice = copyright_notice(image, publisher_name)
    caption = article.lead_image_caption or image.caption
    # Until the worker has made the renditions, the original upload stands in.
    files = list(existing_share_renditions(image).values()) or [image]
    return tuple(
        ImageFacts(
            url=absolute(picture.file.url),
            width=picture.width,
            height=picture.height,
            credit=credit,
            copyright_notice=notice,
            caption=caption,
        )
        for picture in files
    )


def publisher_facts(newsroom, site, policies=None) -> PublisherFacts:
    """The publisher with its logo and the newsroom's policy pages (decision 0031)."""
    logo = None
    if newsroom.logo is not None:
        # The file the newsroom uploaded, as it is: a logo is small and must not be
        # re-encoded (transparency, exact colours).
        logo = ImageFacts(
            url=absolute(newsroom.logo.file.url),
            width=newsroom.logo.width,
            height=newsroom.logo.height,
            credit=newsroom.publisher_name,
            copyright_notice=f"© {newsroom.publisher_name}",
        )

    def policy(page) -> str:
        return page_url(page, site) if page is not None and page.live else ""

    return PublisherFacts(
        name=newsroom.publisher_name,
        url=absolute("/"),
        logo=logo,
        corrections_policy=policy(newsroom.corrections_page),
        ethics_policy=policy(newsroom.ethics_page),
        # No page of its own in the settings: the ethics charter states the principles.
        publishing_principles=policy(newsroom.ethics_page),
        # Settings › Policies (issue 7), read once per request with the footer.
        ownership_funding_info=policy(policies.ownership_page) if policies else "",
        actionable_feedback_policy=policy(policies.contact_page) if policies else "",
    )


def article_credits(article, newsroom, site, authors, agencies):
    """(persons, organizations) as the visible credit line names them."""
    newsroom_org = OrganizationFacts(newsroom.newsroom_name, absolute("/"))
    if agencies:
        return (), (
            newsroom_org,
            *(OrganizationFacts(agency.name, agency.website) for agency in agencies),
        )
    if authors:
        return tuple(
            PersonFacts(author.title, page_url(author, site), author.job_title)
            for author in authors
        ), ()
    return (), (newsroom_org,)


def breadcrumb_trail(article, site, newsroom, sections) -> tuple[Crumb, ...]:
    return (
        Crumb(newsroom.site_name, absolute("/")),
        *(Crumb(section.title, page_url(section, site)) for section in sections),
        Crumb(article.title, page_url(article, site)),
    )


def article_facts(
    article, *, site, newsroom, authors, agencies, sections, policies=None
) -> ArticleFacts:
    """Everything the JSON-LD and the sharing tags say about `article`."""
    zone = newsroom.zone
    published_at = timezone.localtime(article.first_published_at or timezone.now(), zone)
    corrections = correction_facts(article, zone)
    # A « Rectificatif » modifies the article as much as a major update does.
    modified_at = max(
        [timezone.localtime(article.major_update_at or published_at, zone)]
        + [correction.published_at for correction in corrections]
    )
    persons, organizations = article_credits(article, newsroom, site, authors, agencies)
    keywords = clean_names(
        [article.topic.title if article.topic else "", *(section.title for section in sections)]
    )
    return ArticleFacts(
        url=page_url(article, site),
        article_type=article.article_type,
        # Typeset as on the page (no-break spaces in « 150 000 », before « : »): share
        # cards and search results show these words to readers too.
        headline=typeset(article.title, article.language),
        description=typeset(article.search_description or article.standfirst, article.language),
        published_at=published_at,
        modified_at=modified_at,
        language=article.language,
        publisher=publisher_facts(newsroom, site, policies),
        persons=persons,
        organizations=organizations,
        images=lead_image_facts(article, newsroom.publisher_name),
        section=sections[-1].title if sections else "",
        keywords=tuple(keywords),
        dateline=(article.dateline or "").strip().rstrip("–—-").strip(),
        breadcrumb=breadcrumb_trail(article, site, newsroom, sections),
        corrections=corrections,
    )


def correction_facts(article, zone) -> tuple[CorrectionFacts, ...]:
    """The article's public « Rectificatif » notes (issue 7), as shown on the page."""
    from kiosque.editorial.selectors import article_corrections

    return tuple(
        CorrectionFacts(text=c.text, published_at=timezone.localtime(c.corrected_at, zone))
        for c in article_corrections(article)
    )


def wide_image(facts: ArticleFacts) -> ImageFacts | None:
    """The picture OpenGraph shows: the 16:9 rendition, else whatever exists (the
    original upload before the worker has run)."""
    wide = (image for image in facts.images if image.width * 9 == image.height * 16)
    return next(wide, facts.images[0] if facts.images else None)
