"""Settings for the test suite: fast hashing, immediate tasks, nothing left on disk."""

import tempfile
from pathlib import Path

from kiosque.settings.base import *  # noqa: F403

SECRET_KEY = "tests-only-not-a-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
DEBUG = False

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # No test needs a commit to survive a power cut: PostgreSQL need not wait for the disk
    # at each commit (migrations of every worker's database, transactional tests).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Fragments are invalidated after commit, and tests run inside a transaction that
    # never commits: they render every time here. tests/edge/test_fragments.py tests the
    # cache itself, and the browser tests run the site with its real one.
    "fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Uploaded and generated images go to a throw-away folder per test run.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="kiosque-test-media-"))
STORAGES = {
    # Removes a file it could not write whole (a full disk): kiosque/core/storage.py.
    "default": {"BACKEND": "kiosque.core.storage.WholeFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

STATIC_ROOT = Path(tempfile.mkdtemp(prefix="kiosque-test-static-"))
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"handlers": [], "level": "WARNING"},
}

# Page views are marked with their header; none is written to a file (tests/audience).
AUDIENCE_SERVER_LOG = ""
AUDIENCE_LOG_FILES = []
