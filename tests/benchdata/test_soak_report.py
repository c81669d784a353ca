"""The soak's verdicts (bench/soak.py) say what the issue's targets mean: an error is any
answer of 400 and more or no answer; memory is judged at the end against minute 5; a
connection or descriptor count grows when it ends above what the warm site needed."""

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "soak.py"


@pytest.fixture(scope="module")
def soak():
    spec = importlib.util.spec_from_file_location("soak", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_errors_are_counted_by_status_and_kept_out_of_the_latencies(soak):
    samples = [(200, 0.010)] * 97 + [(302, 0.020), (503, 5.0), ("timeout", 30.0)]

    figures = soak.summarise(samples)

    assert figures["requests"] == 100
    assert figures["errors"] == 2
    assert figures["errors_by_status"] == {"503": 1, "timeout": 1}
    assert figures["p50_ms"] == 10.0
    assert figures["p99_ms"] == 20.0  # the 5 s and 30 s failures are not a latency


def test_a_redirect_or_not_modified_is_no_error(soak):
    assert not soak.is_error(302)
    assert not soak.is_error(304)
    assert soak.is_error(404)
    assert soak.is_error("connection")


def test_percentile_is_nearest_rank_and_none_without_values(soak):
    assert soak.percentile([], 0.5) is None
    assert soak.percentile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert soak.percentile(list(range(1, 101)), 0.99) == 99


def test_memory_at_the_end_is_judged_against_minute_five(soak):
    warm_start = [100.0, 180.0, 195.0, 198.0, 200.0]  # caches filling: not a leak

    steady = soak.memory_verdict([*warm_start, 202.0, 205.0, 209.0], reference=5)
    leaking = soak.memory_verdict([*warm_start, 210.0, 220.0, 225.0], reference=5)

    assert steady["ok"] is True
    assert steady["change"] == pytest.approx(0.045)
    assert (steady["start"], steady["reference"], steady["end"], steady["max"]) == (
        100.0, 200.0, 209.0, 209.0,
    )  # fmt: skip
    assert leaking["ok"] is False


def test_a_process_that_vanished_at_the_end_fails_the_memory_target(soak):
    assert soak.memory_verdict([150.0, 150.0, None], reference=2)["ok"] is False


def test_connections_grow_only_above_what_the_warm_site_needed(soak):
    # Threads open their connections as they first serve; then the count moves with load.
    assert soak.growth_verdict([3, 7, 9, 8, 9, 6, 9, 8], reference=5)["ok"] is True
    grown = soak.growth_verdict([3, 7, 9, 8, 9, 10, 11, 12], reference=5)
    assert grown["ok"] is False
    assert (grown["ceiling_by_reference"], grown["end"], grown["max"]) == (9, 12, 12)


def test_a_short_run_takes_its_middle_minute_as_reference(soak):
    assert soak.reference_minute(30) == 5
    assert soak.reference_minute(3) == 2
    assert soak.reference_minute(1) == 1
