"""Unit tests for signaling/routing/positions.py: queue order and the updates callers are told."""

from __future__ import annotations

from signaling.routing.positions import Positions
from signaling.routing.records import Caller
from signaling.routing.vocabulary import CallerId, Language, PositionChanged, RoutingRules

SV = Language("sv")


def line(n: int) -> tuple[Positions, list[Caller]]:
    callers = [Caller(CallerId(f"c{i}"), SV, None, (), 0, float(i), i) for i in range(n)]
    positions = Positions(RoutingRules(), {c.id: c for c in callers})
    for c in callers:
        positions.add(c)
    return positions, callers


def told(effects: list[PositionChanged]) -> list[tuple[str, int]]:
    return [(e.caller, e.position) for e in effects]


def test_everyone_is_told_once_then_only_those_behind_a_change() -> None:
    positions, callers = line(4)
    assert told(positions.emit()) == [("c0", 1), ("c1", 2), ("c2", 3), ("c3", 4)]
    assert positions.emit() == []
    positions.remove(callers[1])
    assert told(positions.emit()) == [("c2", 2), ("c3", 3)]


def test_a_disconnected_caller_is_skipped_and_a_retold_one_hears_again() -> None:
    positions, callers = line(3)
    positions.emit()
    callers[2].connected = False
    positions.remove(callers[0])
    assert told(positions.emit()) == [("c1", 1)]
    callers[2].connected = True
    positions.retell(callers[1])
    assert told(positions.emit()) == [("c1", 1), ("c2", 2)]


def test_staffing_moves_every_estimate() -> None:
    positions, _ = line(2)
    before = positions.emit()
    positions.staff([SV], 2)
    after = positions.emit()
    assert told(after) == told(before)  # same places, new ranges
    assert [e.wait for e in before] == [None, None]  # nobody staffed: no range to tell
    assert all(e.wait is not None for e in after)
    assert positions.staffed(SV) == 2 and positions.languages_staffed() == [SV]
