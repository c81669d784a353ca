"""The HTTP benchmark's comparison stays fair: nginx's static copy sends what the edge
sends, and a throughput figure is the median of alternating rounds."""

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "http_bench.py"


@pytest.fixture(scope="module")
def http_bench():
    spec = importlib.util.spec_from_file_location("http_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


EDGE_HEADERS = {
    "Date": "Wed, 02 Dec 2026 02:10:29 GMT",
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": "8481",
    "Content-Encoding": "gzip",
    "ETag": '"8c22965d"',
    "Cache-Control": "public, max-age=60, s-maxage=600",
    "Content-Security-Policy": "default-src 'self'; object-src 'none'",
    "X-Cache": "HIT",
    "X-Odd": 'a "quoted" value',
    "X-Variable": "costs $5",
}


def test_nginx_repeats_the_edge_headers_it_does_not_write_itself(http_bench):
    lines, _ = http_bench.nginx_add_headers(EDGE_HEADERS)

    assert 'add_header Cache-Control "public, max-age=60, s-maxage=600" always;' in lines
    assert "add_header Content-Security-Policy \"default-src 'self'; object-src 'none'\"" in lines
    assert 'add_header X-Cache "HIT" always;' in lines
    for own in ("Date", "Content-Type", "Content-Length", "Content-Encoding", "ETag"):
        assert f"add_header {own} " not in lines


def test_values_nginx_cannot_hold_literally_are_left_out_and_named(http_bench):
    lines, left_out = http_bench.nginx_add_headers(EDGE_HEADERS)

    assert left_out == ["X-Odd", "X-Variable"]
    assert "X-Odd" not in lines and "$5" not in lines


def test_the_reported_round_is_the_median_with_every_round_kept(http_bench):
    runs = [{"rps": 90_000.4, "p50_ms": 0.3}, {"rps": 70_000.0, "p50_ms": 0.5},
            {"rps": 80_000.0, "p50_ms": 0.4}]  # fmt: skip

    median = http_bench.median_run(runs)

    assert median["rps"] == 80_000.0 and median["p50_ms"] == 0.4
    assert median["rounds_rps"] == [90_000, 70_000, 80_000]


def test_latency_rounds_report_the_median_run_by_p50(http_bench):
    runs = [{"rps": 95.0, "p50_ms": 13.9}, {"rps": 100.0, "p50_ms": 10.7},
            {"rps": 98.0, "p50_ms": 11.0}]  # fmt: skip

    median = http_bench.median_run(runs, by="p50_ms")

    assert median == {"rps": 98.0, "p50_ms": 11.0, "rounds_p50_ms": [13.9, 10.7, 11.0]}


def test_the_second_application_caches_in_the_next_redis_database(http_bench):
    assert http_bench.next_redis_database("redis://127.0.0.1:6379/7") == "redis://127.0.0.1:6379/8"
    assert http_bench.next_redis_database("redis://127.0.0.1:6379") == "redis://127.0.0.1:6379/1"
    assert http_bench.next_redis_database("") == ""
