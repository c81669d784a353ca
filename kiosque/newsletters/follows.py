"""Follows (« Suivre ce dossier »): a topic's, a section's or an author's new articles,
batched at most once an hour.

Each tick of the worker, for every active follow list with at least one confirmed
subscriber: the articles published under the followed page in the last LOOKBACK (or
since the list was made, if later) that none of the list's earlier editions carried
become one edition, sent at once. Nothing new, nothing sent.

Why a look-back and not "since the last edition": an agency dispatch's
first_published_at is backdated to the agency's time (kiosque/wires/signals.py), and a
publish whose transaction commits after a batch's `now` carries a time before it; both
would fall behind a "since the last send" bound and never be sent.

The list's row is locked while its edition is made, and the edition's
occasion (the UTC hour) is unique per list: two workers make one edition, not two.
"""

import logging
from datetime import UTC, datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kiosque.newsletters.edition_start import edition_start
from kiosque.newsletters.models import Edition, EditionArticle, NewsletterList, Subscription

logger = logging.getLogger("kiosque.newsletters")

INTERVAL = timedelta(hours=1)
# How far back a batch looks for articles no edition of the list carried yet: wide
# enough for any backdating (an agency dispatch published the day it was filed), short
# enough that a newly followed page does not mail its archive.
LOOKBACK = timedelta(hours=24)
# A followed section can publish dozens of articles in an hour: the newest are enough.
MAX_ARTICLES = 15


def follow_lists_to_serve(now: datetime) -> QuerySet:
    """Active follow lists with a confirmed subscriber and no edition in the last hour."""
    confirmed = Subscription.objects.filter(
        newsletter=OuterRef("pk"),
        status=Subscription.Status.CONFIRMED,
        subscriber__suspended_at__isnull=True,
    )
    recent = Edition.objects.filter(newsletter=OuterRef("pk"), send_at__gt=now - INTERVAL)
    return (
        NewsletterList.objects.filter(
            kind=NewsletterList.Kind.FOLLOW, active=True, followed_page__isnull=False
        )
        .filter(Exists(confirmed))
        .exclude(Exists(recent))
        .select_related("followed_page")
    )


def articles_under(page) -> QuerySet:
    """The visible articles a follow of `page` covers: a topic's, an author's, or a
    section's and its sub-sections'. Any other page follows nothing."""
    from kiosque.newsroom.models import AuthorPage, SectionPage, TopicPage
    from kiosque.newsroom.selectors import visible_articles

    kind = page.specific_class
    articles = visible_articles()
    if kind is not None and issubclass(kind, TopicPage):
        return articles.filter(topic_id=page.pk)
    if kind is not None and issubclass(kind, AuthorPage):
        return articles.filter(article_authors__author_id=page.pk).distinct()
    if kind is not None and issubclass(kind, SectionPage):
        return articles.descendant_of(page)
    return articles.none()


def unsent_articles(newsletter: NewsletterList, *, now: datetime) -> QuerySet:
    """The followed page's articles published in the look-back window (not before the
    list existed) that no earlier edition of this list carried."""
    since = max(now - LOOKBACK, newsletter.created_at)
    already_sent = EditionArticle.objects.filter(
        edition__newsletter=newsletter, article_id=OuterRef("pk")
    ).exclude(edition__status=Edition.Status.CANCELLED)
    return (
        articles_under(newsletter.followed_page)
        .filter(first_published_at__gt=since, first_published_at__lte=now)
        .exclude(Exists(already_sent))
    )


def new_articles(newsletter: NewsletterList, *, now: datetime) -> list:
    found = unsent_articles(newsletter, now=now)
    return list(found.order_by("-first_published_at", "-pk")[:MAX_ARTICLES])


def follow_subject(newsletter: NewsletterList, articles: list) -> str:
    followed = newsletter.followed_page.title
    with translation.override(newsletter.language):
        if len(articles) == 1:
            return _("%(followed)s: %(title)s") % {"followed": followed, "title": articles[0].title}
        return ngettext(
            "%(followed)s: %(count)d new article",
            "%(followed)s: %(count)d new articles",
            len(articles),
        ) % {"followed": followed, "count": len(articles)}


def last_edition(newsletter: NewsletterList) -> Edition | None:
    return (
        Edition.objects.filter(newsletter=newsletter, send_at__isnull=False)
        .order_by("-send_at", "-pk")
        .first()
    )


def follow_edition_make(newsletter: NewsletterList, *, now: datetime) -> Edition | None:
    """The list's edition of the new articles, if an hour has passed since the last one
    and there is anything new; None otherwise."""
    # Read first, without the lock: most ticks find nothing new, and on SQLite a locked
    # row is the whole database's write lock.
    if not unsent_articles(newsletter, now=now).exists():
        return None
    try:
        with transaction.atomic():
            NewsletterList.objects.select_for_update().filter(pk=newsletter.pk).first()
            last = last_edition(newsletter)
            if last is not None and last.send_at > now - INTERVAL:
                return None
            articles = new_articles(newsletter, now=now)
            if not articles:
                return None
            edition = Edition(
                newsletter=newsletter,
                subject=follow_subject(newsletter, articles)[:200],
                status=Edition.Status.READY,
                # When the batch was made: the next one waits an hour after it.
                send_at=now,
                occasion=f"follow:{now.astimezone(UTC):%Y-%m-%dT%H}",
            )
            edition.articles = [
                EditionArticle(article_id=article.pk, sort_order=position)
                for position, article in enumerate(articles)
            ]
            edition.save()
    except IntegrityError:
        return None  # this hour's edition exists: made by another worker
    return edition


def run_follows(now: datetime | None = None) -> int:
    """The worker's periodic job: one edition per follow list with news; how many went."""
    now = now or timezone.now()
    sent = 0
    for newsletter in follow_lists_to_serve(now):
        edition = follow_edition_make(newsletter, now=now)
        if edition is None:
            continue
        if edition_start(edition) is not None:
            sent += 1
            logger.info(
                "Follow %s: edition %s sent (%s)", newsletter.slug, edition.pk, edition.subject
            )
    return sent


# The worker ticks every 15 s; follows are batched by the hour, so a minute's delay costs
# nothing and spares the database a look at every follow list at every tick.
JOB_EVERY = timedelta(minutes=1)
_job_ran_at: datetime | None = None


def run_follows_job() -> int:
    """`run_follows`, at most once a minute in this process (the worker's job)."""
    global _job_ran_at
    now = timezone.now()
    if _job_ran_at is not None and timedelta(0) <= now - _job_ran_at < JOB_EVERY:
        return 0
    _job_ran_at = now
    return run_follows(now)
