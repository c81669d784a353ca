"""A live is an article: what the apps do when an article is published, they do for it.

Wagtail sends page_published and page_unpublished with the page's own class as sender,
and the newsroom (publication log), editorial (withdrawals), search (indexing) and wires
listen with `sender=ArticlePage`. Rather than each of them learning about lives (they
may not import this app: decision 0064), the live's signals are passed on to them as
an article's.
"""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from kiosque.live.models import LivePage
from kiosque.newsroom.models import ArticlePage


@receiver(page_published, sender=LivePage)
def live_published(sender, signal, **kwargs) -> None:
    page_published.send(sender=ArticlePage, **kwargs)


@receiver(page_unpublished, sender=LivePage)
def live_unpublished(sender, signal, **kwargs) -> None:
    page_unpublished.send(sender=ArticlePage, **kwargs)
