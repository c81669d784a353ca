"""Newsletters: lists, the readers subscribed to them, the editions sent and each delivery.

One module per concern; everything is importable from `kiosque.newsletters.models`.
"""

from kiosque.newsletters.models.deliveries import Delivery
from kiosque.newsletters.models.editions import Edition, EditionArticle
from kiosque.newsletters.models.lists import NewsletterList
from kiosque.newsletters.models.subscribers import ConsentEvent, Subscriber, Subscription

__all__ = [
    "ConsentEvent",
    "Delivery",
    "Edition",
    "EditionArticle",
    "NewsletterList",
    "Subscriber",
    "Subscription",
]
