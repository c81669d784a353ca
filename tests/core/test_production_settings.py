"""Configuration from the environment: production fails closed, dev runs out of the box.

Settings are read once per process, so everything that depends on a settings module is
checked in a fresh `python` subprocess; the helpers of `kiosque.settings.environment`
are unit-tested directly.
"""

import importlib.util
import os
import secrets
import stat
import string
import subprocess
import sys
from pathlib import Path

import pytest
import redis
from django.core.exceptions import ImproperlyConfigured

from kiosque.settings import environment
from kiosque.settings.environment import (
    base_url_from_environment,
    caches_and_sessions,
    database_from_environment,
)

pytestmark = pytest.mark.processes

PROJECT_DIR = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/15"
# Every variable the settings read: a test starts from none of them.
CONFIGURATION = (
    "DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS", "BASE_URL", "DATABASE_URL",
    "REDIS_URL", "KIOSQUE_VAR_DIR", "HOST", "PORT", "DEBUG", "CSRF_TRUSTED_ORIGINS",
    "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD", "CONN_MAX_AGE", "ADMIN_PATH", "EMAIL_HOST", "SERVE_MEDIA",
    # Set by the browser tests' fixture in the worker that runs them (tests/e2e): the
    # deploy check rightly refuses it.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)  # fmt: skip
SETUP = "import django; django.setup()"


def random_secret(length: int = 60) -> str:
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    return "".join(secrets.choice(alphabet) for _ in range(length))


def clean_env(var_dir: Path, settings: str, **variables: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in CONFIGURATION}
    env.update(DJANGO_SETTINGS_MODULE=settings, KIOSQUE_VAR_DIR=str(var_dir), **variables)
    return env


def python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def production_env(var_dir: Path, **overrides: str | None) -> dict[str, str]:
    variables = {
        "SECRET_KEY": random_secret(),
        "ALLOWED_HOSTS": "news.example.org",
        "BASE_URL": "https://news.example.org",
        **overrides,
    }
    return clean_env(
        var_dir,
        "kiosque.settings.production",
        **{name: value for name, value in variables.items() if value is not None},
    )


# --- production: refuse to start on a missing or weak configuration -----------------


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY must be set in production"),
        ({"SECRET_KEY": "   "}, "SECRET_KEY must be set in production"),
        ({"SECRET_KEY": random_secret(49)}, "SECRET_KEY must be at least 50 characters"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS must be set in production"),
        ({"ALLOWED_HOSTS": " , "}, "ALLOWED_HOSTS must be set in production"),
        ({"BASE_URL": None}, "BASE_URL must be set in production"),
        ({"BASE_URL": "news.example.org"}, "BASE_URL must start with http:// or https://"),
    ],
    ids=[
        "no-secret-key",
        "blank-secret-key",
        "short-secret-key",
        "no-allowed-hosts",
        "empty-allowed-hosts",
        "no-base-url",
        "base-url-without-scheme",
    ],
)
def test_production_settings_refuse_to_start(tmp_path, overrides, message):
    done = python(SETUP, production_env(tmp_path, **overrides))
    assert done.returncode != 0
    assert "ImproperlyConfigured" in done.stderr
    assert message in done.stderr, done.stderr


