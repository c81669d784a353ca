"""System checks: Kiosque's own security middleware, and what database replicas need.

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


@register()  # not the "database" tag: Django runs those only when asked
def replicas_need_a_shared_cache(app_configs, **kwargs):
    """Reading replicas while the cache and sessions live in the primary gains little,
    and reader pages then fail with the primary (decision 0073): they need REDIS_URL."""
    from kiosque.core.replicas import replica_aliases

    if not replica_aliases():
        return []
    in_database = [
        name
        for name, cache in settings.CACHES.items()
        if cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    ]
    if settings.SESSION_ENGINE == "django.contrib.sessions.backends.db":
        in_database.append("sessions")
    if not in_database:
        return []
    return [
        Warning(
            "DATABASE_REPLICA_URLS is set but the cache and sessions live in the primary "
            f"({', '.join(in_database)}): reader pages fail while the primary is down.",
            hint="Set REDIS_URL, as every deployment with several hosts should.",
            id="kiosque.W002",
        )
    ]
