"""The SMTP server of the newsletter tests, and Django's SMTP backend pointed at it."""

import pytest

from tests.newsletters.smtp_server import SmtpServer


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1 recording each message (envelope, headers, body)."""
    server = SmtpServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def smtp(smtp_server, settings):
    """The SMTP server, and the site's mail sent to it through Django's SMTP backend."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.NEWSLETTER_SEND_RATE = 0
    settings.NEWSLETTER_RETRY_SECONDS = 0
    settings.NEWSLETTER_SMTP_TIMEOUT = 10
    return smtp_server
