"""Hand an edition to the sending (kiosque.newsletters.sending), once.

Digests, follows and alerts all end here. The edition's row is locked and its status
read again under the lock: of two workers that found the same edition due, the second
finds it no longer waiting and does nothing (SQLite's immediate transactions take the
write lock at their start, PostgreSQL's row lock does the same for one row).
"""

from django.db import transaction

from kiosque.newsletters.models import Edition

WAITING = (Edition.Status.DRAFT, Edition.Status.READY)


def edition_start(edition: Edition) -> int | None:
    """Start sending `edition` if it is still waiting; the number of recipients listed,
    or None when another worker (or an editor) changed it first."""
    from kiosque.newsletters.sending import start_sending

    with transaction.atomic():
        locked = Edition.objects.select_for_update().filter(pk=edition.pk).first()
        if locked is None or locked.status not in WAITING:
            return None
        if locked.status == Edition.Status.DRAFT:
            # A draft goes only when nobody held it and its list sends on its own: going
            # now is the approval.
            Edition.objects.filter(pk=locked.pk).update(status=Edition.Status.READY)
            locked.status = Edition.Status.READY
        return start_sending(locked)
