"""Who may do what with comments. Every view and service asks here, nowhere else."""

from django.utils import timezone

from kiosque.newsroom import roles
from kiosque.readers.staff import is_staff_member

MODERATING_ROLES = {roles.MODERATOR, roles.ADMINISTRATOR}
FEATURING_ROLES = MODERATING_ROLES | {roles.EDITOR}


def _groups(user) -> set[str]:
    if not hasattr(user, "_kiosque_groups"):
        user._kiosque_groups = set(user.groups.values_list("name", flat=True))
    return user._kiosque_groups


def can_moderate(user) -> bool:
    """See the queues, approve, reject, sanction, see readers' emails."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or bool(_groups(user) & MODERATING_ROLES)


def can_feature(user) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or bool(_groups(user) & FEATURING_ROLES)


def has_verified_email(user) -> bool:
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, verified=True).exists()


def active_sanction(user, kind: str):
    from kiosque.discussion.models import Sanction

    now = timezone.now()
    return (
        Sanction.objects.filter(user=user, kind=kind)
        .exclude(until__lt=now)
        .order_by("-created_at")
        .first()
    )


def is_banned(user) -> bool:
    from kiosque.readers.models import BannedEmail, email_digest

    if active_sanction(user, "ban"):
        return True
    return bool(user.email) and BannedEmail.objects.filter(digest=email_digest(user.email)).exists()


def posting_refusal(user) -> str | None:
    """Why this user may not post, react or report now; None when they may."""
    from django.utils.translation import gettext as _

    if not user.is_authenticated:
        return _("Log in to comment.")
    if not user.is_active:
        return _("This account is disabled.")
    if not has_verified_email(user):
        return _("Confirm your email address to comment: we sent you a link.")
    if is_banned(user):
        ban = active_sanction(user, "ban")
        reason = ban.reason if ban else ""
        return _("Your account may no longer comment. Reason: %(reason)s") % {"reason": reason}
    suspension = active_sanction(user, "suspension")
    if suspension:
        return _("Your account is suspended until %(until)s. Reason: %(reason)s") % {
            "until": timezone.localtime(suspension.until).strftime("%d/%m/%Y %H:%M"),
            "reason": suspension.reason,
        }
    return None


def is_staff_writer(user) -> bool:
    return is_staff_member(user)
