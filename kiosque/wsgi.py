"""WSGI entry point for gunicorn: `gunicorn kiosque.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kiosque.settings.dev")
application = get_wsgi_application()
