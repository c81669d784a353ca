"""Receivers: whatever unpublishes an article, its address then answers 410 Gone."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from kiosque.editorial.models import Withdrawal
from kiosque.newsroom.models import ArticlePage


@receiver(page_unpublished, sender=ArticlePage)
def record_withdrawal(sender, instance: ArticlePage, **kwargs) -> None:
    from kiosque.editorial.services import withdrawal_record

    # Wagtail marks a page taken down by its expiry date as `expired` before signalling.
    origin = Withdrawal.Origin.EXPIRY if instance.expired else Withdrawal.Origin.EDITOR
    withdrawal_record(article=instance, origin=origin)


@receiver(page_published, sender=ArticlePage)
def forget_withdrawal(sender, instance: ArticlePage, **kwargs) -> None:
    from kiosque.editorial.services import withdrawals_forget

    # page_published is also sent when a revision is only scheduled: the page is then
    # still down and its address must keep explaining why.
    if instance.live:
        withdrawals_forget(article=instance)
