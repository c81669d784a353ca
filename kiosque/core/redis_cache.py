"""Django's Redis cache: one client per connection pool, and a site that outlives Redis.

Reusing clients: Django's RedisCacheClient builds a new `redis.Redis` for every cache
operation, and each one fills a table of about 170 response callbacks: on a warm article
page (seven cache operations) that was about half a millisecond of the request. A
`redis.Redis` shares its pool between threads, so one per pool is enough.

Redis going away (decision 0074): everything the cache holds can be recomputed, so
`ResilientRedisCache` fails open. When Redis does not answer within a short socket
timeout, a read is a miss and a write is dropped; the process then stops asking for
`BREAKER_SECONDS` (a circuit breaker, per process and per Redis server, shared by every
cache alias and thread), so a request does not wait for a timeout at each of its cache
reads. The next call after the pause tries Redis again (one thread at a time). One
warning is logged when an outage starts and one line when Redis is back: no flood.

What is not derived from anything (sessions) must not fail open: `cache.strict` is the
same cache whose operations raise CacheUnavailable (kiosque.core.redis_sessions).

Writes lost during an outage: Redis may come back with its data (it was paused, cut off,
or restarted from its snapshot), and a write dropped meanwhile may have been an
invalidation (a fragment key's new version, the content clock, a comment thread's
version). So each process remembers the keys whose writes it dropped, and deletes them
when Redis answers again: for every cache entry of Kiosque, a missing key means "compute
it again" or "changed now", the safe answer. A background thread retries every pause
until Redis is back, so a process that no request reaches still deletes its keys.
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger("kiosque.cache")

BREAKER_SECONDS = 2.0
# Keys remembered per server and process: about 100 bytes each. Past this, an outage
# wrote too much for a replay; the warning says which entries may stay stale.
MAX_LOST_KEYS = 50_000
DELETE_BATCH = 500


class CacheUnavailable(Exception):
    """Redis did not answer (or the breaker keeps this process from asking now)."""


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class ReusingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient


# --- what one process knows of one Redis server ------------------------------------------


class ServerState:
    """Up or down, since when, and the writes dropped meanwhile; shared by every thread
    and every cache alias of the process that use this server."""

    def __init__(self, location: str, breaker_seconds: float):
        self.location = location
        self.breaker_seconds = breaker_seconds
        self.lock = threading.Lock()
        self.probe_lock = threading.Lock()
        self.down_since: float | None = None  # time.monotonic()
        self.retry_at = 0.0
        self.lost_keys: set[str] = set()
        self.lost_too_many = False
        self.retrier: threading.Thread | None = None
        self.any_client: ResilientRedisCacheClient | None = None

    @property
    def down(self) -> bool:
        return self.down_since is not None

    def failed(self, error: Exception) -> None:
        with self.lock:
            now = time.monotonic()
            self.retry_at = now + self.breaker_seconds
            if self.down_since is None:
                self.down_since = now
                logger.warning(
                    "Redis at %s does not answer (%s): cache reads are misses and writes are "
                    "dropped, retried every %s s; log-ins wait for its return",
                    self.location,
                    error,
                    self.breaker_seconds,
                )

    def remember_lost(self, keys) -> None:
        with self.lock:
            for key in keys:
                if len(self.lost_keys) >= MAX_LOST_KEYS:
                    self.lost_too_many = True
                    break
                self.lost_keys.add(key)
            if self.down_since is None:
                # Redis came back between the failed write and now, and whoever saw it
                # come back did not know of these keys: the next call probes again.
                self.down_since = time.monotonic()
                self.retry_at = 0.0
            start_retrier = self.retrier is None
            if start_retrier:
                self.retrier = threading.Thread(
                    target=self._retry_until_back, name="kiosque-redis-retry", daemon=True
                )
        if start_retrier:
            self.retrier.start()

    def _retry_until_back(self) -> None:
        while True:
            with self.lock:  # checked and cleared together with remember_lost's check
                if not self.down:
                    self.retrier = None
                    return
            time.sleep(self.breaker_seconds)
            client = self.any_client
            if client is not None:
                try:
                    client._ensure_up()
                except CacheUnavailable:
                    pass
                except Exception:
                    logger.exception("Redis at %s: retrying failed", self.location)

    def recovered(self, client) -> None:
        """Redis answers again: forget what was written while it did not, then go on."""
        with self.lock:
            lost = sorted(self.lost_keys)
            too_many = self.lost_too_many
            down_for = time.monotonic() - (self.down_since or time.monotonic())
        raw = client.get_client(write=True)
        for start in range(0, len(lost), DELETE_BATCH):
            raw.delete(*lost[start : start + DELETE_BATCH])  # errors: still down, retried
        with self.lock:
            self.lost_keys.difference_update(lost)
            if self.lost_keys:
                # Dropped by other threads while these were deleted: one more pass.
                self.retry_at = 0.0
                return
            self.lost_too_many = False
            self.down_since = None
        logger.warning(
            "Redis at %s answers again after %.1f s; %s entries written meanwhile forgotten%s",
            self.location,
            down_for,
            len(lost),
            f" (more than {MAX_LOST_KEYS} were dropped: some cached entries may stay stale "
            "until they expire)"
            if too_many
            else "",
        )


_states: dict[str, ServerState] = {}
_states_lock = threading.Lock()


def server_state(location: str, breaker_seconds: float = BREAKER_SECONDS) -> ServerState:
    with _states_lock:
        state = _states.get(location)
        if state is None:
            state = _states[location] = ServerState(location, breaker_seconds)
        return state


# --- the client: every Redis call through the breaker ------------------------------------


def _redis_errors() -> tuple[type[Exception], ...]:
    import redis

    # ConnectionError covers a refused or reset connection and a server still loading
    # its snapshot (BusyLoadingError); TimeoutError, a server that does not answer.
    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class ResilientRedisCacheClient(ReusingRedisCacheClient):
    """Raises CacheUnavailable, fast, while Redis is away."""

    def __init__(self, servers, breaker_seconds: float = BREAKER_SECONDS, **options):
        super().__init__(servers, **options)
        self._errors = _redis_errors()
        self.state = server_state(servers[0], breaker_seconds)
        self.state.any_client = self

    def _ensure_up(self) -> None:
        state = self.state
        if not state.down:
            return
        if time.monotonic() < state.retry_at or not state.probe_lock.acquire(blocking=False):
            raise CacheUnavailable(state.location)
        try:
            if not state.down:
                return
            try:
                self.get_client(write=True).ping()
                state.recovered(self)
            except self._errors as error:
                state.failed(error)
                raise CacheUnavailable(state.location) from error
        finally:
            state.probe_lock.release()

    def _call(self, operation, *args):
        self._ensure_up()
        try:
            return operation(*args)
        except self._errors as error:
            self.state.failed(error)
            raise CacheUnavailable(self.state.location) from error

    def add(self, key, value, timeout):
        return self._call(super().add, key, value, timeout)

    def get(self, key, default):
        return self._call(super().get, key, default)

    def set(self, key, value, timeout):
        return self._call(super().set, key, value, timeout)

    def touch(self, key, timeout):
        return self._call(super().touch, key, timeout)

    def delete(self, key):
        return self._call(super().delete, key)

    def get_many(self, keys):
        return self._call(super().get_many, keys)

    def has_key(self, key):
        return self._call(super().has_key, key)

    def incr(self, key, delta):
        return self._call(super().incr, key, delta)

    def set_many(self, data, timeout):
        return self._call(super().set_many, data, timeout)

    def delete_many(self, keys):
        return self._call(super().delete_many, keys)

    def clear(self):
        return self._call(super().clear)


# --- the cache: fails open, remembers the writes it dropped ------------------------------


class StrictCache:
    """The same cache, whose operations raise CacheUnavailable instead of failing open."""

    def __init__(self, cache: ResilientRedisCache):
        self._resilient = cache

    def __getattr__(self, name):
        # The plain RedisCache methods, bound to the same cache and client.
        return getattr(super(ResilientRedisCache, self._resilient), name)

    def __contains__(self, key) -> bool:
        return self.has_key(key)


class ResilientRedisCache(ReusingRedisCache):
    """OPTIONS: `BREAKER_SECONDS` (default 2) besides redis-py's own (socket timeouts)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
        options = dict(self._options)
        breaker = float(options.pop("BREAKER_SECONDS", BREAKER_SECONDS))
        self._options = {**options, "breaker_seconds": breaker}

    @property
    def strict(self) -> StrictCache:
        return StrictCache(self)

    @property
    def available(self) -> bool:
        """Whether Redis answers now (a round trip unless the breaker is open)."""
        try:
            self._cache._call(lambda: self._cache.get_client().ping())
        except CacheUnavailable:
            return False
        return True

    def _lost(self, keys) -> None:
        self._cache.state.remember_lost(keys)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except CacheUnavailable:
            return False  # not stored; a marker refused is the cautious answer

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except CacheUnavailable:
            return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except CacheUnavailable:
            self._lost([self.make_key(key, version=version)])

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except CacheUnavailable:
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except CacheUnavailable:
            self._lost([self.make_key(key, version=version)])
            return False

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except CacheUnavailable:
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except CacheUnavailable:
            return False

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except CacheUnavailable:
            self._lost([self.make_key(key, version=version)])
            # As for a key that expired: counters start again (rate limits fail open).
            raise ValueError(f"Key {key!r} not counted: the cache is unavailable") from None

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except CacheUnavailable:
            self._lost([self.make_key(key, version=version) for key in data])
            return list(data)

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except CacheUnavailable:
            self._lost([self.make_key(key, version=version) for key in keys])
