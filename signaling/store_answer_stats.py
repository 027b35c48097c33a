"""What residents did with the common questions, counted: ``store.answer_stats``.

One row per local day, site, language, question and event holds a count (the table is
:class:`~signaling.store_tables.AnswerEventCountRow`). Nothing else is kept: no time of day, no
kiosk, no visit and never the search words, so no row can be traced to a resident
(docs/answers.md §Signaling, docs/privacy.md). The exchange decides what counts
(signaling/exchange/answers.py); the switchboard's one writer calls :meth:`AnswerStats.count`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from signaling.messages import AnswerEventKind
from signaling.store_tables import AnswerEventCountRow
from signaling.store_upsert import upsert

NO_QUESTION = ""  # the stored question of a no_result event


@dataclass(frozen=True)
class AnswerEventCount:
    day: str  # YYYY-MM-DD, the service's local day
    site: str
    language: str
    question: str | None  # None for no_result
    event: AnswerEventKind
    count: int


class AnswerStats:
    """The counts, through the store's sessions (one short transaction per call)."""

    def __init__(self, session: async_sessionmaker[AsyncSession]) -> None:
        self._session = session

    async def count(
        self,
        *,
        day: str,
        site: str,
        language: str,
        question: str | None,
        event: AnswerEventKind,
    ) -> None:
        """One more ``event``: the day's row for these codes is created or incremented."""
        t = AnswerEventCountRow
        values = {
            "day": day,
            "site": site,
            "language": language,
            "question": question or NO_QUESTION,
            "event": event,
            "count": 1,
        }
        async with self._session.begin() as db:
            await upsert(
                db,
                t,
                values,
                key=["day", "site", "language", "question", "event"],
                update={"count": t.count + 1},
            )

    async def between(self, first: date, last: date) -> list[AnswerEventCount]:
        """Every count from ``first`` to ``last``, both days included, in key order."""
        t = AnswerEventCountRow
        query = (
            select(t)
            .where(t.day >= first.isoformat(), t.day <= last.isoformat())
            .order_by(t.day, t.site, t.language, t.question, t.event)
        )
        async with self._session() as db:
            rows = (await db.execute(query)).scalars().all()
        return [
            AnswerEventCount(
                day=r.day,
                site=r.site,
                language=r.language,
                question=r.question or None,
                event=cast(AnswerEventKind, r.event),
                count=r.count,
            )
            for r in rows
        ]
