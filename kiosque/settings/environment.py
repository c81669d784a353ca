"""Reading configuration from the environment.

Small typed helpers instead of a configuration library: the handful of variables
Kiosque reads are listed in the README, and each helper fails loudly on a value it
cannot understand rather than guessing.
"""

import hashlib
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env(name: str, default: str) -> str:
    return os.environ.get(name, default)


def var_dir_from_environment(project_dir: Path, package_dir: Path) -> Path:
    """The folder for everything written at run time: KIOSQUE_VAR_DIR, else var/.

    A blank KIOSQUE_VAR_DIR (``KIOSQUE_VAR_DIR= make run``, or a variable expanded from
    an unset one) once resolved to the current folder, and a run from the checkout wrote
    its database, media and secret key among the sources, where they were committed. A
    blank value now means the default, and a folder that is the checkout itself or lies
    inside the package is refused.
    """
    raw = os.environ.get("KIOSQUE_VAR_DIR", "").strip()
    var_dir = Path(raw).resolve() if raw else (project_dir / "var").resolve()
    if var_dir == project_dir.resolve() or var_dir.is_relative_to(package_dir.resolve()):
        raise ImproperlyConfigured(
            f"KIOSQUE_VAR_DIR={var_dir} would write run-time files among the sources: "
            f"choose a folder of its own (default: {project_dir / 'var'})."
        )
    return var_dir


# SHA-256 of secret keys that were ever published, so never secret: the key a stray run
# wrote at the root of the checkout was committed (removed since; it stays in history).
PUBLISHED_SECRET_KEY_DIGESTS = frozenset(
    {"12eb34a81e5d18bd95c4091c492ad8559fa3051cf00bd3cfcb2ed6cdb4b7ebf0"}
)


def refuse_published_secret_key(key: str) -> str:
    if hashlib.sha256(key.strip().encode()).hexdigest() in PUBLISHED_SECRET_KEY_DIGESTS:
        raise ImproperlyConfigured(
            "SECRET_KEY is a key published in Kiosque's repository history: generate a "
            "new one (in development, delete the secret_key file and one is generated)."
        )
    return key


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def base_url_from_environment(host: str, port: int) -> str:
    """BASE_URL when set, else the address `make run` serves on."""
    explicit = os.environ.get("BASE_URL", "").strip()
    if explicit:
        if not explicit.startswith(("http://", "https://")):
            raise ImproperlyConfigured(f"BASE_URL must start with http:// or https://: {explicit}")
        return explicit.rstrip("/")
    # 0.0.0.0 means "every interface": it is not an address a browser can open.
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "") else host  # noqa: S104
    if ":" in shown_host and not shown_host.startswith("["):
        shown_host = f"[{shown_host}]"  # IPv6 literal
    return f"http://{shown_host}:{port}"


def database_from_environment(var_dir: Path) -> dict:
    """PostgreSQL (or any database) from DATABASE_URL, else SQLite under var/.

    SQLite is tuned for several processes writing at once (web server, worker, CLI):
    WAL lets readers proceed during a write, IMMEDIATE transactions take the write lock
    at BEGIN so two writers queue instead of deadlocking on a lock upgrade, and the
    busy timeout makes the waiting writer retry instead of failing with "database is
    locked".
    """
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        config = dj_database_url.parse(url, conn_max_age=env_int("CONN_MAX_AGE", 60))
        config["CONN_HEALTH_CHECKS"] = True
        if config["ENGINE"] == "django.db.backends.sqlite3":
            config["OPTIONS"] = sqlite_options()
        return config
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(var_dir / "kiosque.sqlite3"),
        "OPTIONS": sqlite_options(),
    }


def sqlite_options() -> dict:
    return {
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL;"
            "PRAGMA busy_timeout=30000;"
            "PRAGMA foreign_keys=ON;"
        ),
    }


def caches_and_sessions(redis_url: str) -> tuple[dict, str]:
    """Cache and session storage shared by every process.

    Never per-process memory: with several server processes a rate limit or a log-in
    kept in one process's memory would be invisible to the others.
    """
    if redis_url:
        caches = {
            "default": {
                "BACKEND": "kiosque.core.redis_cache.ReusingRedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": "kiosque",
            },
            "fragments": {
                "BACKEND": "kiosque.core.redis_cache.ReusingRedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": "kiosque-fragments",
            },
        }
        return caches, "django.contrib.sessions.backends.cache"
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kiosque_cache",
        },
        # Rendered parts of public pages (kiosque.edge.fragments), in a table of their
        # own: many entries, which must not push rate-limit counters out of the other.
        "fragments": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kiosque_fragments",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
    }
    return caches, "django.contrib.sessions.backends.db"
