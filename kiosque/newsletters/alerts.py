"""« Alerte info »: a breaking-news alert an editor sends by hand, after confirming.

The admin's form (admin_alerts.py) asks for the article, the subject and the alert
lists; its confirmation page shows the message and how many it goes to, with a key
made for that page. Only the POST that confirms calls `alert_send`, which makes one
edition per list under that key (the edition's occasion): a second POST of the same
page, a double click or a reload, finds the editions made and sends nothing again.
"""

import logging
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kiosque.newsletters.edition_start import edition_start
from kiosque.newsletters.models import Edition, EditionArticle, NewsletterList, Subscription

logger = logging.getLogger("kiosque.newsletters")

PERMISSION = "newsletters.send_alert"
KEY_PATTERN = re.compile(r"[0-9a-f]{32}")


def may_send_alerts(user) -> bool:
    return bool(user.is_active and user.has_perm(PERMISSION))


def alert_lists() -> QuerySet:
    return NewsletterList.objects.filter(kind=NewsletterList.Kind.ALERT, active=True)


def recipients_count(newsletters) -> int:
    """Confirmed, not suspended subscriptions to these lists (one message each)."""
    return Subscription.objects.filter(
        newsletter__in=newsletters,
        status=Subscription.Status.CONFIRMED,
        subscriber__suspended_at__isnull=True,
    ).count()


def occasion_of(key: str) -> str:
    return f"alert:{key}"


def alert_draft(*, article, subject: str, newsletter: NewsletterList) -> Edition:
    """The unsaved edition the confirmation page shows (nothing is stored)."""
    edition = Edition(newsletter=newsletter, subject=subject, status=Edition.Status.DRAFT)
    edition.articles = [EditionArticle(article=article, sort_order=0)]
    return edition


def alert_send(*, article, subject: str, newsletters, confirmed_by, key: str) -> list[Edition]:
    """Make and start one edition per list. Returns the editions started now: none
    when this key was already used (the confirmation posted twice)."""
    from kiosque.newsroom.selectors import visible_articles

    if not may_send_alerts(confirmed_by):
        raise PermissionDenied
    if not KEY_PATTERN.fullmatch(key or ""):
        raise ValidationError(_("This confirmation has expired: start again."))
    if not visible_articles().filter(pk=article.pk).exists():
        raise ValidationError(_("This article is not published."))
    subject = (subject or article.title).strip()[:200]
    occasion = occasion_of(key)
    now = timezone.now()
    try:
        with transaction.atomic():
            if Edition.objects.filter(occasion=occasion).exists():
                return []
            editions = []
            for newsletter in newsletters:
                edition = Edition(
                    newsletter=newsletter,
                    subject=subject,
                    status=Edition.Status.READY,
                    send_at=now,
                    occasion=occasion,
                    created_by=confirmed_by,
                    confirmed_by=confirmed_by,
                )
                edition.articles = [EditionArticle(article_id=article.pk, sort_order=0)]
                edition.save()
                editions.append(edition)
    except IntegrityError:
        return []  # the other POST of this page made them
    for edition in editions:
        edition_start(edition)
        logger.info(
            "Alert %s sent to %s by %s", edition.pk, edition.newsletter.slug, confirmed_by.pk
        )
    return editions