def test_production_settings_start_with_the_required_variables(tmp_path):
    done = python(
        SETUP
        + "; from django.conf import settings as s"
        + "; print(s.DEBUG, s.ALLOWED_HOSTS, s.BASE_URL, s.SESSION_COOKIE_SECURE,"
        + " s.SECURE_HSTS_SECONDS, s.DATABASES['default']['ENGINE'])",
        production_env(tmp_path),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [
        "False",
        "['news.example.org']",
        "https://news.example.org",
        "True",
        "31536000",
        "django.db.backends.sqlite3",
    ]


def test_production_deploy_check_reports_no_issues(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "kiosque", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env(tmp_path),
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "System check identified no issues" in output, output


# --- dev: a secret key generated once and kept under var/ ----------------------------


def test_dev_settings_generate_and_persist_a_private_secret_key(tmp_path):
    var_dir = tmp_path / "var"  # does not exist yet: the settings create it
    env = clean_env(var_dir, "kiosque.settings.dev")
    show_key = SETUP + "; from django.conf import settings; print(settings.SECRET_KEY)"

    first = python(show_key, env)
    assert first.returncode == 0, first.stderr
    key = first.stdout.strip()
    key_file = var_dir / "secret_key"
    assert key_file.read_text().strip() == key
    assert len(key) >= 50
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600

    second = python(show_key, env)
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == key  # reused: log-ins survive a restart

    explicit = python(show_key, {**env, "SECRET_KEY": "k" * 60})
    assert explicit.stdout.strip() == "k" * 60  # the environment wins over the file
    assert key_file.read_text().strip() == key


def test_dev_sqlite_connections_use_wal_and_the_busy_timeout(tmp_path):
    done = python(
        SETUP
        + "; from django.db import connection; cursor = connection.cursor()"
        + "; print(*(cursor.execute(f'PRAGMA {p}').fetchone()[0]"
        + " for p in ('journal_mode', 'busy_timeout', 'synchronous', 'foreign_keys')))"
        + "; print(connection.transaction_mode)",
        clean_env(tmp_path, "kiosque.settings.dev"),
    )
    assert done.returncode == 0, done.stderr
    # synchronous=1 is NORMAL
    assert done.stdout.split() == ["wal", "30000", "1", "1", "IMMEDIATE"]
    assert (tmp_path / "kiosque.sqlite3").exists()


# --- environment helpers -------------------------------------------------------------


def test_without_database_url_the_database_is_sqlite_tuned_for_several_writers(
    monkeypatch, tmp_path
):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_from_environment(tmp_path)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "kiosque.sqlite3")
    options = config["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] == 30
    pragmas = options["init_command"]
    assert "PRAGMA journal_mode=WAL;" in pragmas
    assert "PRAGMA busy_timeout=30000;" in pragmas
    assert "PRAGMA synchronous=NORMAL;" in pragmas
    assert "PRAGMA foreign_keys=ON;" in pragmas

    monkeypatch.setenv("DATABASE_URL", "  ")
    assert database_from_environment(tmp_path)["ENGINE"] == "django.db.backends.sqlite3"


def test_database_url_selects_postgresql_with_health_checks(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://kiosque:s3cret@db.example.org:5433/news")
    monkeypatch.delenv("CONN_MAX_AGE", raising=False)
    config = database_from_environment(tmp_path)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == ("news", "kiosque", "s3cret")
    assert (config["HOST"], config["PORT"]) == ("db.example.org", 5433)
    assert config["CONN_HEALTH_CHECKS"] is True
    assert config["CONN_MAX_AGE"] == 60
    assert "transaction_mode" not in config.get("OPTIONS", {})

    monkeypatch.setenv("CONN_MAX_AGE", "0")
    assert database_from_environment(tmp_path)["CONN_MAX_AGE"] == 0


def test_a_sqlite_database_url_gets_the_same_tuning(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/other.sqlite3")
    config = database_from_environment(tmp_path)
    assert config["NAME"] == f"{tmp_path}/other.sqlite3"
    assert config["OPTIONS"] == environment.sqlite_options()


def load_base_settings():
    """A private copy of kiosque.settings.base, run against the current environment."""
    spec = importlib.util.find_spec("kiosque.settings.base")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_without_redis_the_cache_and_sessions_live_in_the_database(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    caches, session_engine = caches_and_sessions("")
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert caches["default"]["LOCATION"] == "kiosque_cache"
    assert session_engine == "django.contrib.sessions.backends.db"

    base = load_base_settings()
    assert (caches, session_engine) == (base.CACHES, base.SESSION_ENGINE)


def test_with_redis_the_cache_and_sessions_live_in_redis(monkeypatch):
    monkeypatch.setenv("REDIS_URL", REDIS_URL)
    caches, session_engine = caches_and_sessions(REDIS_URL)
    assert caches["default"]["BACKEND"] == "kiosque.core.redis_cache.ResilientRedisCache"
    assert caches["default"]["LOCATION"] == REDIS_URL
    assert caches["default"]["KEY_PREFIX"] == "kiosque"
    # Short timeouts: a Redis that went away costs a request half a second at most.
    assert caches["default"]["OPTIONS"]["socket_timeout"] == 0.5
    # Django's cache sessions, saying so when Redis is away (decision 0074).
    assert session_engine == "kiosque.core.redis_sessions"

    base = load_base_settings()
    assert (caches, session_engine) == (base.CACHES, base.SESSION_ENGINE)


def test_base_url(monkeypatch):
    every_interface = "0.0.0.0"  # noqa: S104 (a HOST value, nothing is bound here)
    monkeypatch.delenv("BASE_URL", raising=False)
    assert base_url_from_environment(every_interface, 8000) == "http://127.0.0.1:8000"
    assert base_url_from_environment("", 8000) == "http://127.0.0.1:8000"
    assert base_url_from_environment("kiosque.local", 8080) == "http://kiosque.local:8080"
    assert base_url_from_environment("::1", 8000) == "http://[::1]:8000"

    monkeypatch.setenv("BASE_URL", "https://news.example.org/")
    assert base_url_from_environment(every_interface, 8000) == "https://news.example.org"

    for wrong in ("news.example.org", "//news.example.org", "ftp://news.example.org"):
        monkeypatch.setenv("BASE_URL", wrong)
        with pytest.raises(ImproperlyConfigured, match="BASE_URL must start with http"):
            base_url_from_environment("127.0.0.1", 8000)


# --- Redis: one cache and one session store for every process -----------------------

WRITE_TO_REDIS = (
    SETUP
    + "; import os; from django.conf import settings; from django.core.cache import cache"
    + "; from django.contrib.sessions.backends.cache import SessionStore"
    + "; cache.set(os.environ['PROBE'], 'écrit par un processus', 300)"
    + "; session = SessionStore(); session['editor'] = 'camille'; session.save()"
    + "; print(settings.SESSION_ENGINE, session.session_key)"
)
READ_FROM_REDIS = (
    SETUP
    + "; import os; from django.core.cache import cache"
    + "; from django.contrib.sessions.backends.cache import SessionStore"
    + "; print(cache.get(os.environ['PROBE']))"
    + "; print(SessionStore(session_key=os.environ['SESSION_KEY']).get('editor'))"
)


def test_with_redis_url_processes_share_cache_and_sessions_through_redis(tmp_path):
    server = redis.Redis.from_url(REDIS_URL, socket_timeout=5)
    server.ping()  # Redis runs here and in CI: no skip, a failure
    probe = f"probe-{secrets.token_hex(8)}"
    env = clean_env(tmp_path, "kiosque.settings.dev", REDIS_URL=REDIS_URL, PROBE=probe)
    session_key = None
    try:
        written = python(WRITE_TO_REDIS, env)
        assert written.returncode == 0, written.stderr
        engine, session_key = written.stdout.split()
        assert engine == "kiosque.core.redis_sessions"

        # The keys are really in Redis database 15, under the site's prefix...
        assert server.exists(f"kiosque:1:{probe}") == 1
        assert server.ttl(f"kiosque:1:{probe}") > 0
        session_redis_key = f"kiosque:1:django.contrib.sessions.cache{session_key}"
        assert server.exists(session_redis_key) == 1
        assert {probe, session_key} <= {
            key.decode().rsplit(":", 1)[-1].removeprefix("django.contrib.sessions.cache")
            for key in server.scan_iter(match="kiosque:*", count=1000)
        }

        # ...and another process reads them back.
        read = python(READ_FROM_REDIS, {**env, "SESSION_KEY": session_key})
        assert read.returncode == 0, read.stderr
        assert read.stdout.splitlines() == ["écrit par un processus", "camille"]
        # Nothing went to the database: no SQLite file was even created.
        assert not (tmp_path / "kiosque.sqlite3").exists()
    finally:
        server.delete(f"kiosque:1:{probe}")
        if session_key:
            server.delete(f"kiosque:1:django.contrib.sessions.cache{session_key}")
        server.close()
