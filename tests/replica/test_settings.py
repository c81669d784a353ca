"""DATABASE_REPLICA_URLS and DATABASE_REPLICA_MAX_LAG: what they declare, what they refuse.

No database: settings helpers, the routing rules' arithmetic and the system check.
"""

import importlib.util
import math

import pytest
from django.core.exceptions import ImproperlyConfigured, MiddlewareNotUsed
from django.http import HttpResponse

from kiosque.core import checks, db_routing, replicas
from kiosque.core.replicas import Verdict
from kiosque.settings import environment

PRIMARY = {"ENGINE": environment.POSTGRESQL, "CONN_MAX_AGE": 60}


def load_base_settings():
    """A private copy of kiosque.settings.base, run against the current environment."""
    spec = importlib.util.find_spec("kiosque.settings.base")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def replicas_from(monkeypatch, value: str, primary=PRIMARY) -> dict:
    monkeypatch.setenv("DATABASE_REPLICA_URLS", value)
    return environment.replica_databases_from_environment(primary)


def test_without_replica_urls_nothing_changes(monkeypatch):
    monkeypatch.delenv("DATABASE_REPLICA_URLS", raising=False)
    monkeypatch.delenv("DATABASE_REPLICA_MAX_LAG", raising=False)
    monkeypatch.setenv("DATABASE_URL", "postgres://kiosque@db.example.org/news")
    base = load_base_settings()
    assert list(base.DATABASES) == ["default"]
    assert base.DATABASE_ROUTERS == []
    assert base.DATABASE_REPLICA_MAX_LAG == 5.0
    # The middleware is listed but steps aside: no cookie, no routing, no cost.
    assert "kiosque.core.db_routing.ReplicaRoutingMiddleware" in base.MIDDLEWARE
    with pytest.raises(MiddlewareNotUsed):
        db_routing.ReplicaRoutingMiddleware(lambda request: HttpResponse())


def test_replica_urls_declare_read_only_mirrors_and_the_router(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://kiosque:s3cret@primary.example.org/news")
    monkeypatch.setenv(
        "DATABASE_REPLICA_URLS",
        " postgres://kiosque:s3cret@replica-a.example.org:5433/news ,,"
        "postgres://replica-b.example.org/news?connect_timeout=7 ",
    )
    monkeypatch.setenv("DATABASE_REPLICA_MAX_LAG", "2.5")
    base = load_base_settings()
    assert list(base.DATABASES) == ["default", "replica_1", "replica_2"]
    assert base.DATABASE_ROUTERS == ["kiosque.core.db_routing.ReplicaRouter"]
    assert base.DATABASE_REPLICA_MAX_LAG == 2.5
    first, second = base.DATABASES["replica_1"], base.DATABASES["replica_2"]
    assert (first["HOST"], first["PORT"], first["NAME"]) == ("replica-a.example.org", 5433, "news")
    assert first["TEST"] == {"MIRROR": "default"}  # the suite never needs a replica
    assert "default_transaction_read_only=on" in first["OPTIONS"]["options"]
    assert first["CONN_HEALTH_CHECKS"] is True
    # Quick to give up on a server that is gone, unless the URL says otherwise.
    assert first["OPTIONS"]["connect_timeout"] == 2
    assert second["OPTIONS"]["connect_timeout"] == 7
    assert base.DATABASES["default"]["OPTIONS"]["connect_timeout"] == 2


def test_blank_replica_urls_mean_none(monkeypatch):
    assert replicas_from(monkeypatch, " , ,") == {}


@pytest.mark.parametrize(
    ("value", "complaint"),
    [
        ("not-a-url", "not a database URL"),
        ("http://replica.example.org/news", "not a database URL"),
        ("postgres://replica.example.org:port/news", "not a database URL"),
        ("mysql://replica.example.org/news", "must be a postgres:// URL"),
        ("sqlite:///var/replica.sqlite3", "must be a postgres:// URL"),
        ("postgres://replica.example.org", "names no database"),
        ("postgres://replica.example.org/news,postgres://", "item 2"),
    ],
)
def test_malformed_replica_urls_stop_start_up(monkeypatch, value, complaint):
    with pytest.raises(ImproperlyConfigured, match=complaint):
        replicas_from(monkeypatch, value)


def test_a_refused_url_is_named_without_its_password(monkeypatch):
    with pytest.raises(ImproperlyConfigured) as refused:
        replicas_from(monkeypatch, "mysql://kiosque:s3cret@replica.example.org/news")
    assert "s3cret" not in str(refused.value)
    assert "replica.example.org" in str(refused.value)


def test_replicas_need_a_postgresql_primary(monkeypatch):
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "CONN_MAX_AGE": 0}
    with pytest.raises(ImproperlyConfigured, match="PostgreSQL primary"):
        replicas_from(monkeypatch, "postgres://replica.example.org/news", primary=sqlite)


