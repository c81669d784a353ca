"""Writes on a reader's account: export of their data and deletion."""

from django.contrib.auth import get_user_model
from django.db import transaction

from kiosque.readers import data_holders
from kiosque.readers.profiles import display_name


def reader_export(*, user) -> dict:
    """Everything Kiosque holds about the reader, as JSON-ready data (GDPR art. 15, 20)."""
    from allauth.account.models import EmailAddress

    profile = user.reader_profile if hasattr(user, "reader_profile") else None
    data = {
        "account": {
            "display_name": display_name(user),
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "emails": [
                {"email": e.email, "verified": e.verified, "primary": e.primary}
                for e in EmailAddress.objects.filter(user=user)
            ],
            "notify_replies": profile.notify_replies if profile else None,
            "notify_moderation": profile.notify_moderation if profile else None,
        },
    }
    # The comments, likes, reports and sanctions (discussion): data_holders.py.
    for holder in data_holders.registered():
        data.update(holder.export(user))
    return data


def reader_delete(*, user) -> None:
    """Delete the account now. Comments become tombstones so threads keep their shape.

    Nothing else remains, except the keyed hash of the email of a banned reader
    (so deleting and re-registering does not lift a ban).
    """
    with transaction.atomic():
        # What other apps keep (the discussion's erase: tombstones, the banned email).
        for holder in data_holders.registered():
            holder.erase(user)
        # Sessions end with the user: every session's user id now points nowhere.
        get_user_model().objects.filter(pk=user.pk).delete()
