"""The settings of the `kiosque worker` that tests/newsletters/test_sending_worker_killed.py
starts: the development settings, mail through the test's SMTP server (TEST_SMTP_PORT)."""

import os

from kiosque.settings.dev import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["TEST_SMTP_PORT"])
EMAIL_USE_TLS = False
EMAIL_HOST_USER = EMAIL_HOST_PASSWORD = ""
