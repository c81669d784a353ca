"""The shapes of the API's answers, as published in the OpenAPI document.

Only what readers can already see on the site goes in: nothing about the staff who
edited a page (owners, revisions, locks) and nothing about readers.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

ArticleTypeValue = Literal[
    "info", "analyse", "opinion", "entretien", "vrai-ou-faux", "direct", "direct-termine"
]


class Problem(Schema):
    detail: str = Field(description="What was wrong, in English.")


class ValidationProblem(Schema):
    detail: list[dict] = Field(description="One entry per invalid parameter: loc, msg, type.")


class PageLink(Schema):
    id: int = Field(description="Wagtail page id.")
    title: str
    url: str = Field(description="Public address of the page.")


class Section(PageLink):
    parent: int | None = Field(description="Id of the parent section; null at the top.")
    articles: str = Field(description="API address of the section's articles.")


class Topic(PageLink):
    intro: str
    articles: str = Field(description="API address of the topic's articles.")


class Author(Schema):
    id: int
    name: str
    url: str
    job_title: str
    articles: str = Field(description="API address of the author's articles.")


class Agency(Schema):
    name: str = Field(description="As credited, e.g. AFP.")
    full_name: str


class Rendition(Schema):
    name: str
    url: str
    width: int
    height: int
    content_type: str


class LeadImage(Schema):
    url: str = Field(description="A JPEG rendition, 800×450 (cropped to 16:9).")
    width: int
    height: int
    alt: str = Field(description="Alternative text.")
    caption: str
    credit: str = Field(description="As printed: (Photographer / Source / Agency).")
    renditions: list[Rendition] = Field(description="Every size offered, smallest first.")


class LiveCoverage(Schema):
    """What makes an article a live coverage (« En direct »): its times and its entries."""

    state: Literal["upcoming", "running", "ended"] = Field(
        description="Before its start, running, or ended, at the time of the answer."
    )
    coverage_start: datetime = Field(
        description="When the coverage starts: the time set by the newsroom, else its "
        "first publication."
    )
    coverage_end: datetime | None = Field(description="When it ends; null while open-ended.")
    feed_url: str | None = Field(
        description="Atom feed of its entries, newest first (one item per entry); null "
        "when the live is kept out of search engines and feeds."
    )
    updates_url: str = Field(
        description="The JSON the live page polls: the latest entries as HTML fragments."
    )


class ArticleSummary(Schema):
    id: int = Field(description="The article's page id, as used in /articles/{id}.")
    url: str = Field(description="Public address of the article.")
    api_url: str
    ninjs_url: str
    title: str
    standfirst: str
    article_type: ArticleTypeValue
    dateline: str
    language: str = Field(description="Language of the article (BCP 47), e.g. fr.")
    section: PageLink | None = Field(description="The section the article is filed in.")
    sections: list[PageLink] = Field(description="Its sections from the top: Monde, Europe.")
    topic: PageLink | None
    authors: list[PageLink]
    agencies: list[Agency] = Field(description="Agencies credited on the article.")
    credit: str = Field(description="The credit line, in the article's language.")
    published: datetime = Field(description="First publication (UTC, ISO 8601).")
    updated: datetime | None = Field(
        description="« Mis à jour »: the latest significant update readers are told about; "
        "null when there is none (typo fixes and changes within the grace period do not count)."
    )
    modified: datetime = Field(
        description="Latest publication of any kind, typo fixes included: what "
        "`updated_since` filters on."
    )
    lead_image: LeadImage | None
    live: LiveCoverage | None = Field(
        default=None,
        description="Live coverages (article_type direct or direct-termine) only; null "
        "for every other article.",
    )


class Article(ArticleSummary):
    body_html: str = Field(description="The body as the article page shows it.")


class ArticleList(Schema):
    items: list[ArticleSummary]
    next: str | None = Field(description="Cursor of the next page; null on the last page.")
    next_url: str | None = Field(description="The next page's address, filters included.")
