"""The demo and development settings used by `make run` and `.venv/bin/kiosque`.

DEBUG stays off unless asked for, so the demo behaves like production (error pages,
compressed static files); cookies are not marked Secure because the demo is plain HTTP.
"""

import secrets
from urllib.parse import urlsplit

from kiosque.settings.base import *  # noqa: F403
from kiosque.settings.base import BASE_URL, HOST, SECRET_KEY, VAR_DIR
from kiosque.settings.environment import env_bool, env_list

DEBUG = env_bool("DEBUG", False)


def _persistent_secret_key() -> str:
    """A key generated once per checkout and kept under var/, so log-ins survive restarts."""
    key_file = VAR_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


SECRET_KEY = SECRET_KEY or _persistent_secret_key()
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS",
    sorted({"localhost", "127.0.0.1", "[::1]", HOST, urlsplit(BASE_URL).hostname or "localhost"}),
)
