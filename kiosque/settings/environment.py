"""Reading configuration from the environment.

Small typed helpers instead of a configuration library: the handful of variables
Kiosque reads are listed in the README, and each helper fails loudly on a value it
cannot understand rather than guessing.
"""

import hashlib
import math
import os
from pathlib import Path
from urllib.parse import urlsplit

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
        if config["ENGINE"] == POSTGRESQL:
            _fail_fast(config)
        return config
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(var_dir / "kiosque.sqlite3"),
        "OPTIONS": sqlite_options(),
    }


POSTGRESQL = "django.db.backends.postgresql"
# Seconds to wait for a PostgreSQL server to accept a connection (libpq's minimum is 2).
# Without it a primary that vanished from the network holds every request that needs it
# for minutes; with it, the request answers 503 and /healthz says what still works.
CONNECT_TIMEOUT_SECONDS = 2
REPLICA_ALIAS_PREFIX = "replica_"
DEFAULT_REPLICA_MAX_LAG = 5.0


def _fail_fast(config: dict) -> None:
    # A connect_timeout in the URL (?connect_timeout=5) wins.
    config.setdefault("OPTIONS", {}).setdefault("connect_timeout", CONNECT_TIMEOUT_SECONDS)


def _shown(url: str) -> str:
    """The URL without its user and password, for error messages."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return "(unreadable URL)"
    return f"{parts.scheme}://{host}{parts.path}" if parts.scheme else "(not a URL)"


def replica_databases_from_environment(primary: dict) -> dict[str, dict]:
    """DATABASE_REPLICA_URLS: the primary's streaming replicas, read by reader pages.

    Comma-separated PostgreSQL URLs; each becomes DATABASES["replica_1"], ["replica_2"]...,
    which kiosque.core.db_routing reads from when it is safe (decision 0073). Replica
    connections are read-only sessions (a replica promoted while still listed here can
    never receive a write through Kiosque), and in tests they mirror the default
    database, so the suite never needs a replica of its own.
    """
    raw = os.environ.get("DATABASE_REPLICA_URLS", "")
    urls = [item.strip() for item in raw.split(",") if item.strip()]
    if not urls:
        return {}
    if primary["ENGINE"] != POSTGRESQL:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URLS needs a PostgreSQL primary in DATABASE_URL: replicas "
            "are PostgreSQL streaming replicas of it."
        )
    replicas = {}
    for number, url in enumerate(urls, start=1):
        where = f"DATABASE_REPLICA_URLS, item {number} ({_shown(url)})"
        try:
            config = dj_database_url.parse(url, conn_max_age=primary["CONN_MAX_AGE"])
        except ValueError as error:
            raise ImproperlyConfigured(f"{where}: not a database URL: {error}") from None
        if config["ENGINE"] != POSTGRESQL:
            raise ImproperlyConfigured(f"{where}: a replica must be a postgres:// URL.")
        if not config["NAME"]:
            raise ImproperlyConfigured(f"{where}: the URL names no database.")
        config["CONN_HEALTH_CHECKS"] = True
        _fail_fast(config)
        given = config["OPTIONS"].get("options", "")
        config["OPTIONS"]["options"] = f"{given} -c default_transaction_read_only=on".strip()
        config["TEST"] = {"MIRROR": "default"}
        replicas[f"{REPLICA_ALIAS_PREFIX}{number}"] = config
    return replicas


def replica_max_lag_from_environment() -> float:
    """DATABASE_REPLICA_MAX_LAG: seconds a replica may trail the primary and still be read."""
    raw = os.environ.get("DATABASE_REPLICA_MAX_LAG", "").strip()
    if not raw:
        return DEFAULT_REPLICA_MAX_LAG
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise ImproperlyConfigured(
            f"DATABASE_REPLICA_MAX_LAG must be a number of seconds, 0 or more, not {raw!r}"
        )
    return value


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


DEFAULT_REDIS_TIMEOUT = 0.5


def redis_timeout_from_environment() -> float:
    """REDIS_TIMEOUT_SECONDS: how long a cache call waits for Redis before it is a miss."""
    raw = os.environ.get("REDIS_TIMEOUT_SECONDS", "").strip()
    if not raw:
        return DEFAULT_REDIS_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not 0 < value <= 30:
        raise ImproperlyConfigured(
            f"REDIS_TIMEOUT_SECONDS must be a number of seconds above 0, at most 30, not {raw!r}"
        )
    return value


def caches_and_sessions(redis_url: str) -> tuple[dict, str]:
    """Cache and session storage shared by every process.

    Never per-process memory: with several server processes a rate limit or a log-in
    kept in one process's memory would be invisible to the others.
    """
    if redis_url:
        # Redis may go away (decision 0074): a short timeout, then the cache fails open
        # for a pause instead of every request waiting; sessions say so (503 page).
        seconds = redis_timeout_from_environment()
        options = {"socket_connect_timeout": seconds, "socket_timeout": seconds}
        caches = {
            "default": {
                "BACKEND": "kiosque.core.redis_cache.ResilientRedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": "kiosque",
                "OPTIONS": dict(options),
            },
            "fragments": {
                "BACKEND": "kiosque.core.redis_cache.ResilientRedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": "kiosque-fragments",
                "OPTIONS": dict(options),
            },
        }
        return caches, "kiosque.core.redis_sessions"
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
