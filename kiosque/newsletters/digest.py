"""The daily digest (« L'essentiel du matin »): prepared, looked at, then sent.

Each active digest list has a send time in the newsroom's time zone. At that time minus
`prepare_minutes_before`, the worker prepares the day's edition as a draft: la une's
lead story and featured slots, then the sections' latest articles, none older than a
day, each once. Editors then preview it, reorder, add or remove articles, edit its
subject and introduction, hold it or approve it. At the send time an approved edition
goes, and so does an untouched draft of a list that sends automatically; a held one
stays. A worker that was down at either moment does both when it comes back, within
NEWSLETTER_DIGEST_LATE_HOURS of the send time; past that cut-off « L'essentiel du
matin » would arrive at night with stale news: the day's edition is cancelled, its
reason (`cancelled_because`) shown in the admin. A list made after its day's cut-off
starts the next day (nothing is made for a day it did not exist in).

One edition per list and day: its occasion ("digest:2026-12-07") is unique per list,
and the list's row is locked while the edition is made (two workers ticking at once).
"""

import logging
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kiosque.newsletters.edition_start import edition_start
from kiosque.newsletters.models import Edition, EditionArticle, NewsletterList
from kiosque.newsletters.newsroom_clock import home_page, newsroom_zone

logger = logging.getLogger("kiosque.newsletters")

# Nothing older than this goes into a digest: it would be yesterday's news.
FRESHNESS = timedelta(days=1)
# A digest is read on a phone over coffee: beyond a dozen articles, nobody scrolls.
MAX_ARTICLES = 12


def digest_lists():
    return NewsletterList.objects.filter(
        kind=NewsletterList.Kind.DIGEST, active=True, send_time__isnull=False
    )


def send_moment(newsletter: NewsletterList, day: date, zone) -> datetime:
    return datetime.combine(day, newsletter.send_time, tzinfo=zone)


def prepare_moment(newsletter: NewsletterList, day: date, zone) -> datetime:
    return send_moment(newsletter, day, zone) - timedelta(minutes=newsletter.prepare_minutes_before)


def late_cutoff(send_at: datetime) -> datetime:
    """After this, a digest that has not gone is not sent at all."""
    return send_at + timedelta(hours=settings.NEWSLETTER_DIGEST_LATE_HOURS)


def cancel(edition: Edition, reason: str) -> None:
    Edition.objects.filter(pk=edition.pk, status=edition.status).update(
        status=Edition.Status.CANCELLED, cancelled_because=reason
    )


def occasion_of(day: date) -> str:
    return f"digest:{day.isoformat()}"


def days_to_prepare(newsletter: NewsletterList, now: datetime, zone) -> list[date]:
    """The newsroom days whose edition should exist by now: today's once its preparing
    time has come (even after its send time: a worker down in the morning), and
    tomorrow's when it is prepared before midnight (a digest at 0:30)."""
    today = now.astimezone(zone).date()
    return [
        day
        for day in (today, today + timedelta(days=1))
        if prepare_moment(newsletter, day, zone) <= now
    ]


def day_words(day: date) -> str:
    """« lundi 7 décembre », « mardi 1er décembre »; "Monday 7 December" in English."""
    if translation.get_language() == "fr" and day.day == 1:
        return date_format(day, "l") + " 1er " + date_format(day, "F")
    return date_format(day, "l j F")


def digest_subject(newsletter: NewsletterList, day: date) -> str:
    with translation.override(newsletter.language):
        return _("The essentials of %(day)s") % {"day": day_words(day)}


def digest_articles(now: datetime) -> list:
    """La une's lead and featured slots, then each section's latest, as readers see
    them now: published within a day, each article once, at most MAX_ARTICLES."""
    from kiosque.newsroom.selectors import front_page

    home = home_page()
    if home is None:
        return []
    since = now - FRESHNESS
    une = front_page(home, fresh_since=since)
    candidates = [une["lead"], *une["featured"]]
    candidates += [article for block in une["sections"] for article in block["articles"]]
    chosen, seen = [], set()
    for article in candidates:
        if article is None or article.pk in seen:
            continue
        if article.first_published_at is None or article.first_published_at < since:
            continue
        seen.add(article.pk)
        chosen.append(article)
    return chosen[:MAX_ARTICLES]


