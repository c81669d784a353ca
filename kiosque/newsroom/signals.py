"""Signal receivers: Wagtail's publication event feeds the publication log."""

from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published

from kiosque.newsroom.models import ArticlePage


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
