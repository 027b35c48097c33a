"""docs/booking.md and protocol.md §Booking say what the code does: the settings table and the
numbers in the prose are the defaults, and the guessing arithmetic holds for them."""

from __future__ import annotations

import re
from pathlib import Path

from signaling.booking import codes
from signaling.config import BookingSettings

DOC = (Path(__file__).resolve().parents[3] / "docs" / "booking.md").read_text()
PROTOCOL = Path(__file__).resolve().parents[3] / "docs" / "protocol.md"


def settings_table() -> dict[str, str]:
    section = DOC.split("## Settings (`[booking]`)", 1)[1].split("\n## ", 1)[0]
    return dict(re.findall(r"^\| `(\w+)` \| ([^|]+?) \|", section, flags=re.M))


def test_the_settings_table_is_the_defaults() -> None:
    table, defaults = settings_table(), BookingSettings()
    assert set(table) == set(BookingSettings.model_fields)
    for key, written in table.items():
        value = getattr(defaults, key)
        assert (written == "none") == (value is None), key
        if value is not None:
            assert float(written) == float(value), key


def test_a_year_of_guessing_at_the_limit_finds_less_than_a_tenth_of_a_code() -> None:
    defaults, live_codes = BookingSettings(), 10_000
    space = len(codes.ALPHABET) ** codes.LENGTH
    assert space == 2**40 and "40 bits" in DOC
    guesses_a_year = defaults.guesses_global * (3600 / defaults.guess_window_s) * 24 * 365
    assert round(guesses_a_year / 1e6, 1) == 5.3 and "5.3 × 10⁶" in DOC
    found = guesses_a_year * live_codes / space
    assert found < 0.1 and "about 0.05 codes" in DOC


def test_protocol_md_booking_states_the_default_numbers() -> None:
    text = PROTOCOL.read_text().split("\n## Booking\n", 1)[1].split("\n## ", 1)[0]
    text = " ".join(text.split())  # the prose wraps lines anywhere
    d = BookingSettings()
    minutes = {
        "book_lead_s": d.book_lead_s,
        "check_in_before_s": d.check_in_before_s,
        "check_in_after_s": d.check_in_after_s,
        "booked_credit_s": d.booked_credit_s,
        "reserved_wait_s": d.reserved_wait_s,
    }
    for key, seconds in minutes.items():
        assert f"`booking.{key}` ({seconds / 60:.0f} min)" in text or (
            f"`booking.{key}`, {seconds / 60:.0f} min" in text
        ), key
    assert f"`booking.horizon_days` ({d.horizon_days})" in text
    window = f"{d.guess_window_s / 60:.0f} min"
    assert f"each kiosk has {d.guesses_per_kiosk} wrong codes per {window}" in text
    assert f"the service {d.guesses_global}" in text
