"""Write operations of the newsroom (services: keyword-only, typed, atomic)."""

from datetime import datetime

from django.db import transaction
from wagtail.models import Site

from kiosque.newsroom.models import ArticlePage, ArticlePublication, NewsroomSettings
from kiosque.newsroom.updates import Publication, visible_update_time


@transaction.atomic
def article_publication_record(
    *, article: ArticlePage, revision, published_at: datetime, minor: bool
) -> ArticlePublication:
    """Log one publication of `article` and recompute what readers see as « Mis à jour »."""
    entry = ArticlePublication.objects.create(
        article=article, revision=revision, published_at=published_at, minor=minor
    )
    article_update_time_refresh(article=article)
    if minor:
        _untick_minor_change(article=article, revision=revision)
    return entry


def article_update_time_refresh(*, article: ArticlePage) -> None:
    site = article.get_site() or Site.objects.filter(is_default_site=True).first()
    grace = NewsroomSettings.for_site(site).update_grace
    publications = [
        Publication(published_at=p.published_at, minor=p.minor)
        for p in ArticlePublication.objects.filter(article=article)
    ]
    first_published_at = ArticlePage.objects.values_list("first_published_at", flat=True).get(
        pk=article.pk
    )
    update_time = visible_update_time(first_published_at, publications, grace)
    ArticlePage.objects.filter(pk=article.pk).update(major_update_at=update_time)
    article.major_update_at = update_time


def _untick_minor_change(*, article: ArticlePage, revision) -> None:
    """The "minor change" box applies to one publication only.

    Wagtail opens the editor on the latest revision, so the flag is cleared there too;
    otherwise the next, real update would silently inherit it.
    """
    ArticlePage.objects.filter(pk=article.pk).update(minor_change=False)
    article.minor_change = False
    if revision is not None and revision.content.get("minor_change"):
        revision.content["minor_change"] = False
        revision.save(update_fields=["content"])
