"""Request/response middleware that every page goes through."""

from django.conf import settings
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.utils import timezone, translation

# Reader pages have no inline script and no inline style, so 'self' is enough; data:
# images cover tiny placeholders. JSON-LD blocks are data, not scripts, and CSP does
# not apply to them. Nonces are impossible here: pages are shared by the edge cache.
READER_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "media-src": "'self'",
    "object-src": "'none'",
    "frame-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

# Wagtail's admin still relies on inline scripts and styles (rich text editor, preview
# panel), so it gets a looser policy, limited to its own path and still same-origin only.
# No admin page may be framed either, apart from the ones marked SAMEORIGIN (see
# ContentSecurityPolicyMiddleware).
ADMIN_POLICY = {
    "default-src": "'self'",
    "script-src": "'self' 'unsafe-inline'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "object-src": "'none'",
    "frame-src": "'self'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def serialise_policy(policy: dict[str, str]) -> str:
    return "; ".join(f"{directive} {sources}" for directive, sources in policy.items())


def framed_by_own_origin(policy: dict[str, str]) -> dict[str, str]:
    return {**policy, "frame-ancestors": "'self'"}


class ContentSecurityPolicyMiddleware:
    """The reader or admin policy; `frame-ancestors` agrees with X-Frame-Options.

    Browsers obey `frame-ancestors` and ignore X-Frame-Options when both are sent, so a
    view marked frameable the Django way (`X-Frame-Options: SAMEORIGIN`: Wagtail's
    previews and StreamField block previews, see PreviewFramingMiddleware) gets
    `frame-ancestors 'self'`; every other response, `'none'`. This middleware sits above
    the X-Frame-Options one, so it reads the header's final value.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_PATH
        self.headers = {
            # (is_admin, framed_by_own_origin): header
            (False, False): serialise_policy(READER_POLICY),
            (False, True): serialise_policy(framed_by_own_origin(READER_POLICY)),
            (True, False): serialise_policy(ADMIN_POLICY),
            (True, True): serialise_policy(framed_by_own_origin(ADMIN_POLICY)),
        }

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            is_admin = request.path.startswith(self.admin_prefix)
            same_origin = response.get("X-Frame-Options") == "SAMEORIGIN"
            response["Content-Security-Policy"] = self.headers[is_admin, same_origin]
        response.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        return response


class PreviewFramingMiddleware(XFrameOptionsMiddleware):
    """X-Frame-Options: DENY, except SAMEORIGIN on what Wagtail renders as a preview.

    The page editor's live preview shows the page in an iframe of the admin. Wagtail
    renders it through a second, simulated request to the page's own URL that runs
    every middleware again (`make_preview_request`, which sets `request.is_preview`):
    without this, that inner response left with DENY and the reader policy's
    `frame-ancestors 'none'`, and the browser refused to show it. The previews of a
    revision or a workflow task, opened in a tab, get the same headers: harmless, as
    they are staff-only admin views.
    """

    def get_xframe_options_value(self, request, response):
        if getattr(request, "is_preview", False):
            return "SAMEORIGIN"
        return super().get_xframe_options_value(request, response)


class UrlLanguageMiddleware:
    """Take the interface language from the URL prefix alone: French at /, English at /en/.

    Django's LocaleMiddleware would also look at cookies and Accept-Language and add
    `Vary: Accept-Language`; here the URL is the only input, so every reader of a URL
    gets the same bytes and an edge cache can share them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info)
        language = language or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            translation.deactivate()
        response.headers.setdefault("Content-Language", language)
        return response


class NewsroomTimeZoneMiddleware:
    """Reset the time zone after each request.

    The newsroom's zone is activated by a `before_serve_page` hook (only reader pages
    need the setting, and /healthz must not depend on it); Django keeps the active zone
    per thread, so it has to be put back before the thread serves someone else.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class RejectControlCharactersMiddleware:
    """Answer 400 to a path carrying NUL or other control characters.

    No page has such a path, and PostgreSQL refuses NUL bytes in text: without this
    check, the first middleware that looks the path up in the database (redirects,
    withdrawn articles) would turn a bot's probe into a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(ord(character) < 0x20 or character == "\x7f" for character in request.path):
            from kiosque.core.views import bad_request

            return bad_request(request)
        return self.get_response(request)
