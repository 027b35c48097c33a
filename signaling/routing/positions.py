"""Queue order per language, the wait estimate, and the position updates waiting callers are told.

Private to :mod:`signaling.routing`. :class:`Positions` owns the per-language queues (sorted by
:attr:`Caller.key <signaling.routing.records.Caller.key>`), the staffing counts and handle times
behind each language's estimate, and what each caller was last told. Changes mark the first queue
key whose position or estimate may have moved; :meth:`Positions.emit` then walks each queue from
there and tells every connected waiting caller whose figures changed (docs/protocol.md §Routing).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from signaling.estimate import WaitEstimator, wait_range
from signaling.routing.records import FIRST_KEY, Caller, QueueKey, SortedKeys
from signaling.routing.vocabulary import CallerId, Language, PositionChanged, RoutingRules


class Positions:
    """The queues, the estimate per language and the ``PositionChanged`` effects they cause."""

    def __init__(self, rules: RoutingRules, callers: dict[CallerId, Caller]) -> None:
        self.estimator = WaitEstimator(
            window=rules.handle_time_window, prior_handle_time_s=rules.prior_handle_time_s
        )
        self.queues: dict[Language, SortedKeys[QueueKey]] = {}
        self._callers = callers  # read only; owned by Transitions
        self._staffed: dict[Language, int] = {}
        # Per language, the first queue key whose position or estimate may have moved.
        self._dirty: dict[Language, QueueKey] = {}
        self._ranges: dict[Language, tuple[int, float, list[tuple[int, int] | None]]] = {}
        self._retell: set[CallerId] = set()  # resumed: emit their position even if unchanged

    # --- changes -------------------------------------------------------------------------------

    def add(self, c: Caller) -> None:
        self.queues.setdefault(c.language, SortedKeys()).add(c.key)
        self.touch(c.language, c.key)

    def remove(self, c: Caller) -> None:
        self.queue(c.language).discard(c.key)
        self.touch(c.language, c.key)

    def staff(self, languages: Iterable[Language], delta: int) -> None:
        """``delta`` more (or fewer) staffed advisers in each of ``languages``."""
        for lang in languages:
            self._staffed[lang] = self._staffed.get(lang, 0) + delta
            self.touch(lang, FIRST_KEY)

    def record_handle_time(self, seconds: float, language: Language | None) -> None:
        # Languages short of samples use the all-language mean, so any estimate may move.
        before = {lang: self.estimator.mean_handle_time(lang) for lang in self.queues}
        self.estimator.record(seconds, language)
        for lang, mean in before.items():
            if self.estimator.mean_handle_time(lang) != mean:
                self.touch(lang, FIRST_KEY)

    def retell(self, c: Caller) -> None:
        """A new connection for a waiting caller: tell it where it stands, changed or not."""
        self._retell.add(c.id)
        self.touch(c.language, c.key)

    def touch(self, language: Language, key: QueueKey) -> None:
        """Positions from ``key`` on may have moved (FIRST_KEY: estimates of all may have)."""
        known = self._dirty.get(language)
        if known is None or key < known:
            self._dirty[language] = key

    # --- queries -------------------------------------------------------------------------------

    def queue(self, language: Language) -> SortedKeys[QueueKey]:
        return self.queues.get(language) or SortedKeys()

    def staffed(self, language: Language) -> int:
        return self._staffed.get(language, 0)

    def languages_staffed(self) -> list[Language]:
        return sorted(lang for lang, n in self._staffed.items() if n > 0)

    def estimate(self, language: Language, position: int) -> tuple[int, int] | None:
        """The wait range at ``position``; None while nobody for ``language`` is staffed."""
        return self._range_table(language, position)[position - 1]

    def _range_table(self, language: Language, upto: int) -> list[tuple[int, int] | None]:
        """Wait ranges for positions 1..upto, kept while staffing and mean handle time hold:
        a queue of hundreds then costs a comparison per caller, not a computation."""
        staffed = self._staffed.get(language, 0)
        mean = self.estimator.mean_handle_time(language)
        cached = self._ranges.get(language)
        if cached is None or cached[0] != staffed or cached[1] != mean:
            cached = (staffed, mean, [])
            self._ranges[language] = cached
        table = cached[2]
        table.extend(wait_range(p, staffed, mean) for p in range(len(table) + 1, upto + 1))
        return table

    # --- effects -------------------------------------------------------------------------------

    def emit(self) -> list[PositionChanged]:
        """A ``PositionChanged`` to each connected waiting caller whose figures moved."""
        out: list[PositionChanged] = []
        for lang, first in sorted(self._dirty.items()):
            queue = self.queues.get(lang)
            if queue:
                out.extend(self._emit_from(lang, queue, first))
        self._dirty.clear()
        self._retell.clear()
        return out

    def _emit_from(
        self, lang: Language, queue: SortedKeys[QueueKey], first: QueueKey
    ) -> list[PositionChanged]:
        items = queue.items
        table = self._range_table(lang, len(items))
        out: list[PositionChanged] = []
        for index in range(bisect_left(items, first), len(items)):
            c = self._callers[CallerId(items[index][3])]
            if not c.connected:
                continue  # told afresh on resume
            shown = (index + 1, table[index])
            if c.shown != shown or c.id in self._retell:
                c.shown = shown
                out.append(PositionChanged(c.id, lang, index + 1, table[index]))
        return out
