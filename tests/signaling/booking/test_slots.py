"""Slots, series in a time zone, overlap (signaling/booking/slots.py)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from signaling.booking.slots import Series, Slot, bookable, first_clash, series_times
from signaling.errors import InvalidBooking

STOCKHOLM = ZoneInfo("Europe/Stockholm")
BEFORE = datetime(2026, 1, 1, tzinfo=STOCKHOLM).timestamp()


def series(**changes: object) -> Series:
    fields: dict[str, object] = {
        "language": "sv",
        "topic": "study",
        "adviser_id": "a_1",
        "day": date(2026, 3, 3),  # a Tuesday
        "start": "13:00",
        "end": "16:00",
        "slot_minutes": 30,
        "weekly_until": None,
    }
    return Series(**{**fields, **changes})  # type: ignore[arg-type]


def local(stamp: float) -> str:
    return datetime.fromtimestamp(stamp, STOCKHOLM).strftime("%Y-%m-%d %H:%M")


def test_tuesdays_one_to_four_in_half_hours() -> None:
    times = series_times(series(weekly_until=date(2026, 3, 17)), STOCKHOLM, now=BEFORE)
    assert len(times) == 18 and {d for _, d in times} == {1800}
    assert [local(t) for t, _ in times[:7]] == [
        "2026-03-03 13:00",
        "2026-03-03 13:30",
        "2026-03-03 14:00",
        "2026-03-03 14:30",
        "2026-03-03 15:00",
        "2026-03-03 15:30",
        "2026-03-10 13:00",
    ]


def test_wall_clock_times_stay_across_daylight_saving() -> None:
    # Sweden moves its clocks on 29 March 2026: 13:00 is 12:00 UTC before and 11:00 UTC after.
    times = series_times(
        series(day=date(2026, 3, 24), end="13:30", weekly_until=date(2026, 3, 31)),
        STOCKHOLM,
        now=BEFORE,
    )
    assert [local(t) for t, _ in times] == ["2026-03-24 13:00", "2026-03-31 13:00"]
    assert times[1][0] - times[0][0] == 7 * 86400 - 3600


def test_a_time_the_clock_skips_is_not_published() -> None:
    times = series_times(
        series(day=date(2026, 3, 29), start="01:30", end="03:30"), STOCKHOLM, now=BEFORE
    )
    # 02:00-02:59 does not exist that night: 01:30, (02:00 and 02:30 skipped), 03:00.
    assert [local(t) for t, _ in times] == ["2026-03-29 01:30", "2026-03-29 03:00"]


def test_a_remainder_too_short_for_a_slot_is_left_out() -> None:
    times = series_times(series(end="14:10"), STOCKHOLM, now=BEFORE)
    assert [local(t) for t, _ in times] == ["2026-03-03 13:00", "2026-03-03 13:30"]


@pytest.mark.parametrize(
    "changes",
    [
        {"start": "1300"},
        {"end": "25:00"},
        {"start": "16:00", "end": "13:00"},
        {"slot_minutes": 4},
        {"slot_minutes": 241},
        {"end": "13:20"},
        {"weekly_until": date(2026, 3, 1)},
        {"weekly_until": date(2027, 3, 10)},
        {"start": "00:00", "end": "24:00", "slot_minutes": 5, "weekly_until": date(2026, 4, 21)},
    ],
)
def test_series_that_cannot_be_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(InvalidBooking):
        series_times(series(**changes), STOCKHOLM, now=BEFORE)


def test_a_series_in_the_past_is_refused() -> None:
    with pytest.raises(InvalidBooking, match="past"):
        series_times(series(), STOCKHOLM, now=BEFORE + 400 * 86400)


def slot(start: float, minutes: int = 30, adviser: str | None = "a_1", **kw: object) -> Slot:
    fields: dict[str, object] = {"language": "sv", "topic": None, **kw}
    return Slot(f"s{start}", adviser_id=adviser, starts_at=start, duration_s=minutes * 60, **fields)  # type: ignore[arg-type]


def test_overlap_with_the_same_adviser_is_found_and_touching_is_not() -> None:
    existing = [slot(1000.0), slot(5000.0)]
    assert first_clash("a_1", [(1000.0 + 1800, 1800)], existing) is None  # starts as one ends
    assert first_clash("a_1", [(1000.0 + 1799, 1800)], existing) == 2799.0
    assert first_clash("a_1", [(0.0, 1800), (900.0, 1800)], []) == 900.0
    assert first_clash("a_2", [(1000.0, 1800)], existing) is None  # someone else's time
    assert first_clash(None, [(1000.0, 1800)], existing) is None  # capacity, not a person


def test_kiosks_see_free_slots_of_their_language_and_topic_within_the_horizon() -> None:
    now = 0.0
    slots = [
        slot(3600.0, language="ar", topic="housing"),
        slot(7200.0, language="ar", topic=None),
        slot(1000.0, language="ar", topic="housing"),  # within the lead time
        slot(99 * 86400.0, language="ar", topic="housing"),  # beyond the horizon
        slot(9000.0, language="ar", topic="work"),
        slot(10000.0, language="sv", topic="housing"),
        slot(11000.0, language="ar", topic="housing"),  # taken
    ]
    seen = bookable(
        slots,
        language="ar",
        topic="housing",
        taken=frozenset({"s11000.0"}),
        now=now,
        lead_s=1800,
        horizon_s=14 * 86400,
    )
    assert [s.starts_at for s in seen] == [3600.0, 7200.0]
    any_topic = bookable(
        slots, language="ar", topic=None, taken=frozenset(), now=now, lead_s=1800, horizon_s=1e6
    )
    assert [s.starts_at for s in any_topic] == [3600.0, 7200.0, 9000.0, 11000.0]
