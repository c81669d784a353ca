"""Production settings: refuse to start on a missing secret, host list or base URL.

Select them with DJANGO_SETTINGS_MODULE=kiosque.settings.production. TLS is expected
to end at the edge (Varnish/nginx/load balancer), which must send X-Forwarded-Proto.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from kiosque.settings.base import *  # noqa: F403
from kiosque.settings.environment import (
    env_bool,
    env_int,
    env_list,
    refuse_published_secret_key,
)


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in production (see the README).")
    return value


SECRET_KEY = refuse_published_secret_key(_required("SECRET_KEY"))
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production (see the README).")
_required("BASE_URL")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# /healthz is probed over plain HTTP by load balancers and by the edge.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Preloading is a hard-to-undo commitment for the whole domain, so it stays opt-in: its
# absence is a choice, not a deployment issue (Django's reminder is security.W021).
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# Django's check looks for its own XFrameOptionsMiddleware by name; Kiosque's subclass
# (core.middleware.PreviewFramingMiddleware, decision 0067) sends the header on every
# response, DENY except for the admin's previews. tests/core/test_preview_framing.py and
# core.checks hold it to that.
SILENCED_SYSTEM_CHECKS += ["security.W002"]

if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)

# Staff log in to the admin with a TOTP second factor (allauth.mfa), never without one.
KIOSQUE_STAFF_MFA_REQUIRED = True
