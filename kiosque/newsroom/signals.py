"""Signal receivers: the publication log, and renditions for new images."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published

from kiosque.newsroom.models import ArticlePage, NewsImage
from kiosque.newsroom.models.restrictions import view_restrictions_changed


@receiver(page_published, sender=ArticlePage)
def log_article_publication(sender, instance: ArticlePage, revision=None, **kwargs) -> None:
    from kiosque.newsroom.services import article_publication_record

    # Wagtail also sends page_published when a revision is only *scheduled* (go-live in
    # the future): that is not a publication readers see, so it is not logged.
    scheduled_only = not instance.live or (
        revision is not None and instance.live_revision_id != revision.pk
    )
    if scheduled_only:
        return
    article_publication_record(
        article=instance,
        revision=revision,
        published_at=instance.last_published_at or timezone.now(),
        minor=instance.minor_change,
    )


@receiver(post_save, sender=NewsImage)
def prepare_renditions_of_new_image(
    sender, instance: NewsImage, created=False, update_fields=None, **kwargs
) -> None:
    """Renditions are made by the worker as soon as an image arrives (upload or wire),
    so that no reader request ever waits for one (images.picture_sources falls back);
    and again when an editor moves its focal point, which every crop follows."""
    from kiosque.newsroom.images import FOCAL_POINT_FIELDS, crops_outdated

    if not created:
        if update_fields is not None and not FOCAL_POINT_FIELDS & set(update_fields):
            return
        if not crops_outdated(instance):
            return
    from kiosque.newsroom.tasks import pregenerate_image_renditions

    transaction.on_commit(lambda: pregenerate_image_renditions.enqueue(image_id=instance.pk))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def forget_view_restriction_answer(sender, **kwargs) -> None:
    view_restrictions_changed()
