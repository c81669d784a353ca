"""The demo's lives: one running since a few hours before `make run`, one ended.

Idempotent like the rest of the demo: a live that exists (by slug) is left as it is.
Entries are written as the newsroom would have posted them, at their place in time,
through the live's own service (kiosque.live.services), so the demo exercises it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from io import BytesIO

from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.models import Revision
from wagtail.rich_text import RichText

from kiosque.demo.content.lives import LIVES
from kiosque.demo.pictures import draw_picture, make_renditions
from kiosque.live import services
from kiosque.live.models import LivePage
from kiosque.newsroom.models import ArticleAuthor, ArticlePage, ArticlePublication, NewsImage
from kiosque.newsroom.services import article_update_time_refresh

PHOTOGRAPHER = "Paul Ravenel"  # the newsroom's own (invented) photographer


def _picture(slug: str, picture: tuple) -> NewsImage:
    palette, alt, caption, source = picture
    image = NewsImage(
        title=caption[:255],
        description=alt,
        caption=caption,
        photographer=PHOTOGRAPHER,
        source=source,
    )
    image.file = ImageFile(BytesIO(draw_picture(slug, palette)), name=f"{slug}.jpg")
    image.save()
    make_renditions(image)
    return image


def _body(paragraphs: list[str], options: dict, slug: str) -> list:
    from kiosque.demo.builder import paragraph_html

    blocks = [{"type": "paragraph", "value": paragraph_html(text)} for text in paragraphs]
    if "list" in options:
        blocks.append({"type": "bullet_list", "value": options["list"]})
    if "quote" in options:
        text, who = options["quote"]
        blocks.append({"type": "quote", "value": {"text": text, "attribution": who}})
    if "image" in options:
        image = _picture(slug, options["image"])
        value = {"image": image.pk, "alt_text": "", "caption": "", "credit": ""}
        blocks.append({"type": "image", "value": value})
    return blocks


def _backdate(live: LivePage, revision: Revision, started: datetime) -> None:
    Revision.objects.filter(pk=revision.pk).update(created_at=started)
    ArticlePage.objects.filter(pk=live.pk).update(
        first_published_at=started, last_published_at=started, latest_revision_created_at=started
    )
    ArticlePublication.objects.filter(article=live).delete()
    ArticlePublication.objects.create(
        article=live, revision=revision, published_at=started, minor=False
    )
    article_update_time_refresh(article=live)


def create_live(data: dict, *, now: datetime, sections, topics, authors, agencies) -> LivePage:
    from kiosque.demo.builder import paragraph_html, publish

    started = now - timedelta(**data["started_ago"])
    ended = now - timedelta(**data["ended_ago"]) if "ended_ago" in data else None
    lead = _picture(data["slug"], data["picture"])
    live = LivePage(
        title=data["title"],
        slug=data["slug"],
        topic=topics.get(data.get("topic")) if data.get("topic") else None,
        standfirst=data["standfirst"],
        body=[("paragraph", RichText(paragraph_html(text))) for text in data["context"]],
        lead_image=lead,
        lead_image_alt=data["picture"][1],
        coverage_start=started,
        coverage_end=ended,
    )
    live.agencies = [agencies[name] for name in data["agencies"]]
    live.article_authors = [ArticleAuthor(author=authors[data["author"]])]
    sections[data["section"]].add_child(instance=live)
    _backdate(live, publish(live), started)
    author = authors[data["author"]]
    reference = ended or now
    for minutes_ago, title, paragraphs, options in data["entries"]:
        agency = agencies[options["agency"]] if "agency" in options else None
        draft = services.EntryDraft(
            body=_body(paragraphs, options, f"{data['slug']}-{minutes_ago}"),
            title=title,
            is_key=options.get("key", False),
            posted_at=reference - timedelta(minutes=minutes_ago),
            author_id=None if agency else author.pk,
            agency_id=agency.pk if agency else None,
        )
        services.post_entry(live, None, draft)
    summary_title, summary = data["summary"]
    services.post_entry(
        live,
        None,
        services.EntryDraft(
            body=_body(summary, {}, data["slug"]),
            title=summary_title,
            is_pinned=True,
            posted_at=reference - timedelta(minutes=1),
            author_id=author.pk,
        ),
    )
    return live


def ensure_demo_lives(*, now: datetime, sections, topics, authors, agencies) -> int:
    created = 0
    for data in LIVES:
        if LivePage.objects.filter(slug=data["slug"]).exists():
            continue
        with transaction.atomic():
            create_live(
                data, now=now, sections=sections, topics=topics, authors=authors,
                agencies=agencies,
            )  # fmt: skip
        created += 1
    return created
