"""The production settings, as the fault drills run them (tests/faults, bench/faults.py).

One difference: static files are served from the source folders (WhiteNoise's finders)
instead of a `collectstatic` output, which takes about 18 s of CPU to hash and compress
11 MB: nothing a fault touches. Everything else (DEBUG off, secure cookies, the 503 page,
Redis sessions, the resilient cache, purges to the edge) is what production runs.
"""

from kiosque.settings.production import *  # noqa: F403
from kiosque.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
