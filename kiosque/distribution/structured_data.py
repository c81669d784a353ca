"""schema.org JSON-LD for articles, breadcrumbs and the site: pure functions.

Everything here works on plain facts (dataclasses below) and returns dictionaries, so
the rules are tested without a database and later issues extend them in one place:
issue 7's corrections fill `ArticleFacts.corrections`, which becomes `correction`.
`json_ld_script()` turns a dictionary into a <script type="application/ld+json">
element that no text of an article can break out of.

Article types map to schema.org types as recorded in decision 0031. A live coverage is
a LiveBlogPosting, rewritten by the live app through kiosque.distribution.extensions.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.safestring import SafeString, mark_safe

SCHEMA_CONTEXT = "https://schema.org"

# Decision 0031: the schema.org type of each Kiosque article type.
ARTICLE_SCHEMA_TYPES = {
    "info": "ReportageNewsArticle",
    "analyse": "AnalysisNewsArticle",
    "opinion": "OpinionNewsArticle",
    # schema.org has no interview or fact-check subtype of NewsArticle: the plain type,
    # with `genre` saying what it is. (A ClaimReview needs a claim and a verdict that
    # articles do not record yet.)
    "entretien": "NewsArticle",
    "vrai-ou-faux": "NewsArticle",
}
ARTICLE_GENRES = {"entretien": "Interview", "vrai-ou-faux": "Fact check"}
DEFAULT_ARTICLE_SCHEMA_TYPE = "NewsArticle"


@dataclass(frozen=True)
class ImageFacts:
    url: str
    width: int
    height: int
    credit: str  # "Photographer / Source / Agency", without parentheses
    copyright_notice: str
    caption: str = ""


@dataclass(frozen=True)
class PersonFacts:
    name: str
    url: str
    job_title: str = ""


@dataclass(frozen=True)
class OrganizationFacts:
    name: str
    url: str = ""


@dataclass(frozen=True)
class PublisherFacts:
    name: str
    url: str
    logo: ImageFacts | None = None
    corrections_policy: str = ""
    ethics_policy: str = ""
    publishing_principles: str = ""
    ownership_funding_info: str = ""
    actionable_feedback_policy: str = ""


@dataclass(frozen=True)
class Crumb:
    name: str
    url: str


@dataclass(frozen=True)
class CorrectionFacts:
    """A public correction (rectificatif); filled by issue 7."""

    text: str
    published_at: datetime


@dataclass(frozen=True)
class ArticleFacts:
    url: str  # canonical, absolute
    article_type: str
    headline: str
    description: str
    published_at: datetime  # aware, in the newsroom's zone
    modified_at: datetime  # the « Mis à jour » time, else the publication time
    language: str
    publisher: PublisherFacts
    persons: tuple[PersonFacts, ...] = ()
    organizations: tuple[OrganizationFacts, ...] = ()  # credited when no person is
    images: tuple[ImageFacts, ...] = ()
    section: str = ""
    keywords: tuple[str, ...] = ()
    dateline: str = ""
    word_count: int | None = None
    breadcrumb: tuple[Crumb, ...] = ()
    corrections: tuple[CorrectionFacts, ...] = field(default=())


def iso_datetime(moment: datetime) -> str:
    """ISO 8601 with its offset ("2026-11-25T13:35:00+01:00"); naive times are refused."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("structured data needs aware datetimes (with a time zone)")
    return moment.replace(microsecond=0).isoformat()


def image_object(image: ImageFacts) -> dict:
    data = {
        "@type": "ImageObject",
        "url": image.url,
        "contentUrl": image.url,
        "width": image.width,
        "height": image.height,
        "creditText": image.credit,
        "copyrightNotice": image.copyright_notice,
    }
    if image.caption:
        data["caption"] = image.caption
    return data


def person(author: PersonFacts) -> dict:
    data = {"@type": "Person", "name": author.name, "url": author.url}
    if author.job_title:
        data["jobTitle"] = author.job_title
    return data


def organization(credited: OrganizationFacts) -> dict:
    data = {"@type": "Organization", "name": credited.name}
    if credited.url:
        data["url"] = credited.url
    return data