@pytest.mark.parametrize(("value", "seconds"), [("", 5.0), ("0", 0.0), ("2.5", 2.5), ("30", 30)])
def test_the_lag_bound_reads_seconds(monkeypatch, value, seconds):
    monkeypatch.setenv("DATABASE_REPLICA_MAX_LAG", value)
    assert environment.replica_max_lag_from_environment() == seconds


@pytest.mark.parametrize("value", ["-1", "-0.5", "five", "nan", "inf", "5s"])
def test_a_negative_or_unreadable_lag_bound_stops_start_up(monkeypatch, value):
    monkeypatch.setenv("DATABASE_REPLICA_MAX_LAG", value)
    with pytest.raises(ImproperlyConfigured, match="DATABASE_REPLICA_MAX_LAG"):
        environment.replica_max_lag_from_environment()


@pytest.mark.parametrize("max_lag", [0, 0.5, 5, 60])
def test_a_writer_reads_the_primary_longer_than_any_replica_may_trail(settings, max_lag):
    settings.DATABASE_REPLICA_MAX_LAG = max_lag
    seconds = db_routing.read_your_writes_seconds()
    assert seconds >= max_lag + replicas.VERDICT_SECONDS + 1
    assert isinstance(seconds, int)  # a cookie's Max-Age


def test_which_verdicts_allow_a_read():
    fresh = Verdict(reachable=True, lag=0.2, replayed_until=1000.0)
    assert fresh.fit_to_read(max_lag=5, last_change=None)
    assert fresh.fit_to_read(max_lag=5, last_change=999.0)
    assert not fresh.fit_to_read(max_lag=5, last_change=1000.5)  # has not replayed it
    assert not fresh.fit_to_read(max_lag=0.1, last_change=None)
    assert not Verdict(reachable=False).fit_to_read(max_lag=5, last_change=None)
    promoted = Verdict(reachable=True, lag=0.0, replayed_until=math.inf)
    assert promoted.fit_to_read(max_lag=0, last_change=2e9)


def test_a_down_verdict_is_kept_longer_than_a_fresh_one():
    assert Verdict(reachable=True, measured_at=100.0).still_valid(100.0 + 0.9)
    assert not Verdict(reachable=True, measured_at=100.0).still_valid(100.0 + 1.1)
    assert Verdict(reachable=False, measured_at=100.0).still_valid(100.0 + 2.5)


def test_replicas_with_the_cache_in_the_database_are_warned_about(monkeypatch, settings):
    monkeypatch.setattr(replicas, "replica_aliases", lambda: ["replica_1"])
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t"}
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    (warning,) = checks.replicas_need_a_shared_cache(None)
    assert warning.id == "kiosque.W002" and "sessions" in warning.msg
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    assert checks.replicas_need_a_shared_cache(None) == []
    monkeypatch.setattr(replicas, "replica_aliases", lambda: [])
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    assert checks.replicas_need_a_shared_cache(None) == []
