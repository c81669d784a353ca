"""`kiosque apitoken create USER --scope live [--name NAME]`, `list [USER]`, `revoke ID`.

`create` prints the token alone on the last line of its output, once: a script may take
`tail -n 1`. Only its hash is kept, so a lost token is revoked and replaced, never shown
again. USER is a username or an email address. Usage errors exit with status 2.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kiosque.api import tokens
from kiosque.api.models import ApiToken


def _user(reference: str):
    users = get_user_model().objects
    user = users.filter(username=reference).first()
    if user is None and "@" in reference:
        found = list(users.filter(email__iexact=reference)[:2])
        if len(found) > 1:
            raise CommandError(
                f"several users have the address {reference!r}: give a username", returncode=2
            )
        user = found[0] if found else None
    if user is None:
        raise CommandError(f"no user {reference!r}", returncode=2)
    return user


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else "never"


class Command(BaseCommand):
    help = "Create, list and revoke API tokens (the write API: docs/api.md)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        create = actions.add_parser("create", help="a new token for USER, printed once")
        create.add_argument("user", metavar="USER", help="username or email address")
        create.add_argument(
            "--scope", required=True, help=f"what it may do: {', '.join(ApiToken.Scope.values)}"
        )
        create.add_argument("--name", default="", help="a label: who or what uses it")
        listing = actions.add_parser("list", help="tokens, of USER or of everyone")
        listing.add_argument("user", metavar="USER", nargs="?")
        listing.add_argument("--all", action="store_true", help="include revoked tokens")
        revoke = actions.add_parser("revoke", help="revoke a token for good")
        revoke.add_argument("token", metavar="PREFIX_OR_ID", help="kq_1a2b3c4d, 1a2b3c4d or an id")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _create(self, *, user, scope, name, **options):
        holder = _user(user)
        try:
            issued = tokens.issue(holder, scope=scope, name=name)
        except tokens.TokenError as error:
            raise CommandError(str(error), returncode=2) from None
        if not tokens.may_hold_tokens(holder):
            self.stderr.write(
                f"warning: {holder.get_username()} may edit no page yet: the token will be "
                "refused on every live until they may"
            )
        token = issued.token
        self.stdout.write(
            f"Token {token.public_id} (id {token.pk}, scope {token.scope}) for "
            f"{holder.get_username()}. Shown this once; keep it secret:"
        )
        self.stdout.write(issued.secret)

    def _list(self, *, user=None, all=False, **options):
        rows = ApiToken.objects.select_related("user").order_by("user__username", "-created_at")
        if user:
            rows = rows.filter(user=_user(user))
        if not all:
            rows = rows.filter(revoked_at__isnull=True)
        for token in rows:
            state = f"revoked {_when(token.revoked_at)}" if token.revoked_at else "active"
            self.stdout.write(
                f"{token.pk}\t{token.public_id}\t{token.user.get_username()}\t{token.scope}\t"
                f"{state}\tcreated {_when(token.created_at)}\tlast used "
                f"{_when(token.last_used_at)}\t{token.name}"
            )

    def _revoke(self, *, token, **options):
        try:
            found = tokens.lookup(token)
        except tokens.TokenError as error:
            raise CommandError(str(error), returncode=2) from None
        if tokens.revoke(found):
            self.stdout.write(f"Revoked {found.public_id} of {found.user.get_username()}.")
        else:
            self.stdout.write(f"{found.public_id} was already revoked ({_when(found.revoked_at)}).")