def publisher_object(publisher: PublisherFacts) -> dict:
    data = {
        "@type": "NewsMediaOrganization",
        "@id": publisher.url.rstrip("/") + "/#publisher",
        "name": publisher.name,
        "url": publisher.url,
    }
    if publisher.logo is not None:
        data["logo"] = {
            "@type": "ImageObject",
            "url": publisher.logo.url,
            "width": publisher.logo.width,
            "height": publisher.logo.height,
        }
    policies = {
        "correctionsPolicy": publisher.corrections_policy,
        "ethicsPolicy": publisher.ethics_policy,
        "publishingPrinciples": publisher.publishing_principles,
        "ownershipFundingInfo": publisher.ownership_funding_info,
        "actionableFeedbackPolicy": publisher.actionable_feedback_policy,
    }
    data.update({name: url for name, url in policies.items() if url})
    return data


def article_json_ld(facts: ArticleFacts) -> dict:
    """The NewsArticle (or subtype) describing one article page."""
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": ARTICLE_SCHEMA_TYPES.get(facts.article_type, DEFAULT_ARTICLE_SCHEMA_TYPE),
        "@id": facts.url + "#article",
        "url": facts.url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": facts.url},
        "headline": facts.headline,
        "description": facts.description,
        "datePublished": iso_datetime(facts.published_at),
        "dateModified": iso_datetime(max(facts.modified_at, facts.published_at)),
        "inLanguage": facts.language,
        "isAccessibleForFree": True,
        "publisher": publisher_object(facts.publisher),
    }
    if facts.article_type in ARTICLE_GENRES:
        data["genre"] = ARTICLE_GENRES[facts.article_type]
    if facts.images:
        data["image"] = [image_object(image) for image in facts.images]
    data["author"] = article_authors(facts)
    if facts.dateline:
        data["dateline"] = facts.dateline
    if facts.section:
        data["articleSection"] = facts.section
    if facts.keywords:
        data["keywords"] = list(facts.keywords)
    if facts.word_count is not None:
        data["wordCount"] = facts.word_count
    if facts.corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.text,
                "datePublished": iso_datetime(correction.published_at),
            }
            for correction in facts.corrections
        ]
    return data


def article_authors(facts: ArticleFacts) -> list[dict]:
    """Who the page credits: the named journalists, else the newsroom (and agencies).

    Mirrors the visible credit line: with agencies the newsroom is credited "avec AFP",
    and search engines are told the same.
    """
    if facts.persons and not facts.organizations:
        return [person(author) for author in facts.persons]
    if facts.organizations:
        return [organization(credited) for credited in facts.organizations]
    return [organization(OrganizationFacts(facts.publisher.name, facts.publisher.url))]


def breadcrumb_json_ld(trail: tuple[Crumb, ...] | list[Crumb]) -> dict:
    """BreadcrumbList from the home page down to the page itself."""
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": crumb.name, "item": crumb.url}
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def website_json_ld(
    *, name: str, url: str, language: str, search_url_template: str, publisher: PublisherFacts
) -> dict:
    """The WebSite, with the SearchAction that lets a search engine offer a site search.

    `search_url_template` holds "{search_term_string}" where the query goes.
    """
    if "{search_term_string}" not in search_url_template:
        raise ValueError("the search URL template needs {search_term_string}")
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "WebSite",
        "@id": url.rstrip("/") + "/#website",
        "name": name,
        "url": url,
        "inLanguage": language,
        "publisher": publisher_object(publisher),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search_url_template},
            "query-input": "required name=search_term_string",
        },
    }


# "<", ">" and "&" as JSON escapes: a title containing "</script>" or "<!--" stays
# inside the element, and the JSON still reads back to the same text.
_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def json_ld_script(data: dict | list) -> SafeString:
    """A <script type="application/ld+json"> element carrying `data`.

    A data block, not a script: browsers never execute it, so the reader pages' strict
    Content-Security-Policy (script-src 'self', no inline code) does not apply to it.
    """
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    payload = payload.translate(_SCRIPT_ESCAPES)
    # U+2028/2029 are valid JSON but end lines in old JavaScript parsers.
    payload = payload.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308
