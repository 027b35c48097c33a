"""Tests for signaling/hours.py: wall-clock hours in a named zone, DST included."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from signaling.errors import ConfigError
from signaling.hours import OpeningHours

STOCKHOLM = ZoneInfo("Europe/Stockholm")
OFFICE = {
    "timezone": "Europe/Stockholm",
    "weekly": {
        "mon": [["09:00", "16:00"]],
        "tue": [["09:00", "12:00"], ["13:00", "16:00"]],
        "sun": [["10:00", "24:00"]],
    },
    "closed_dates": ["2026-12-24"],
}


def at(year: int, month: int, day: int, hour: int, minute: int) -> float:
    """A Stockholm wall-clock time as a UNIX time."""
    return datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM).timestamp()


@pytest.fixture
def hours() -> OpeningHours:
    return OpeningHours.from_config(OFFICE)


def test_open_inside_intervals_and_closed_outside(hours: OpeningHours) -> None:
    assert hours.is_open(at(2026, 6, 1, 9, 0))  # a Monday, opening minute
    assert hours.is_open(at(2026, 6, 1, 15, 59))
    assert not hours.is_open(at(2026, 6, 1, 16, 0))  # the end is exclusive
    assert not hours.is_open(at(2026, 6, 1, 8, 59))
    assert not hours.is_open(at(2026, 6, 2, 12, 30))  # Tuesday lunch
    assert not hours.is_open(at(2026, 6, 3, 10, 0))  # Wednesday: not configured, closed
    assert hours.is_open(at(2026, 6, 7, 23, 59))  # Sunday until midnight


def test_closed_dates_override_the_week(hours: OpeningHours) -> None:
    assert not hours.is_open(at(2026, 12, 24, 10, 0))  # a Thursday, but closed anyway
    christmas_eve_monday = OpeningHours.from_config({**OFFICE, "closed_dates": ["2026-06-01"]})
    assert not christmas_eve_monday.is_open(at(2026, 6, 1, 10, 0))
    assert christmas_eve_monday.next_opening(at(2026, 6, 1, 10, 0)) == at(2026, 6, 2, 9, 0)


def test_next_opening_is_now_when_open_and_the_next_start_otherwise(hours: OpeningHours) -> None:
    now = at(2026, 6, 1, 10, 0)
    assert hours.next_opening(now) == now
    assert hours.next_opening(at(2026, 6, 2, 12, 30)) == at(2026, 6, 2, 13, 0)
    assert hours.next_opening(at(2026, 6, 2, 17, 0)) == at(2026, 6, 7, 10, 0)


def test_hours_follow_the_wall_clock_across_daylight_saving() -> None:
    # 2026-03-29 is the spring-forward Sunday in Sweden (02:00 -> 03:00): a 23-hour day.
    hours = OpeningHours.from_config(
        {"timezone": "Europe/Stockholm", "weekly": {"sun": [["09:00", "16:00"]]}}
    )
    opening = hours.next_opening(at(2026, 3, 28, 20, 0))
    assert opening == at(2026, 3, 29, 9, 0)
    assert opening == datetime(2026, 3, 29, 7, 0, tzinfo=ZoneInfo("UTC")).timestamp()  # CEST
    assert hours.is_open(at(2026, 3, 29, 15, 59))
    assert not hours.is_open(at(2026, 3, 29, 16, 0))
    # A week earlier the same wall-clock opening was an hour later in UTC (CET).
    week_before = hours.next_opening(at(2026, 3, 21, 20, 0))
    assert week_before == datetime(2026, 3, 22, 8, 0, tzinfo=ZoneInfo("UTC")).timestamp()
    # Autumn back (2026-10-25, 03:00 -> 02:00): 09:00 is CET again.
    autumn = hours.next_opening(at(2026, 10, 24, 20, 0))
    assert autumn == datetime(2026, 10, 25, 8, 0, tzinfo=ZoneInfo("UTC")).timestamp()


def test_an_opening_inside_the_spring_gap_means_just_after_it() -> None:
    hours = OpeningHours.from_config(
        {"timezone": "Europe/Stockholm", "weekly": {"sun": [["02:30", "05:00"]]}}
    )
    opening = hours.next_opening(at(2026, 3, 28, 20, 0))
    assert opening is not None
    assert hours.is_open(opening)
    assert datetime.fromtimestamp(opening, STOCKHOLM).hour == 3


def test_next_opening_looks_no_further_than_the_horizon() -> None:
    hours = OpeningHours.from_config(
        {"timezone": "Europe/Stockholm", "weekly": {}, "closed_dates": ["2026-01-01"]}
    )
    assert hours.next_opening(at(2026, 1, 1, 12, 0)) is None


def test_always_open() -> None:
    hours = OpeningHours.always_open()
    assert hours.is_open(0.0)
    assert hours.next_opening(123.0) == 123.0


@pytest.mark.parametrize(
    "spec",
    [
        {"weekly": {}},
        {"timezone": "Mars/Olympus", "weekly": {}},
        {"timezone": "UTC", "weekly": {"monday": [["09:00", "10:00"]]}},
        {"timezone": "UTC", "weekly": {"mon": [["10:00", "09:00"]]}},
        {"timezone": "UTC", "weekly": {"mon": [["9:00", "10:00"]]}},
        {"timezone": "UTC", "weekly": {"mon": [["09:60", "10:00"]]}},
        {"timezone": "UTC", "weekly": {"mon": [["09:00", "24:01"]]}},
        {"timezone": "UTC", "weekly": {"mon": "09:00-10:00"}},
        {"timezone": "UTC", "closed_dates": ["24/12/2026"]},
        {"timezone": "UTC", "holidays": []},
    ],
)
def test_bad_config_is_a_config_error(spec: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        OpeningHours.from_config(spec)
