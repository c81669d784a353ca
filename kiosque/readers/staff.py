"""Who counts as staff (anyone who may enter the Wagtail admin), and their second factor."""

from django.contrib.auth.models import AnonymousUser, User

SECOND_FACTOR_METHOD = "mfa"


def is_staff_member(user: User | AnonymousUser) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


def has_second_factor(user: User) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def passed_second_factor(request) -> bool:
    """Whether this session was opened (or confirmed) with the second factor.

    allauth logs each way the session's user proved who they are: "password" at log-in,
    "mfa" after a TOTP or recovery code (at log-in, on re-authentication). Owning an
    authenticator is not enough: a session may have been opened without it (a reader
    form, a link in a mail); decision 0077.
    """
    from allauth.account.authentication import get_authentication_records

    return any(
        record.get("method") == SECOND_FACTOR_METHOD
        for record in get_authentication_records(request, request.user)
    )


def record_second_factor_on_enrolment(sender, instance, created, **kwargs) -> None:
    """Enrolling a TOTP authenticator means typing a code from it: the session that just
    did so has shown the second factor, and is not asked for it again.

    On the model's post_save, not allauth's authenticator_added signal: allauth sends
    that one after the commit, when the session may already be saved. Only for an
    authenticator the request's own user created (allauth's context holds the request;
    none in a shell or a migration).
    """
    from allauth.account.internal.flows.login import record_authentication
    from allauth.core import context

    request = context.request
    if (
        created
        and instance.type == instance.Type.TOTP
        and request is not None
        and getattr(request, "user", None) is not None
        and request.user.pk == instance.user_id
    ):
        record_authentication(
            request, request.user, SECOND_FACTOR_METHOD, type="totp", enrolled=True
        )
