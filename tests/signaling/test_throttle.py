"""Password guessing is slowed per person, per account and per address (signaling.throttle)."""

from __future__ import annotations

from signaling.throttle import LoginThrottle

OFFICE = "192.0.2.7"
HOME = "198.51.100.1"


def small(**limits: float) -> LoginThrottle:
    defaults: dict[str, float] = {
        "per_person": 3,
        "per_account": 8,
        "accounts_per_address": 4,
        "window_s": 60,
        "lockout_s": 100,
    }
    return LoginThrottle(**{**defaults, **limits})  # type: ignore[arg-type]


def test_a_persons_typos_lock_only_that_account_from_that_address() -> None:
    throttle = small()
    for t in (0.0, 1.0):
        throttle.failed("Amal", OFFICE, t)
        assert throttle.retry_after("amal", OFFICE, t) is None
    throttle.failed("amal ", OFFICE, 2.0)  # names compare case- and space-blind
    assert throttle.retry_after("amal", OFFICE, 2.0) == 100
    assert throttle.retry_after("omar", OFFICE, 50.0) is None, "a colleague at the same office"
    assert throttle.retry_after("amal", HOME, 50.0) is None, "the same person elsewhere"
    assert throttle.retry_after("amal", OFFICE, 102.0) is None, "the wait ends"


def test_one_account_guessed_from_many_addresses_waits_everywhere() -> None:
    throttle = small()
    for i in range(8):  # two guesses each from four addresses: no person lock
        throttle.failed("amal", f"203.0.113.{i // 2}", float(i))
    assert throttle.retry_after("amal", HOME, 8.0) == 100 - 1
    assert throttle.retry_after("omar", "203.0.113.1", 8.0) is None


def test_spraying_many_accounts_from_one_address_locks_the_address() -> None:
    throttle = small()
    for i, name in enumerate(["amal", "omar", "sara"]):
        throttle.failed(name, OFFICE, float(i))
    assert throttle.retry_after("lena", OFFICE, 3.0) is None
    throttle.failed("lena", OFFICE, 3.0)  # the fourth different account
    assert throttle.retry_after("nobody-yet", OFFICE, 4.0) == 99
    assert throttle.retry_after("amal", HOME, 4.0) is None


def test_one_persons_typos_never_lock_the_address_however_many() -> None:
    throttle = small()
    now = 0.0
    for _ in range(200):  # bounded: a person who keeps trying all day
        if throttle.retry_after("amal", OFFICE, now) is None:
            throttle.failed("amal", OFFICE, now)
        now += 7.0
    assert throttle.retry_after("omar", OFFICE, now) is None


def test_failures_outside_the_window_do_not_add_up() -> None:
    throttle = small()
    for t in (0.0, 50.0, 120.0, 170.0):  # never three within a minute
        throttle.failed("amal", OFFICE, t)
    assert throttle.retry_after("amal", OFFICE, 170.0) is None


def test_success_forgets_the_persons_typos_but_not_the_account_or_address() -> None:
    throttle = small(per_account=4)
    throttle.failed("amal", OFFICE, 0.0)
    throttle.failed("amal", OFFICE, 1.0)
    throttle.succeeded("amal", OFFICE, 1.5)
    throttle.failed("amal", OFFICE, 2.0)
    assert throttle.retry_after("amal", OFFICE, 2.0) is None, "the person starts again"
    throttle.failed("amal", HOME, 3.0)  # the account's fourth failure
    assert throttle.retry_after("amal", HOME, 3.0) == 100


def test_a_success_does_not_wipe_a_guessers_record_at_the_address() -> None:
    throttle = small()
    for i, name in enumerate(["amal", "omar", "sara"]):
        throttle.failed(name, OFFICE, float(i))
    throttle.succeeded("mallory", OFFICE, 3.0)  # the guesser's own account
    throttle.failed("lena", OFFICE, 4.0)
    assert throttle.retry_after("anyone", OFFICE, 4.0) is not None


def test_an_unknown_address_is_throttled_per_account_only() -> None:
    throttle = small()
    for i in range(3):
        throttle.failed(f"user{i}", None, float(i))
        throttle.failed(f"user{i}", None, float(i))
    assert throttle.retry_after("user9", None, 5.0) is None


def test_memory_is_bounded() -> None:
    throttle = LoginThrottle(max_keys=100)
    for i in range(1_000):
        throttle.failed(f"user{i}", f"10.0.{i // 250}.{i % 250}", float(i))
    assert throttle.remembered() <= 200


def test_where_a_person_signs_in_stays_open_while_their_account_is_attacked() -> None:
    throttle = small(known_for_s=86400)
    throttle.succeeded("amal", OFFICE, 0.0)  # Amal's usual desk
    for i in range(8):  # the account is guessed at from elsewhere until it locks
        throttle.failed("amal", f"203.0.113.{i // 2}", 10.0 + i)
    assert throttle.retry_after("amal", HOME, 20.0) is not None, "locked for everyone else"
    assert throttle.retry_after("amal", OFFICE, 20.0) is None, "not at her desk"
    for t in (21.0, 22.0, 23.0):  # but typos there still count as hers
        throttle.failed("amal", OFFICE, t)
    assert throttle.retry_after("amal", OFFICE, 23.0) == 100


def test_a_known_address_is_forgotten_after_known_for_s() -> None:
    throttle = small(known_for_s=1000)
    throttle.succeeded("amal", OFFICE, 0.0)
    for i in range(8):
        throttle.failed("amal", f"203.0.113.{i // 2}", 2000.0 + i)
    assert throttle.retry_after("amal", OFFICE, 2010.0) is not None
