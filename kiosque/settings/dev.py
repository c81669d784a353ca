"""The demo and development settings used by `make run` and `.venv/bin/kiosque`.

DEBUG stays off unless asked for, so the demo behaves like production (error pages,
compressed static files); cookies are not marked Secure because the demo is plain HTTP.
"""

import os
import secrets
import time
from urllib.parse import urlsplit

from kiosque.settings.base import *  # noqa: F403
from kiosque.settings.base import BASE_URL, HOST, SECRET_KEY, VAR_DIR
from kiosque.settings.environment import env_bool, env_list, refuse_published_secret_key

DEBUG = env_bool("DEBUG", False)


def _persistent_secret_key() -> str:
    """A key generated once per checkout and kept under var/, so log-ins survive restarts."""
    key_file = VAR_DIR / "secret_key"
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    try:
        # Created readable by its owner only from the first byte, and only once: when
        # the server, the worker and the CLI start together, one of them writes it.
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _attempt in range(50):  # another process may be writing it this instant
            existing = key_file.read_text().strip()
            if existing:
                return existing
            time.sleep(0.01)
        raise
    with os.fdopen(descriptor, "w") as handle:
        handle.write(key)
    return key


SECRET_KEY = refuse_published_secret_key(SECRET_KEY or _persistent_secret_key())
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS",
    sorted({"localhost", "127.0.0.1", "[::1]", HOST, urlsplit(BASE_URL).hostname or "localhost"}),
)
