"""A small fixed set of call records with known times, for the report tests.

Written through the store's own methods into a real SQLite file. The expected figures are worked
out by hand in the tests (tests/signaling/test_reports_api.py), never with the code under test.

Tuesday 10 March 2026 in Europe/Stockholm (UTC+1, before the switch to summer time), from 10:00:

* Rinkeby bibliotek (district Järva), Arabic, 8 visits: 6 answered after 10, 20, 30, 40, 50 and
  300 s, talking 100, 200, ..., 600 s; ratings 5, 5, 4, 4, 3 (the sixth none); wrap-ups 4
  resolved and 2 referred; one of them transferred once; 2 left the queue after 60 and 120 s.
* Tensta träff (district Järva), Somali, 5 visits, all answered after 5, 15, 25, 35, 45 s,
  talking 60 s each, at 11:00; no ratings.
* Stadsbiblioteket (no district), Swedish, 12 visits at 14:00: 10 answered after 1, 2, ..., 10 s,
  talking 30 s each, each rated 4; 2 left after 100 and 200 s; 5 answered calls reported quality,
  the first poor in every sample, the other four good.

Monday 9 March 2026 (the previous period of a one-day report): one visit at Rinkeby, answered
after 7 s, talking 70 s.

Common questions on 10 March: opened 7 times at Rinkeby in Arabic and 6 times at the City library
in Swedish; at Tensta 2 "helped" in Somali (only openings are reported) and 3 openings in Arabic,
a language nobody asked a call in there that day (left out: it would have no row).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from signaling.messages import AnswerEventKind, Quality
from signaling.store import Store

ZONE = ZoneInfo("Europe/Stockholm")
RINKEBY, TENSTA, CITY = "Rinkeby bibliotek", "Tensta träff", "Stadsbiblioteket"
DISTRICTS = {"Järva": [RINKEBY, TENSTA]}
GOOD = Quality(rtt_ms=80, packet_loss_ratio=0.0, jitter_ms=5, fps=25)
POOR = Quality(rtt_ms=900, packet_loss_ratio=0.2, jitter_ms=5, fps=25)


def at(day: int, hour: int) -> float:
    return datetime(2026, 3, day, hour, 0, tzinfo=ZONE).timestamp()


@dataclass(frozen=True)
class Visit:
    site: str
    language: str
    joined_at: float
    wait_s: float | None  # None: left the queue after left_after_s
    talk_s: float = 0.0
    left_after_s: float = 0.0
    rating: int | None = None
    category: str | None = None
    transfers: int = 0
    quality: list[Quality] | None = None


def visits() -> list[Visit]:
    rinkeby = [
        Visit(RINKEBY, "ar", at(10, 10) + n * 600, wait, talk, rating=rating, category=category)
        for n, (wait, talk, rating, category) in enumerate(
            [
                (10, 100, 5, "resolved"),
                (20, 200, 5, "resolved"),
                (30, 300, 4, "resolved"),
                (40, 400, 4, "resolved"),
                (50, 500, 3, "referred"),
                (300, 600, None, "referred"),
            ]
        )
    ]
    rinkeby[0] = Visit(**{**rinkeby[0].__dict__, "transfers": 1})
    rinkeby += [
        Visit(RINKEBY, "ar", at(10, 11), None, left_after_s=60),
        Visit(RINKEBY, "ar", at(10, 11) + 300, None, left_after_s=120),
    ]
    tensta = [
        Visit(TENSTA, "so", at(10, 11) + n * 60, wait, 60)
        for n, wait in enumerate([5, 15, 25, 35, 45])
    ]
    city = [
        Visit(
            CITY,
            "sv",
            at(10, 14) + n * 60,
            n + 1,
            30,
            rating=4,
            quality=None if n >= 5 else ([POOR, POOR] if n == 0 else [GOOD, GOOD]),
        )
        for n in range(10)
    ]
    city += [
        Visit(CITY, "sv", at(10, 14) + 1000, None, left_after_s=100),
        Visit(CITY, "sv", at(10, 14) + 1100, None, left_after_s=200),
    ]
    previous = [Visit(RINKEBY, "ar", at(9, 10), 7, 70)]
    return [*rinkeby, *tensta, *city, *previous]


async def write_records(store: Store) -> None:
    for n, v in enumerate(visits()):
        call_id = f"c_{n:04d}"
        await store.open_call(
            call_id, kiosk_id="k_1", site=v.site, language=v.language, topic=None,
            joined_at=v.joined_at,
        )  # fmt: skip
        if v.wait_s is None:
            await store.close_call(call_id, at=v.joined_at + v.left_after_s, outcome="abandoned")
            continue
        answered = v.joined_at + v.wait_s
        await store.answer_call(call_id, adviser_id="a_1", at=answered)
        for i, quality in enumerate(v.quality or []):
            await store.add_quality(call_id, side="kiosk", quality=quality, at=answered + i)
        for i in range(v.transfers):
            await store.reports.record_transfer(call_id, at=answered + 1 + i, kind="language")
        await store.close_call(call_id, at=answered + v.talk_s, outcome="completed")
        if v.category is not None:
            await store.set_wrap_up(call_id, category=v.category, note="")
        if v.rating is not None:
            await store.set_rating(call_id, v.rating)
    opened: list[tuple[str, str, AnswerEventKind, int]] = [
        (RINKEBY, "ar", "viewed", 7),
        (CITY, "sv", "viewed", 6),
        (TENSTA, "so", "helped", 2),
        (TENSTA, "ar", "viewed", 3),  # nobody asked for an Arabic call at Tensta that day
    ]
    for site, language, event, times in opened:
        for _ in range(times):
            await store.answer_stats.count(
                day="2026-03-10", site=site, language=language, question="q1", event=event
            )
