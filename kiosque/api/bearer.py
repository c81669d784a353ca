"""`Authorization: Bearer kq_…`: the write API's only way in (RFC 6750).

The session cookie is never read: a logged-in editor's browser gets no further than a
stranger, so no page on another site can post in their name and CSRF has nothing to
protect. Each refusal says why in `detail` and in the `WWW-Authenticate` challenge.
"""

from __future__ import annotations

from django.conf import settings
from ninja.security.http import HttpBearer

from kiosque.api import tokens
from kiosque.api.http import problem
from kiosque.api.rate_limit import parse_rate, seconds_to_wait_for

REALM = "kiosque"


class TokenRefused(Exception):
    """401: no usable token. `error` is RFC 6750's code, absent when none was sent."""

    def __init__(self, detail: str, error: str | None = "invalid_token"):
        super().__init__(detail)
        self.detail = detail
        self.error = error


class InsufficientScope(Exception):
    """403: a valid token, made for something else (RFC 6750's insufficient_scope)."""

    def __init__(self, scope: str):
        super().__init__(scope)
        self.scope = scope


class TokenRateLimited(Exception):
    def __init__(self, wait: int):
        super().__init__(wait)
        self.wait = wait


def _challenge(**params: str) -> str:
    details = "".join(f', {name}="{value}"' for name, value in params.items())
    return f'Bearer realm="{REALM}"{details}'


def refused_response(request, error: TokenRefused):
    params = {"error": error.error, "error_description": error.detail} if error.error else {}
    return problem(401, error.detail, WWW_Authenticate=_challenge(**params))


def scope_response(request, error: InsufficientScope):
    detail = f"this token may not do this: it needs the {error.scope!r} scope"
    challenge = _challenge(error="insufficient_scope", scope=error.scope)
    return problem(403, detail, WWW_Authenticate=challenge)


def rate_limited_response(request, error: TokenRateLimited):
    detail = f"too many entries from this token: retry in {error.wait} s"
    return problem(429, detail, Retry_After=str(error.wait))


class TokenAuth(HttpBearer):
    """A token of `scope`, active, of an active user, within its rate limit."""

    openapi_bearerFormat = "kq_<prefix>_<secret>"
    openapi_description = (
        "A per-user API token (`kiosque apitoken create USER --scope live`, or « Jetons "
        "d'API » in the admin). It grants only its scope, within its user's permissions."
    )

    def __init__(self, scope: str):
        super().__init__()
        self.scope = scope

    def __call__(self, request):
        header = request.headers.get(self.header, "")
        if not header:
            raise TokenRefused(
                "this operation needs an API token: Authorization: Bearer <token>", error=None
            )
        scheme, _, credentials = header.partition(" ")
        if scheme.lower() != "bearer" or not credentials.strip():
            raise TokenRefused(
                "malformed Authorization header: send Authorization: Bearer <token>",
                error="invalid_request",
            )
        return self.authenticate(request, credentials.strip())

    def authenticate(self, request, token: str):
        found = tokens.find_active(token)
        if found is None:
            raise TokenRefused("unknown, revoked or malformed token")
        if found.scope != self.scope:
            raise InsufficientScope(self.scope)
        wait = seconds_to_wait_for(
            f"token:{found.pk}",
            parse_rate(settings.API_WRITE_RATE_LIMIT, "API_WRITE_RATE_LIMIT"),
        )
        if wait:
            raise TokenRateLimited(wait)
        tokens.note_use(found)
        return found


def install(api) -> None:
    """The answers to the refusals above, on `api` (kiosque.api.api)."""
    api.add_exception_handler(TokenRefused, refused_response)
    api.add_exception_handler(InsufficientScope, scope_response)
    api.add_exception_handler(TokenRateLimited, rate_limited_response)
