"""The Redis cache keeps one client per connection pool, and still works as a cache,
from several threads at once."""

import secrets
from concurrent.futures import ThreadPoolExecutor

from kiosque.core.redis_cache import ReusingRedisCache

REDIS_URL = "redis://127.0.0.1:6379/15"  # Redis runs here and in CI: no skip


def a_cache():
    return ReusingRedisCache(REDIS_URL, {"KEY_PREFIX": f"test-{secrets.token_hex(4)}"})


def test_every_operation_uses_the_same_client():
    cache = a_cache()
    first = cache._cache.get_client(write=True)
    cache.set("edge:content-clock", 1.5)
    assert cache._cache.get_client() is first
    assert cache._cache.get_client(write=True) is first
    cache.delete("edge:content-clock")


def test_values_written_and_read_from_many_threads_stay_each_their_own():
    cache = a_cache()

    def round_trip(number):
        cache.set(f"key-{number}", {"n": number, "text": "écrit"}, 60)
        return cache.get(f"key-{number}")

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(round_trip, range(200)))

    assert results == [{"n": n, "text": "écrit"} for n in range(200)]
    assert cache.get("missing", "default") == "default"
    cache.delete_many([f"key-{n}" for n in range(200)])
    assert cache.get("key-7") is None
