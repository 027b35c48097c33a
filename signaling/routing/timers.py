"""The router's deadlines: one heap of (when, seq, kind, id). Private to :mod:`signaling.routing`.

Timers are never cancelled. Each record (caller or adviser) holds the deadline it is waiting for,
and :meth:`signaling.routing.transitions.Transitions.fire` drops a timer whose deadline is no
longer the one its record holds (a stale timer). So :meth:`Timers.next_deadline` may be early,
never late.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from typing import Literal

from signaling.errors import LocalProtocolError

TimerKind = Literal[
    "offer",
    "wrap",
    "heartbeat",
    "adviser_grace",
    "caller_grace",
    "escalate",
    "media_grace",
    "reservation",
]
Timer = tuple[float, int, TimerKind, str]


class Timers:
    """A min-heap of deadlines; ties fire in the order they were set."""

    def __init__(self) -> None:
        self._heap: list[Timer] = []
        self._seq = 0

    def push(self, when: float, kind: TimerKind, ident: str) -> None:
        self._seq += 1
        heapq.heappush(self._heap, (when, self._seq, kind, ident))

    def next_deadline(self) -> float | None:
        return self._heap[0][0] if self._heap else None

    def due(self, now: float) -> Iterator[tuple[float, TimerKind, str]]:
        """Pop every timer due by ``now``, earliest first, including those pushed while the
        caller handles one (a zero-length grace). Raises LocalProtocolError if that never ends:
        only zero-length graces push due timers, so a handful per timer is plenty."""
        budget = 4 * len(self._heap) + 16
        while self._heap and self._heap[0][0] <= now:
            budget -= 1
            if budget < 0:
                raise LocalProtocolError("router timers did not settle")
            when, _, kind, ident = heapq.heappop(self._heap)
            yield when, kind, ident

    def __len__(self) -> int:
        return len(self._heap)
