"""The settings of the `kiosque worker` that tests/newsletters/test_sending_worker_killed.py
starts: the development settings, mail through the test's SMTP server (TEST_SMTP_PORT)."""

import os

from kiosque.settings.dev import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["TEST_SMTP_PORT"])
EMAIL_USE_TLS = False
EMAIL_HOST_USER = EMAIL_HOST_PASSWORD = ""
# The test's database has no cache tables (the test settings cache in memory): the
# workers keep theirs in memory too (what they cache: whether any view restriction
# exists, read when an edition is rendered).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
