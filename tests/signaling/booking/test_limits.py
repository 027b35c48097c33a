"""Wrong-code and booking limits (signaling/booking/limits.py)."""

from __future__ import annotations

from signaling.booking.limits import GuessLimit, SlidingLimit


def test_a_sliding_limit_says_when_to_retry() -> None:
    limit = SlidingLimit(limit=2, window_s=60)
    assert limit.retry_at("k", 0) is None
    limit.add("k", 0)
    limit.add("k", 10)
    assert limit.retry_at("k", 20) == 60
    assert limit.retry_at("other", 20) is None
    assert limit.retry_at("k", 60) is None  # the first one has left the window


def test_memory_is_bounded_by_forgetting_the_least_recent_key() -> None:
    limit = SlidingLimit(limit=1, window_s=60, max_keys=3)
    for n in range(5):
        limit.add(f"k{n}", 0)
    assert limit.retry_at("k0", 1) is None and limit.retry_at("k4", 1) == 60


def test_guesses_are_limited_per_kiosk_and_overall() -> None:
    guesses = GuessLimit(per_kiosk=2, overall=3, window_s=600)
    guesses.wrong("a", 0)
    guesses.wrong("a", 1)
    assert guesses.retry_at("a", 2) == 600
    assert guesses.retry_at("b", 2) is None
    guesses.wrong("b", 3)  # the third wrong code anywhere: every kiosk waits
    assert guesses.retry_at("c", 4) == 600
    assert guesses.retry_at("c", 601) is None
