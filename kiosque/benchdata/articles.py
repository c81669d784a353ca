"""Published articles in bulk: the page row, the article row and what hangs on them.

Each article is written the way a published, never-edited-since article looks in the
database: live, first/last publication times, draft title equal to the title, one or
two entries in the publication log (kiosque.newsroom's « Mis à jour » rule applied to
them), authors, agencies, a dossier for some. No revision is stored: Wagtail's editor
opens a page without revisions from its live row, and the first save in the admin
creates the first revision.
"""

import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale, Page

from kiosque.benchdata.rows import TableRows
from kiosque.benchdata.text import TextMaker, article_slug
from kiosque.benchdata.tree import ChildSlots, record_children
from kiosque.benchdata.writer import fast_load_session, reserve_ids
from kiosque.newsroom.models import ArticleAuthor, ArticlePage, ArticlePublication, ArticleType
from kiosque.newsroom.updates import Publication, visible_update_time

CHUNK = 10_000
YEARS_OF_ARCHIVE = 6
ARTICLE_TYPES = [
    (ArticleType.INFO, 70),
    (ArticleType.ANALYSE, 12),
    (ArticleType.OPINION, 8),
    (ArticleType.ENTRETIEN, 6),
    (ArticleType.VRAI_OU_FAUX, 4),
]


@dataclass
class ArticleSpec:
    """Everything chosen about one article before it is written."""

    section_slots: ChildSlots
    title: str
    slug: str
    published_at: datetime
    updated_at: datetime | None
    article_type: str
    standfirst: str
    dateline: str
    body: str
    topic_id: int | None
    author_ids: list
    agency_ids: list
    picture: object
    comments_enabled: bool = True


class ArticleWriter:
    def __init__(self, skeleton, *, grace: timedelta):
        self.skeleton = skeleton
        self.grace = grace
        self.page_rows = TableRows(Page)
        self.article_rows = TableRows(ArticlePage, with_id=True)
        self.author_rows = TableRows(ArticleAuthor, with_id=False)
        self.publication_rows = TableRows(ArticlePublication, with_id=False)
        self.agency_table = ArticlePage.agencies.through._meta.db_table
        self.content_type_id = ContentType.objects.get_for_model(ArticlePage).pk
        self.locale_id = (Locale.get_default() if Locale.objects.exists() else None).pk
        self.slots = {section.pk: ChildSlots(section) for section, _ in skeleton.sections}

    def write(self, specs: list[ArticleSpec]) -> list[int]:
        """Insert `specs` in one transaction; returns their page ids in order."""
        from kiosque.benchdata.writer import insert_rows

        with transaction.atomic():
            fast_load_session()
            first_id = reserve_ids(Page._meta.db_table, len(specs))
            ids = list(range(first_id, first_id + len(specs)))
            pages, articles, authors, agencies, publications = [], [], [], [], []
            for page_id, spec in zip(ids, specs, strict=True):
                pages.append(self._page(page_id, spec))
                articles.append(self._article(page_id, spec))
                for order, author_id in enumerate(spec.author_ids):
                    authors.append(
                        {"page_id": page_id, "author_id": author_id, "sort_order": order}
                    )
                agencies.extend((page_id, agency_id) for agency_id in spec.agency_ids)
                publications.append(self._publication(page_id, spec.published_at))
                if spec.updated_at:
                    publications.append(self._publication(page_id, spec.updated_at))
            self.page_rows.insert(pages)
            self.article_rows.insert(articles)
            self.author_rows.insert(authors)
            insert_rows(self.agency_table, ["articlepage_id", "agency_id"], agencies)
            self.publication_rows.insert(publications)
            record_children(self.slots.values())
        return ids

    def _page(self, page_id: int, spec: ArticleSpec) -> dict:
        path, depth = spec.section_slots.take()
        last = spec.updated_at or spec.published_at
        return {
            "id": page_id,
            "path": path,
            "depth": depth,
            "numchild": 0,
            "title": spec.title,
            "draft_title": spec.title,
            "slug": spec.slug,
            "url_path": spec.section_slots.url_path(spec.slug),
            "content_type_id": self.content_type_id,
            "locale_id": self.locale_id,
            "translation_key": uuid.uuid4(),
            "live": True,
            "has_unpublished_changes": False,
            "first_published_at": spec.published_at,
            "last_published_at": last,
            "latest_revision_created_at": last,
            "live_revision_id": None,
            "latest_revision_id": None,
        }

    def _article(self, page_id: int, spec: ArticleSpec) -> dict:
        picture = spec.picture
        update_time = visible_update_time(
            spec.published_at,
            [Publication(p, minor=False) for p in (spec.published_at, spec.updated_at) if p],
            self.grace,
        )
        return {
            "page_ptr_id": page_id,
            "article_type": spec.article_type,
            "standfirst": spec.standfirst,
            "dateline": spec.dateline,
            "body": spec.body,
            "language": "fr",
            "lead_image_id": picture.pk if picture else None,
            "lead_image_alt": picture.description if picture else "",
            "comments_enabled": spec.comments_enabled,
            "major_update_at": update_time,
            "topic_id": spec.topic_id,
        }

    def _publication(self, page_id: int, when: datetime) -> dict:
        return {"article_id": page_id, "published_at": when, "minor": False, "revision_id": None}


class ArticlePlanner:
    """Chooses section, dates, text and credits of each article, reproducibly."""

    def __init__(self, skeleton, writer: ArticleWriter, rng: random.Random, text: TextMaker):
        self.skeleton, self.writer, self.rng, self.text = skeleton, writer, rng, text
        self.sections = [writer.slots[s.pk] for s, _ in skeleton.sections]
        self.section_weights = [w for _, w in skeleton.sections]
        self.types = [t for t, _ in ARTICLE_TYPES]
        self.type_weights = [w for _, w in ARTICLE_TYPES]

    def publication_times(self, count: int, now: datetime) -> list[datetime]:
        """`count` times over the archive's years, oldest first, in working hours."""
        start = now - timedelta(days=365 * YEARS_OF_ARCHIVE)
        span = (now - timedelta(hours=2) - start).total_seconds()
        times = sorted(start + timedelta(seconds=self.rng.random() * span) for _ in range(count))
        return [t.replace(hour=6 + t.hour % 16) for t in times]

    def spec(self, number: int, published_at: datetime, now: datetime) -> ArticleSpec:
        rng, skeleton = self.rng, self.skeleton
        title = self.text.title()
        updated_at = None
        if rng.random() < 0.15:
            updated_at = min(published_at + timedelta(minutes=rng.randint(20, 3000)), now)
        authors = rng.sample(skeleton.authors, 2 if rng.random() < 0.2 else 1)
        agencies = [rng.choice(skeleton.agency_ids)] if rng.random() < 0.4 else []
        return ArticleSpec(
            section_slots=rng.choices(self.sections, self.section_weights)[0],
            title=title,
            slug=article_slug(title, number),
            published_at=published_at,
            updated_at=updated_at,
            article_type=rng.choices(self.types, self.type_weights)[0],
            standfirst=self.text.standfirst(),
            dateline=self.text.dateline(),
            body=self.text.body(rng.randint(4, 9)),
            topic_id=rng.choice(skeleton.topics).pk if rng.random() < 0.3 else None,
            author_ids=[a.pk for a in authors],
            agency_ids=agencies,
            picture=rng.choice(skeleton.pictures) if rng.random() < 0.8 else None,
            comments_enabled=rng.random() < 0.9,
        )