def prepare_digest(newsletter: NewsletterList, day: date, *, now: datetime, zone) -> Edition | None:
    """Make `day`'s draft of the list, unless it exists; the new edition or None."""
    occasion = occasion_of(day)
    if Edition.objects.filter(newsletter=newsletter, occasion=occasion).exists():
        return None
    send_at = send_moment(newsletter, day, zone)
    too_late = now > late_cutoff(send_at)
    if too_late and newsletter.created_at > prepare_moment(newsletter, day, zone):
        return None  # the list did not exist when this day's edition was due
    # Past the cut-off the day's edition is still made, cancelled: the admin shows
    # the day that did not go, and why.
    articles = [] if too_late else digest_articles(now)
    try:
        with transaction.atomic():
            # The list's row lock: a second worker waits here, then finds the edition.
            NewsletterList.objects.select_for_update().filter(pk=newsletter.pk).first()
            if Edition.objects.filter(newsletter=newsletter, occasion=occasion).exists():
                return None
            edition = Edition(
                newsletter=newsletter,
                subject=digest_subject(newsletter, day),
                status=Edition.Status.CANCELLED if too_late else Edition.Status.DRAFT,
                cancelled_because=Edition.CancelReason.LATE if too_late else "",
                send_at=send_at,
                occasion=occasion,
            )
            edition.articles = [
                EditionArticle(article_id=article.pk, sort_order=position)
                for position, article in enumerate(articles)
            ]
            edition.save()
    except IntegrityError:
        return None  # the unique occasion: another worker made it first
    if too_late:
        logger.warning("Digest %s of %s not made in time: cancelled", newsletter.slug, day)
        return edition
    logger.info(
        "Digest %s of %s prepared: %d articles", newsletter.slug, day.isoformat(), len(articles)
    )
    return edition


def prepare_due_digests(now: datetime | None = None) -> list[Edition]:
    now = now or timezone.now()
    zone = newsroom_zone()
    prepared = []
    for newsletter in digest_lists():
        for day in days_to_prepare(newsletter, now, zone):
            edition = prepare_digest(newsletter, day, now=now, zone=zone)
            if edition is not None:
                prepared.append(edition)
    return prepared


def send_due_digests(now: datetime | None = None) -> int:
    """Start the digests whose time has come; cancel those past the late cut-off.
    Returns how many started."""
    now = now or timezone.now()
    due = (
        Edition.objects.filter(
            newsletter__kind=NewsletterList.Kind.DIGEST,
            status__in=(Edition.Status.DRAFT, Edition.Status.READY),
            send_at__lte=now,
        )
        .select_related("newsletter")
        .order_by("send_at", "pk")
    )
    started = 0
    for edition in due:
        if now > late_cutoff(edition.send_at):
            # The morning's news is not sent at night: a worker down for hours.
            cancel(edition, Edition.CancelReason.LATE)
            logger.warning("Digest %s not sent in time: cancelled", edition.pk)
            continue
        if edition.status == Edition.Status.DRAFT and not edition.newsletter.sends_automatically:
            continue  # waits for an editor's approval, until the cut-off
        if not EditionArticle.objects.filter(edition=edition).exists():
            cancel(edition, Edition.CancelReason.EMPTY)
            logger.warning("Digest %s has no article: cancelled", edition.pk)
            continue
        if edition_start(edition) is not None:
            started += 1
    return started


def run_digests() -> int:
    """The worker's periodic job: prepare what is due, send what is due."""
    prepare_due_digests()
    return send_due_digests()


def seconds_until_next_digest() -> float | None:
    """Until the next preparing or sending time of any digest list (today or tomorrow)."""
    now = timezone.now()
    zone = newsroom_zone()
    today = now.astimezone(zone).date()
    moments = []
    for newsletter in digest_lists():
        for day in (today, today + timedelta(days=1), today + timedelta(days=2)):
            moments += [prepare_moment(newsletter, day, zone), send_moment(newsletter, day, zone)]
    upcoming = [moment for moment in moments if moment > now]
    return (min(upcoming) - now).total_seconds() if upcoming else None
