"""System checks of Kiosque's own security middleware.

Django's `security.W002` looks for its XFrameOptionsMiddleware by name and is silenced in
production (settings/production.py): Kiosque sends the header through a subclass that
lets the admin frame its previews (decision 0067). This check takes its place: some
X-Frame-Options middleware must be in MIDDLEWARE.
"""

from django.conf import settings
from django.core.checks import Warning, register
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.utils.module_loading import import_string


@register("security", deploy=True)
def frame_options_middleware(app_configs, **kwargs):
    for path in settings.MIDDLEWARE:
        try:
            middleware = import_string(path)
        except ImportError:
            continue
        if isinstance(middleware, type) and issubclass(middleware, XFrameOptionsMiddleware):
            return []
    return [
        Warning(
            "No X-Frame-Options middleware in MIDDLEWARE: pages may be framed by any site.",
            hint="Keep kiosque.core.middleware.PreviewFramingMiddleware in MIDDLEWARE.",
            id="kiosque.W001",
        )
    ]
