"""Receivers that keep readers from seeing what an agency has not released.

Embargo: whoever presses publish, a revision of an article made from an embargoed
dispatch carries `go_live_at` = the embargo's end, so Wagtail schedules it instead.
Publication times: an article published from a dispatch takes the dispatch's times, via
the newsroom's publication log (never by editing dates around it).
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import Revision
from wagtail.signals import page_published

from kiosque.newsroom.models import ArticlePage, ArticlePublication
from kiosque.newsroom.services import article_update_time_refresh
from kiosque.wires.models import ItemStatus, WireArticle, WireSource


def _links(article_id) -> list[WireArticle]:
    return list(
        WireArticle.objects.filter(article_id=article_id).select_related(
            "item__latest_version", "applied_version", "published_version"
        )
    )


@receiver(pre_save, sender=Revision)
def hold_embargoed_revision(sender, instance: Revision, **kwargs) -> None:
    if instance.content_type_id != ContentType.objects.get_for_model(ArticlePage).pk:
        return
    now = timezone.now()
    for link in _links(instance.object_id):
        latest = link.item.latest_version
        if latest is None or not latest.embargoed_until or latest.embargoed_until <= now:
            continue
        scheduled = instance.content.get("go_live_at")
        if isinstance(scheduled, str):
            scheduled = parse_datetime(scheduled)
        if not scheduled or scheduled < latest.embargoed_until:
            instance.content["go_live_at"] = latest.embargoed_until.isoformat()


@receiver(page_published, sender=ArticlePage)
def dispatch_publication(sender, instance: ArticlePage, revision=None, **kwargs) -> None:
    links = _links(instance.pk)
    # Wagtail also sends page_published when it only schedules a revision.
    if not links or not instance.live:
        return
    link = links[0]
    latest = link.item.latest_version
    if latest is not None and latest.status == ItemStatus.CANCELED:
        # A killed dispatch is never republished, even from an old draft; its address
        # keeps explaining the kill (410, see kiosque.editorial).
        from kiosque.editorial.models import Withdrawal
        from kiosque.editorial.services import article_withdraw

        article_withdraw(article=instance, origin=Withdrawal.Origin.AGENCY)
        return
    version = link.applied_version
    if version is None or version == link.published_version:
        return
    entry = ArticlePublication.objects.filter(article=instance).order_by("-pk").first()
    now = timezone.now()
    if link.published_version is None:
        when = max(
            filter(
                None, [version.first_created or version.version_created, version.embargoed_until]
            )
        )
        if when < now:
            ArticlePage.objects.filter(pk=instance.pk).update(first_published_at=when)
            if entry is not None:
                ArticlePublication.objects.filter(pk=entry.pk).update(published_at=when)
    elif entry is not None and version.version_created < now:
        # « Mis à jour » shows when the agency updated the story.
        ArticlePublication.objects.filter(pk=entry.pk).update(published_at=version.version_created)
        ArticlePage.objects.filter(pk=instance.pk).update(last_published_at=version.version_created)
    WireArticle.objects.filter(pk=link.pk).update(published_version=version)
    instance.refresh_from_db(fields=["first_published_at", "last_published_at"])
    if ArticlePublication.objects.filter(article=instance).count() > 1:
        # A single publication is never an update: the newsroom's receiver has already
        # left « Mis à jour » empty, and moving that one publication cannot change it.
        article_update_time_refresh(article=instance)


@receiver(post_save, sender=WireSource)
def start_polling(sender, instance: WireSource, **kwargs) -> None:
    from kiosque.wires.tasks import schedule_next_poll

    if instance.enabled:
        transaction.on_commit(schedule_next_poll)
