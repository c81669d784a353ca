"""One count of failed log-ins per account, whichever form the attempts come through.

Staff can log in on the admin's form (by username or email) and on the reader's
(by email). Each form used to count failures under what was typed, so five wrong
passwords on the admin's form locked only that form and the reader's kept checking the
same password (issue 19). Both now count under the account the identifier names
(allauth's `login_failed` rate limit, "5/5m/key"): a username and an email of the same
account, in any case or with stray spaces, share one lock-out. An identifier that names
no account is counted under itself, so the answer says nothing about which exist.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q


def normalised(identifier: str) -> str:
    return (identifier or "").strip().casefold()


def account_key(identifier: str) -> str:
    """The rate-limit key of the account the username or email names."""
    from allauth.account.models import EmailAddress

    typed = normalised(identifier)
    user_id = (
        get_user_model()
        .objects.filter(
            Q(username__iexact=typed)
            | Q(email__iexact=typed)
            | Q(pk__in=EmailAddress.objects.filter(email__iexact=typed).values("user_id"))
        )
        .values_list("pk", flat=True)
        .first()
    )
    return f"account:{user_id}" if user_id is not None else f"unknown:{typed}"
