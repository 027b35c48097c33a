"""Unit tests for signaling/routing/timers.py: the deadline heap."""

from __future__ import annotations

import pytest

from signaling.errors import LocalProtocolError
from signaling.routing.timers import Timers


def test_due_pops_in_deadline_order_ties_in_push_order() -> None:
    timers = Timers()
    timers.push(20.0, "offer", "c1")
    timers.push(10.0, "wrap", "a1")
    timers.push(10.0, "heartbeat", "a2")
    timers.push(30.0, "escalate", "c2")
    assert timers.next_deadline() == 10.0
    assert list(timers.due(20.0)) == [
        (10.0, "wrap", "a1"),
        (10.0, "heartbeat", "a2"),
        (20.0, "offer", "c1"),
    ]
    assert timers.next_deadline() == 30.0 and len(timers) == 1


def test_nothing_is_due_before_its_deadline() -> None:
    timers = Timers()
    assert timers.next_deadline() is None
    timers.push(5.0, "offer", "c1")
    assert list(timers.due(4.999)) == []
    assert timers.next_deadline() == 5.0


def test_a_timer_pushed_while_handling_a_due_one_fires_in_the_same_pass() -> None:
    timers = Timers()
    timers.push(1.0, "adviser_grace", "a1")
    fired = []
    for when, kind, _ in timers.due(2.0):
        fired.append(kind)
        if kind == "adviser_grace":
            timers.push(when, "caller_grace", "c1")  # a zero-length grace
    assert fired == ["adviser_grace", "caller_grace"]
    assert timers.next_deadline() is None


def test_timers_that_never_settle_raise() -> None:
    timers = Timers()
    timers.push(1.0, "offer", "c1")
    with pytest.raises(LocalProtocolError):
        for when, kind, ident in timers.due(2.0):
            timers.push(when, kind, ident)
