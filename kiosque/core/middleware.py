"""Request/response middleware that every page goes through."""

from django.conf import settings
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
    "frame-ancestors": "'self'",
}


def serialise_policy(policy: dict[str, str]) -> str:
    return "; ".join(f"{directive} {sources}" for directive, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_PATH
        self.reader_header = serialise_policy(READER_POLICY)
        self.admin_header = serialise_policy(ADMIN_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            is_admin = request.path.startswith(self.admin_prefix)
            response["Content-Security-Policy"] = (
                self.admin_header if is_admin else self.reader_header
            )
        response.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        return response


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
