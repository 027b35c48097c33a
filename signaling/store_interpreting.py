"""Interpreters in the store: ``store.interpreting`` (docs/protocol.md §Interpreter).

* :meth:`InterpretingStore.languages` — every language an interpreter account has, read when an
  adviser invites (an account is an interpreter by the ``interpreter`` role in ``account_roles``);
* :meth:`InterpretingStore.record` — one interpretation, written once when it ends (the exchange
  decides, the switchboard's ordered writer calls this; table ``call_interpretations``);
* :meth:`InterpretingStore.of_calls` and :meth:`InterpretingStore.by_language` — what call
  records, their exports and reports show: interpreter minutes, never who interpreted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from signaling.roles import INTERPRETER
from signaling.store_tables import AccountRoleRow, AdviserRow, CallInterpretationRow


@dataclass(frozen=True)
class InterpretationRecord:
    call_id: str
    language: str
    asked_at: float
    joined_at: float | None  # None: nobody joined
    left_at: float
    outcome: str

    @property
    def minutes(self) -> float:
        """Interpreter minutes: from joining to leaving, 0 when nobody joined."""
        return 0.0 if self.joined_at is None else max(0.0, self.left_at - self.joined_at) / 60


@dataclass(frozen=True)
class InterpretingFigures:
    """A period's interpretations of one language: counts and minutes, nobody's name."""

    language: str
    asked: int = 0
    joined: int = 0
    minutes: float = 0.0


class InterpretingStore:
    """Through the store's sessions, one short transaction per method."""

    def __init__(self, session: async_sessionmaker[AsyncSession]) -> None:
        self._session = session

    async def languages(self) -> frozenset[str]:
        query = (
            select(AdviserRow.languages)
            .join(AccountRoleRow, AccountRoleRow.adviser_id == AdviserRow.id)
            .where(AccountRoleRow.role == INTERPRETER)
        )
        async with self._session() as db:
            rows = (await db.execute(query)).scalars().all()
        return frozenset(code for languages in rows for code in languages)

    async def record(
        self,
        call_id: str,
        *,
        language: str,
        asked_at: float,
        joined_at: float | None,
        left_at: float,
        outcome: str,
    ) -> None:
        row = CallInterpretationRow(
            call_id=call_id,
            language=language,
            asked_at=asked_at,
            joined_at=joined_at,
            left_at=left_at,
            outcome=outcome,
        )
        async with self._session.begin() as db:
            db.add(row)

    async def of_calls(self, call_ids: Sequence[str]) -> dict[str, list[InterpretationRecord]]:
        """The interpretations of each of ``call_ids`` that had any, oldest first."""
        t = CallInterpretationRow
        found: dict[str, list[InterpretationRecord]] = {}
        async with self._session() as db:
            for start in range(0, len(call_ids), 500):  # SQLite's bound-parameter limit
                chunk = list(call_ids[start : start + 500])
                query = select(t).where(t.call_id.in_(chunk)).order_by(t.asked_at, t.id)
                for row in (await db.execute(query)).scalars():
                    found.setdefault(row.call_id, []).append(_record(row))
        return found

    async def by_language(self, *, since: float, until: float) -> list[InterpretingFigures]:
        """Per language, the interpretations asked for in [since, until): how many, how many an
        interpreter joined, and their interpreter minutes. Sorted by language."""
        t = CallInterpretationRow
        query = select(t).where(t.asked_at >= since, t.asked_at < until)
        figures: dict[str, InterpretingFigures] = {}
        async with self._session() as db:
            for row in (await db.execute(query)).scalars():
                record = _record(row)
                before = figures.get(record.language, InterpretingFigures(record.language))
                figures[record.language] = InterpretingFigures(
                    record.language,
                    asked=before.asked + 1,
                    joined=before.joined + (record.joined_at is not None),
                    minutes=before.minutes + record.minutes,
                )
        return [figures[language] for language in sorted(figures)]


def _record(row: CallInterpretationRow) -> InterpretationRecord:
    return InterpretationRecord(
        call_id=row.call_id,
        language=row.language,
        asked_at=row.asked_at,
        joined_at=row.joined_at,
        left_at=row.left_at,
        outcome=row.outcome,
    )
