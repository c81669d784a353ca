"""The newsletters' part of « Mon compte », of the data export and of account deletion.

Registered with kiosque.readers.data_holders in apps.py. An account's subscriber is the
row of its verified address (linked to the account on first use), or the row linked
to it before an address change. An unverified address shows nothing: it may be anyone's.
"""

from __future__ import annotations

from django.db.models import Q

from kiosque.newsletters import services
from kiosque.newsletters.models import ConsentEvent, NewsletterList, Subscriber, Subscription
from kiosque.readers.data_holders import ReaderDataHolder

RECEIVING = (Subscription.Status.PENDING, Subscription.Status.CONFIRMED)


def account_email(user) -> tuple[str, bool]:
    """(the account's address, whether it is verified); its primary one first."""
    from allauth.account.models import EmailAddress

    address = EmailAddress.objects.filter(user=user).order_by("-primary", "-verified", "pk").first()
    if address is not None:
        return address.email.lower(), address.verified
    return (user.email or "").lower(), False


def _verified_emails(user) -> list[str]:
    from allauth.account.models import EmailAddress

    return [
        e.lower()
        for e in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    ]


def account_subscriber(user, *, create: bool = False) -> Subscriber | None:
    email, verified = account_email(user)
    linked = Subscriber.objects.filter(user=user).first()
    if not email or not verified:
        return linked
    own = Subscriber.objects.filter(email=email).first()
    if own is None and not create:
        return linked
    if own is None:
        own = services.subscriber_for(email)
    if own.user_id != user.pk:
        # One subscriber per account: the link follows the account's current address.
        Subscriber.objects.filter(user=user).exclude(pk=own.pk).update(user=None)
        own.user = user
        own.save(update_fields=["user"])
    return own


def statuses(subscriber: Subscriber | None) -> dict[int, str]:
    if subscriber is None:
        return {}
    return dict(
        Subscription.objects.filter(subscriber=subscriber).values_list("newsletter_id", "status")
    )


def offered_lists(user) -> list[NewsletterList]:
    """The digests and alerts, then the follows the account receives."""
    subscriber = account_subscriber(user)
    follows = Q(
        kind=NewsletterList.Kind.FOLLOW,
        subscriptions__subscriber=subscriber,
        subscriptions__status__in=RECEIVING,
    )
    query = Q(kind__in=[NewsletterList.Kind.DIGEST, NewsletterList.Kind.ALERT])
    if subscriber is not None:
        query |= follows
    return list(
        NewsletterList.objects.filter(query, active=True)
        .distinct()
        .order_by("kind", "language", "name")
    )


def account_context(user) -> dict:
    email, verified = account_email(user)
    subscriber = account_subscriber(user)
    states = statuses(subscriber)
    rows = [
        {
            "newsletter": newsletter,
            "status": states.get(newsletter.pk, ""),
            "receives": states.get(newsletter.pk) in RECEIVING,
            "pending": states.get(newsletter.pk) == Subscription.Status.PENDING,
        }
        for newsletter in offered_lists(user)
    ]
    return {
        "newsletters_account": {
            "email": email,
            "verified": verified,
            "suspended": bool(subscriber and subscriber.suspended_at),
            "rows": rows,
        }
    }


def _subscribers(user):
    return Subscriber.objects.filter(Q(user=user) | Q(email__in=_verified_emails(user)))


def export(user) -> dict:
    subscribers = list(_subscribers(user))
    subscriptions = Subscription.objects.filter(subscriber__in=subscribers).select_related(
        "subscriber", "newsletter"
    )
    events = ConsentEvent.objects.filter(subscriber__in=subscribers).select_related(
        "subscriber", "newsletter"
    )
    return {
        "newsletters": {
            "addresses": [
                {
                    "email": s.email,
                    "created_at": s.created_at.isoformat(),
                    "suspended_at": s.suspended_at.isoformat() if s.suspended_at else None,
                }
                for s in subscribers
            ],
            "subscriptions": [
                {
                    "email": s.subscriber.email,
                    "newsletter": s.newsletter.name,
                    "status": s.status,
                    "requested_at": s.requested_at.isoformat(),
                    "confirmed_at": s.confirmed_at.isoformat() if s.confirmed_at else None,
                    "unsubscribed_at": s.unsubscribed_at.isoformat() if s.unsubscribed_at else None,
                }
                for s in subscriptions
            ],
            "consent_records": [
                {
                    "email": e.subscriber.email,
                    "newsletter": e.newsletter.name,
                    "action": e.action,
                    "at": e.at.isoformat(),
                    "source": e.source,
                    "page": e.source_path,
                }
                for e in events
            ],
        }
    }


def erase(user) -> None:
    """The account's addresses, their subscriptions, consent records and deliveries."""
    _subscribers(user).delete()


HOLDER = ReaderDataHolder(
    app="newsletters", account_context=account_context, export=export, erase=erase
)
