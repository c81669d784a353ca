"""The demo's editorial states: corrections, update notes, a withdrawn article, a
scheduled one, one waiting for review, and the policy pages in Settings › Policies.

Idempotent like the rest of the demo: what exists (found by slug, or an article that
already has corrections or a note) is left as it is.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Revision

from kiosque.demo.content import editorial as content
from kiosque.editorial.models import AccessibilityStatus, Correction, PolicySettings, Withdrawal
from kiosque.editorial.services import article_withdraw
from kiosque.newsroom.models import ArticleAuthor, ArticlePage, ArticlePublication
from kiosque.newsroom.services import article_update_time_refresh

POLICY_PAGES = {
    "ownership_page": "qui-sommes-nous",
    "contact_page": "contact",
    "legal_notice_page": "mentions-legales",
    "accessibility_page": "accessibilite",
}


def ensure_policy_settings(site, pages: dict) -> None:
    settings = PolicySettings.for_site(site)
    for field, slug in POLICY_PAGES.items():
        if getattr(settings, f"{field}_id") is None and slug in pages:
            setattr(settings, field, pages[slug])
    if settings.pk is None:
        settings.accessibility_status = AccessibilityStatus.PARTIAL
    settings.save()


def ensure_editorial_demo(*, now: datetime, sections, topics, authors, agencies) -> None:
    for slug, corrections in content.CORRECTIONS.items():
        with transaction.atomic():
            add_corrections(slug, corrections, now=now)
    with transaction.atomic():
        add_update_notes()
    places = {"sections": sections, "topics": topics, "authors": authors, "agencies": agencies}
    ensure_withdrawn(now=now, **places)
    ensure_scheduled(now=now, **places)
    ensure_in_review(**places)


def add_corrections(slug: str, corrections: list, *, now: datetime) -> None:
    """Publish each correction as an editor would, at its place in time."""
    from kiosque.demo.builder import publish

    article = ArticlePage.objects.filter(slug=slug).first()
    if article is None or not article.live or article.corrections.exists():
        return
    for after, text in corrections:
        when = min(article.first_published_at + timedelta(**after), now)
        page = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
        page.corrections.add(Correction(corrected_at=when, text=text))
        revision = publish(page)
        Revision.objects.filter(pk=revision.pk).update(created_at=when)
        ArticlePublication.objects.filter(revision=revision).update(published_at=when)
        ArticlePage.objects.filter(pk=article.pk).update(
            last_published_at=when, latest_revision_created_at=when
        )
    article_update_time_refresh(article=ArticlePage.objects.get(pk=article.pk))


def add_update_notes() -> None:
    for slug, note in content.UPDATE_NOTES.items():
        article = ArticlePage.objects.filter(slug=slug, update_note="").first()
        if article is None:
            continue
        ArticlePage.objects.filter(pk=article.pk).update(update_note=note)
        # The editor opens the latest revision: the note must be there too.
        revision = article.latest_revision
        if revision is not None:
            revision.content["update_note"] = note
            revision.save(update_fields=["content"])


def _new_article(data: dict, *, sections, topics, authors, agencies, **fields) -> ArticlePage:
    from kiosque.demo.builder import body_blocks, lead_picture

    image = lead_picture(data) if data["image"] else None
    article = ArticlePage(
        title=data["title"],
        slug=data["slug"],
        article_type=data["article_type"],
        topic=topics.get(data["topic"]) if data["topic"] else None,
        standfirst=data["standfirst"],
        dateline=data["dateline"],
        body=body_blocks(data["body"]),
        lead_image=image,
        lead_image_alt=data["image"]["alt"] if image else "",
        comments_enabled=data["comments"],
        **fields,
    )
    article.agencies = [agencies[name] for name in data["agencies"]]
    article.article_authors = [ArticleAuthor(author=authors[slug]) for slug in data["authors"]]
    return article


def ensure_withdrawn(*, now, sections, topics, authors, agencies) -> None:
    from kiosque.demo.builder import backdate, publish

    data = content.WITHDRAWN
    if ArticlePage.objects.filter(slug=data["slug"]).exists():
        return
    article = _new_article(
        data, sections=sections, topics=topics, authors=authors, agencies=agencies
    )
    with transaction.atomic():
        sections[data["section"]].add_child(instance=article)
        revision = publish(article)
        backdate(article, [revision], now=now, data={**data, "updated_after": None})
        article = ArticlePage.objects.get(pk=article.pk)
        article_withdraw(article=article, origin=Withdrawal.Origin.EDITOR, reason=data["reason"])
        withdrawn_at = article.first_published_at + timedelta(**data["withdrawn_after"])
        Withdrawal.objects.filter(article=article).update(withdrawn_at=withdrawn_at)


def ensure_scheduled(*, now, sections, topics, authors, agencies) -> None:
    data = content.SCHEDULED
    if ArticlePage.objects.filter(slug=data["slug"]).exists():
        return
    editor = get_user_model().objects.filter(username="editeur").first()
    article = _new_article(
        data, sections=sections, topics=topics, authors=authors, agencies=agencies, live=False
    )
    with transaction.atomic():
        sections[data["section"]].add_child(instance=article)
        article.go_live_at = now + timedelta(**data["goes_live_in"])
        # Publishing a version whose go-live time is ahead schedules it: `kiosque
        # worker` makes it live then.
        article.save_revision(user=editor).publish(user=editor)


def ensure_in_review(*, sections, topics, authors, agencies) -> None:
    data = content.IN_REVIEW
    if ArticlePage.objects.filter(slug=data["slug"]).exists():
        return
    journalist = get_user_model().objects.filter(username="journaliste").first()
    article = _new_article(
        data,
        sections=sections,
        topics=topics,
        authors=authors,
        agencies=agencies,
        live=False,
        owner=journalist,
    )
    with transaction.atomic():
        sections[data["section"]].add_child(instance=article)
        article.save_revision(user=journalist)
        workflow = article.get_workflow()
        if workflow is not None:
            workflow.start(article, journalist)
