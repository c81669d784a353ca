"""Writes on subscriptions: subscribe, confirm, unsubscribe, suspend, and follow lists.

Each change of consent appends a ConsentEvent (when, which list, how, from which page):
the Subscription row says where things stand, the events say how they got there. No IP
address and no user agent is ever stored. Addresses are lower-cased here, once: one
Subscriber row per address whatever case a reader typed.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from kiosque.newsletters.models import ConsentEvent, NewsletterList, Subscriber, Subscription

EMAIL_MAX_LENGTH = 254  # RFC 5321's path limit; Subscriber.email's column
SOURCE_MAX_LENGTH = 40
SOURCE_PATH_MAX_LENGTH = 500
REASON_MAX_LENGTH = 500

# The pages a reader may follow, by their model's name (newsroom.models.listings).
FOLLOWABLE_MODELS = ("topicpage", "sectionpage", "authorpage")


def normalised_email(email: str) -> str:
    """The address as stored: trimmed, lower-cased, checked (ValidationError otherwise)."""
    email = (email or "").strip().lower()
    if not email or len(email) > EMAIL_MAX_LENGTH:
        raise ValidationError(_("Enter a valid e-mail address."), code="invalid")
    validate_email(email)
    return email


def is_local_path(path: str) -> bool:
    """A path of this site ("/monde/", "/en/lettres/…"), never another site's address."""
    return (
        0 < len(path) <= SOURCE_PATH_MAX_LENGTH
        and path.startswith("/")
        and not path.startswith(("//", "/\\"))
        and path.isprintable()
        and " " not in path
    )


def _check_source(source: str, source_path: str) -> None:
    if not source or len(source) > SOURCE_MAX_LENGTH:
        raise ValidationError(f"source: 1 to {SOURCE_MAX_LENGTH} characters", code="source")
    if source_path and not is_local_path(source_path):
        raise ValidationError(_("The page address is not valid."), code="source_path")


def _record(subscription: Subscription, action: str, source: str, source_path: str, at) -> None:
    ConsentEvent.objects.create(
        subscriber_id=subscription.subscriber_id,
        newsletter_id=subscription.newsletter_id,
        action=action,
        at=at,
        source=source,
        source_path=source_path,
    )


def subscriber_for(email: str) -> Subscriber:
    """The row of this address, created on first use (two requests at once: one row)."""
    email = normalised_email(email)
    subscriber = Subscriber.objects.filter(email=email).first()
    if subscriber is not None:
        return subscriber
    try:
        with transaction.atomic():
            return Subscriber.objects.create(email=email)
    except IntegrityError:
        return Subscriber.objects.get(email=email)


def subscribe(
    email: str,
    newsletter: NewsletterList,
    source: str,
    source_path: str = "",
    confirmed: bool = False,
) -> Subscription:
    """Ask for `newsletter` at `email`; `confirmed` when the address is already proven
    (an account's verified address: no second opt-in).

    A pending request is asked again (a new confirmation may be sent); a confirmed
    subscription is left as it is; after an unsubscription, this is a new consent.
    The caller sends the confirmation mail when the result is still pending.
    """
    _check_source(source, source_path)
    if not newsletter.active:
        raise ValidationError(_("This newsletter is not available."), code="inactive")
    with transaction.atomic():
        subscriber = subscriber_for(email)
        now = timezone.now()
        subscription, created = Subscription.objects.select_for_update().get_or_create(
            subscriber=subscriber,
            newsletter=newsletter,
            defaults={"requested_at": now},
        )
        if subscription.status == Subscription.Status.CONFIRMED:
            return subscription
        if not created:
            subscription.status = Subscription.Status.PENDING
            subscription.requested_at = now
            subscription.confirmed_at = None
            subscription.unsubscribed_at = None
            subscription.save(
                update_fields=["status", "requested_at", "confirmed_at", "unsubscribed_at"]
            )
        _record(subscription, ConsentEvent.Action.REQUESTED, source, source_path, now)
        if confirmed:
            _confirm_locked(subscription, source, source_path, now)
    return subscription


def _confirm_locked(subscription: Subscription, source: str, source_path: str, now) -> None:
    subscription.status = Subscription.Status.CONFIRMED
    subscription.confirmed_at = now
    subscription.save(update_fields=["status", "confirmed_at"])
    _record(subscription, ConsentEvent.Action.CONFIRMED, source, source_path, now)
    # The reader just proved the mailbox works: a past hard bounce no longer holds.
    Subscriber.objects.filter(pk=subscription.subscriber_id, suspended_at__isnull=False).update(
        suspended_at=None, suspension_reason=""
    )


def confirm(subscription: Subscription, source: str = "confirmation link") -> bool:
    """Confirm a pending subscription. False (and nothing changed) for any other state:
    a confirmation link opened after an unsubscription does not subscribe again."""
    _check_source(source, "")
    with transaction.atomic():
        locked = Subscription.objects.select_for_update().filter(pk=subscription.pk).first()
        if locked is None or locked.status != Subscription.Status.PENDING:
            return False
        _confirm_locked(locked, source, "", timezone.now())
    subscription.refresh_from_db()
    return True


def unsubscribe(subscriber: Subscriber, newsletter: NewsletterList, source: str) -> bool:
    """Stop `newsletter` for `subscriber`. Idempotent: False when nothing was to stop."""
    _check_source(source, "")
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update()
            .filter(subscriber=subscriber, newsletter=newsletter)
            .first()
        )
        if subscription is None or subscription.status == Subscription.Status.UNSUBSCRIBED:
            return False
        now = timezone.now()
        subscription.status = Subscription.Status.UNSUBSCRIBED
        subscription.unsubscribed_at = now
        subscription.save(update_fields=["status", "unsubscribed_at"])
        _record(subscription, ConsentEvent.Action.UNSUBSCRIBED, source, "", now)
    return True


def suspend(subscriber: Subscriber, reason: str) -> None:
    """A hard bounce (5xx at sending time): nothing more goes to this address, on any
    list, until the reader confirms a subscription again. The first bounce's time stays."""
    Subscriber.objects.filter(pk=subscriber.pk, suspended_at__isnull=True).update(
        suspended_at=timezone.now(), suspension_reason=(reason or "")[:REASON_MAX_LENGTH]
    )
    subscriber.refresh_from_db(fields=["suspended_at", "suspension_reason"])


def _follow_name(page, language: str) -> str:
    with override(language):
        return _("Follow: %(title)s") % {"title": page.title}


def follow_list_for(page, language: str) -> NewsletterList:
    """The follow list of a topic, section or author page in `language`, created on the
    first request (one per page and language: a database constraint)."""
    from django.conf import settings

    if language not in dict(settings.LANGUAGES):
        raise ValidationError("unknown language", code="language")
    if page.specific_class is None or page.specific_class._meta.model_name not in FOLLOWABLE_MODELS:
        raise ValidationError(_("This page cannot be followed."), code="not_followable")
    found = NewsletterList.objects.filter(
        kind=NewsletterList.Kind.FOLLOW, followed_page=page, language=language
    ).first()
    if found is not None:
        return found
    newsletter = NewsletterList(
        kind=NewsletterList.Kind.FOLLOW,
        followed_page_id=page.pk,
        language=language,
        name=_follow_name(page, language)[:200],
        slug=f"suivre-{page.pk}-{language}",
    )
    try:
        with transaction.atomic():
            newsletter.save()
    except IntegrityError:  # another request created it in between
        return NewsletterList.objects.get(
            kind=NewsletterList.Kind.FOLLOW, followed_page=page, language=language
        )
    return newsletter
