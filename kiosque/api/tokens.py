"""Issuing, checking and revoking API tokens (the model and its format: models.py).

Who may do what: any active staff user who may edit pages holds tokens of their own;
whoever has `api.manage_all_tokens` (administrators, superusers) sees and revokes
everyone's. A token never grants more than its user may do: the write API asks the
user's page permissions on every request.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from kiosque.api.models import ApiToken
from kiosque.core.bounds import whole_number

TOKEN = re.compile(r"^kq_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$")
# What `revoke` accepts to name a token: its prefix, alone or as lists show it, or the
# whole token (whoever holds a leaked token can revoke it without looking it up).
PREFIX = re.compile(r"^(?:kq_)?([0-9a-f]{8})(?:_[A-Za-z0-9_-]{43})?$")
SECRET_BYTES = 32  # 256 bits
MAX_ACTIVE_PER_USER = 20
MANAGE_ALL = "api.manage_all_tokens"


class TokenError(ValueError):
    """A token that cannot be issued: the message says why, for a person to read."""


@dataclass(frozen=True)
class Issued:
    token: ApiToken
    secret: str  # the whole `kq_…` string: shown once, never stored


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def may_hold_tokens(user) -> bool:
    """Active staff who may edit some page: a token for anyone else would grant nothing."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    if not (user.is_authenticated and user.is_active):
        return False
    return PagePermissionPolicy().user_has_permission(user, "change")


def may_manage_all(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm(MANAGE_ALL)


def visible_to(user) -> QuerySet:
    """The tokens `user` may see in the admin: their own, or all for an administrator."""
    tokens = ApiToken.objects.select_related("user")
    return tokens if may_manage_all(user) else tokens.filter(user=user)


def active_count(user) -> int:
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).count()


def issue(user, *, scope: str, name: str = "", created_by=None) -> Issued:
    if scope not in ApiToken.Scope.values:
        raise TokenError(f"unknown scope {scope!r}: use one of {', '.join(ApiToken.Scope.values)}")
    if not user.is_active:
        raise TokenError(f"{user.get_username()} is not an active user")
    name = " ".join(name.split())
    if len(name) > ApiToken._meta.get_field("name").max_length:
        raise TokenError("the name is longer than 100 characters")
    active = active_count(user)
    if active >= MAX_ACTIVE_PER_USER:
        raise TokenError(
            f"{user.get_username()} already has {active} active tokens: revoke one first"
        )
    secret = secrets.token_urlsafe(SECRET_BYTES)
    for _attempt in range(5):  # 32-bit prefixes: a clash is rare, and retried
        prefix = secrets.token_hex(4)
        try:
            with transaction.atomic():
                token = ApiToken.objects.create(
                    user=user,
                    name=name,
                    scope=scope,
                    prefix=prefix,
                    secret_hash=_digest(secret),
                    created_by=created_by,
                )
        except IntegrityError:
            continue
        return Issued(token=token, secret=f"kq_{prefix}_{secret}")
    raise TokenError("could not draw a free token prefix; try again")


def find_active(raw: str) -> ApiToken | None:
    """The active token this string is, or None (malformed, unknown, wrong secret, revoked).

    The same None for every case: a caller learns nothing about which tokens exist.
    """
    match = TOKEN.match(raw)
    if match is None:
        return None
    prefix, secret = match.groups()
    token = (
        ApiToken.objects.select_related("user")
        .filter(prefix=prefix, revoked_at__isnull=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.secret_hash, _digest(secret)):
        return None
    if not token.user.is_active:
        return None
    return token


def note_use(token: ApiToken) -> None:
    now = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now


def lookup(reference: str) -> ApiToken:
    """The token a person names by its prefix (`kq_1a2b3c4d` or `1a2b3c4d`) or its id."""
    reference = reference.strip()
    match = PREFIX.match(reference)
    by_prefix = ApiToken.objects.filter(prefix=match.group(1)).first() if match else None
    token_id = whole_number(reference)
    by_id = ApiToken.objects.filter(pk=token_id).first() if token_id is not None else None
    if by_prefix is not None and by_id is not None and by_prefix != by_id:
        raise TokenError(f"{reference!r} is both a token id and a prefix: write kq_{reference}")
    token = by_prefix or by_id
    if token is None:
        raise TokenError(f"no token {reference!r}")
    return token


def revoke(token: ApiToken) -> bool:
    """Revoke it for good; False when it already was."""
    updated = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    token.refresh_from_db(fields=["revoked_at"])
    return bool(updated)
