"""Tests for signaling/estimate.py."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.estimate_accuracy import quantile, simulate
from signaling.estimate import MIN_LANGUAGE_SAMPLES, WaitEstimator, wait_range


def test_the_prior_is_used_until_there_are_samples() -> None:
    est = WaitEstimator(prior_handle_time_s=300)
    assert est.mean_handle_time("sv") == 300
    est.record(120, "ar")
    assert est.mean_handle_time("sv") == 120  # all languages before the prior
    for _ in range(MIN_LANGUAGE_SAMPLES):
        est.record(600, "sv")
    assert est.mean_handle_time("sv") == 600  # its own once it has enough
    assert est.mean_handle_time("ar") == pytest.approx((120 + 600 * MIN_LANGUAGE_SAMPLES) / 6)


def test_the_window_forgets_old_handle_times() -> None:
    est = WaitEstimator(window=3)
    for value in (1000, 60, 60, 60):
        est.record(value)
    assert est.mean_handle_time() == 60
    assert est.samples() == 3


def test_ranges_are_whole_minutes_and_at_least_a_minute_wide() -> None:
    assert wait_range(1, 1, 20) == (0, 60)
    assert wait_range(4, 2, 300) == (300, 1050 // 60 * 60 + 60)  # mean 600, spread 300


def test_more_staff_means_a_shorter_wait() -> None:
    five, one = wait_range(10, 5, 300), wait_range(10, 1, 300)
    assert five is not None and one is not None and five[1] < one[1]


def test_nobody_staffed_means_no_estimate_rather_than_a_made_up_range() -> None:
    assert wait_range(1, 0, 300) is None
    assert WaitEstimator().estimate(3, 0, "ti") is None
    assert WaitEstimator().estimate(3, 1, "ti") is not None


@given(
    position=st.integers(1, 10_000),
    staffed=st.integers(1, 500),
    mean=st.floats(1, 10_000, allow_nan=False),
)
def test_ranges_are_ordered_rounded_and_grow_with_position(
    position: int, staffed: int, mean: float
) -> None:
    here, next_one = wait_range(position, staffed, mean), wait_range(position + 1, staffed, mean)
    assert here is not None and next_one is not None
    low, high = here
    assert 0 <= low < high
    assert low % 60 == 0 and high % 60 == 0
    assert next_one[0] >= low and next_one[1] >= high


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        WaitEstimator(window=0)
    with pytest.raises(ValueError):
        WaitEstimator(prior_handle_time_s=0)


def test_a_simulated_day_mostly_falls_inside_the_ranges_shown() -> None:
    # Deterministic: a fixed seed through the real Router (bench/estimate_accuracy.py). The floor
    # is well under what the estimator reaches (about 90%), so only a real regression trips it.
    acc = simulate(seed=1)
    assert acc.answered == acc.callers > 300
    assert acc.shown > acc.callers
    assert acc.coverage >= 0.8
    assert quantile(acc.errors, 0.5) < quantile(acc.naive_errors, 0.5)
