"""The reports' pure core (signaling/reports/), synchronous: queries, facts, nearest-rank
percentiles, the quality rule, suppression on hand-built cells; the exchange's transfer record,
and (over a real server, the one async test) that record reaching a day's facts.
Every expected figure is worked out by hand here, never with the code under test."""

from __future__ import annotations

import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent_console import quality as console_quality
from signaling import exchange as x
from signaling import messages as m
from signaling import server as srv
from signaling.config import Settings
from signaling.embedded import EmbeddedServer
from signaling.reports import BadReportQuery, Period, call_fact, merge, pack, parse_query
from signaling.reports.facts import CallFact
from signaling.reports.figures import grouped, total
from signaling.reports.quality import (
    POOR_BELOW_FPS,
    POOR_JITTER_MS,
    POOR_LOSS_RATIO,
    POOR_RTT_MS,
    call_quality,
    poor_sample,
)
from signaling.reports.suppression import Cells, suppress
from signaling.today import service_timezone
from tests.signaling.test_exchange import in_call, make_exchange
from tests.signaling.wire import adviser, kiosk

ZONE = ZoneInfo("Europe/Stockholm")


def fact(site: str = "A", wait: int | None = 10, **overrides: object) -> CallFact:
    joined = datetime(2026, 3, 10, 10, tzinfo=ZONE).timestamp()
    fields: dict[str, object] = dict(
        site=site, language="sv", topic=None, category=None, outcome="completed",
        joined_at=joined, answered_at=None if wait is None else joined + wait,
        ended_at=None if wait is None else joined + wait + 60, rating=None, transfers=0,
        quality="unknown", zone=ZONE,
    )  # fmt: skip
    made = call_fact(**{**fields, **overrides})  # type: ignore[arg-type]
    assert made is not None
    return made


# -- the query ------------------------------------------------------------------------------------


def test_the_previous_period_has_the_same_length_and_ends_the_day_before() -> None:
    period = parse_query("2026-03-01", "2026-03-31", "").period
    assert period.days == 31
    assert period.previous() == Period(date(2026, 1, 29), date(2026, 2, 28))
    assert parse_query("2026-03-10", "2026-03-10", "hour,weekday").by == ("hour", "weekday")


def test_a_grouping_of_more_than_three_is_refused() -> None:
    with pytest.raises(BadReportQuery, match="at most 3"):
        parse_query("2026-03-10", "2026-03-10", "site,language,topic,hour")


# -- facts and figures ----------------------------------------------------------------------------


def test_a_rejoined_place_is_no_visit_and_times_are_whole_seconds() -> None:
    assert call_fact(**{**_plain(), "outcome": "rejoined"}) is None  # type: ignore[arg-type]
    made = fact(wait=None, outcome="abandoned", ended_at=_joined() + 59.9)
    assert (made.wait_s, made.abandoned, made.abandoned_after_s) == (None, True, 59)


def test_hour_and_weekday_follow_summer_time() -> None:
    # 29 March 2026, 01:30 UTC is 03:30 in Stockholm (summer time began at 02:00 local).
    joined = datetime(2026, 3, 29, 1, 30, tzinfo=ZoneInfo("UTC")).timestamp()
    made = fact(joined_at=joined, answered_at=None, ended_at=None)
    assert (made.hour, made.weekday) == (3, 6)


def test_percentiles_are_nearest_rank_per_group() -> None:
    # A: waits 4 1 3 2 (sorted 1 2 3 4): p50 the 2nd, p90 the 4th (ceil 3.6).
    # B: waits 7, 9, 8, 10, 6, 5, 11, 12, 13, 14 (5..14): p50 the 5th = 9, p90 the 9th = 13.
    a = [fact("A", w) for w in (4, 1, 3, 2)]
    b = [fact("B", w) for w in (7, 9, 8, 10, 6, 5, 11, 12, 13, 14)]
    table = merge([pack(a[:2] + b[:5]), pack(a[2:] + b[5:]), pack([])])
    groups = {g.key: g.figures for g in grouped(table, ["site"], {})}
    assert (groups[("A",)].wait_p50_s, groups[("A",)].wait_p90_s) == (2, 4)
    assert (groups[("B",)].wait_p50_s, groups[("B",)].wait_p90_s) == (9, 13)
    assert total(table).visits == 14


@given(st.lists(st.integers(min_value=0, max_value=5000), min_size=1, max_size=60))
def test_the_median_is_a_wait_that_happened_with_half_at_or_below(waits: list[int]) -> None:
    table = merge([pack([fact("A", w) for w in waits])])
    median = total(table).wait_p50_s
    assert median is not None and median in waits
    assert 2 * sum(w <= median for w in waits) >= len(waits)
    assert 2 * sum(w < median for w in waits) < len(waits)


def test_districts_add_up_their_sites() -> None:
    facts = [fact("Rinkeby"), fact("Tensta"), fact("Tensta"), fact("City")]
    groups = grouped(merge([pack(facts)]), ["district"], {"Järva": ["Rinkeby", "Tensta"]})
    assert [(g.key, g.figures.visits) for g in groups] == [(("(none)",), 1), (("Järva",), 3)]


# -- quality --------------------------------------------------------------------------------------


def test_poor_means_what_the_console_calls_poor() -> None:
    assert console_quality.RTT_MS[1] == POOR_RTT_MS
    assert console_quality.LOSS_RATIO[1] == POOR_LOSS_RATIO
    assert console_quality.JITTER_MS[1] == POOR_JITTER_MS
    assert console_quality.FPS[1] == POOR_BELOW_FPS
    for figures, poor in (
        ({"rtt_ms": 599}, False),
        ({"rtt_ms": 600}, True),
        ({"packet_loss_ratio": 0.08}, True),
        ({"fps": 9.9}, True),
        ({}, False),
    ):
        sample = m.Quality(**figures)
        assert poor_sample(sample) is poor
        level = console_quality.rate(sample)
        assert (level == console_quality.QualityLevel.POOR) is poor


def test_a_call_is_poor_from_a_fifth_of_its_samples() -> None:
    assert call_quality(0, 0) == "unknown"
    assert call_quality(10, 1) == "good"
    assert call_quality(10, 2) == "poor"


# -- suppression ----------------------------------------------------------------------------------

COUNTS = ("visits", "answered", "rating_1", "rating_2", "rating_3", "rating_4", "rating_5")


def cells(*rows: tuple[str, int, int]) -> Cells:
    """Rows of (site, visits, answered) and their total."""
    values: list[dict[str, int | float | str | None]] = [
        {"visits": v, "answered": a, "wait_p50_s": 30} for _, v, a in rows
    ]
    values.append(
        {"visits": sum(r[1] for r in rows), "answered": sum(r[2] for r in rows), "wait_p50_s": 30}
    )
    return Cells([(site,) for site, _, _ in rows], values)


def shown(
    c: Cells, *, districts: dict[str, str] | None = None, min_cell: int = 5
) -> list[dict[str, int | float | str | None]]:
    return suppress(c, by=["site"], counts=COUNTS, district_of=districts or {}, min_cell=min_cell)


def test_counts_under_min_cell_are_hidden_and_zero_is_shown() -> None:
    rows = shown(cells(("A", 20, 0), ("B", 20, 4), ("C", 20, 12)), min_cell=5)
    # B's 4 answered is hidden; its complement in the column is the smallest other: A's 0.
    assert [r["answered"] for r in rows] == ["<5", "<5", 12, 16]
    assert [r["visits"] for r in rows] == [20, 20, 20, 60]


def test_a_derived_figure_follows_its_count() -> None:
    rows = shown(cells(("A", 20, 3), ("B", 20, 9), ("C", 20, 8)), min_cell=5)
    # A's 3 answers are hidden, and so is their median wait; 8 < 9, so C is the complement.
    assert [r["answered"] for r in rows] == ["<5", 9, "<5", 20]
    assert [r["wait_p50_s"] for r in rows] == ["<5", 30, "<5", 30]


def test_the_configured_min_cell_is_the_marker() -> None:
    rows = shown(cells(("A", 20, 9), ("B", 20, 10)), min_cell=10)
    # A's 9 is under 10; the total 19 minus B's 10 would give it back, so B goes too.
    assert [r["answered"] for r in rows] == ["<10", "<10", 19]


def test_a_district_of_two_sites_hides_both_when_one_is_small() -> None:
    # A's 2 is hidden; in all rows the smallest other (D's 6) is its complement. But A + B is
    # North's row in the report by district, so B goes too, and C + D is South's: C goes too.
    districts = {"A": "North", "B": "North", "C": "South", "D": "South"}
    rows = shown(cells(("A", 9, 2), ("B", 9, 7), ("C", 9, 8), ("D", 9, 6)), districts=districts)
    assert [r["answered"] for r in rows] == ["<5", "<5", "<5", "<5", 23]
    # With the sites in no district, D as the complement is enough.
    rows = shown(cells(("A", 9, 2), ("B", 9, 7), ("C", 9, 8), ("D", 9, 6)))
    assert [r["answered"] for r in rows] == ["<5", 7, 8, "<5", 23]


def test_one_hidden_rating_takes_a_second_with_it() -> None:
    ratings = {"rating_1": 0, "rating_2": 0, "rating_3": 2, "rating_4": 10, "rating_5": 12}
    only = Cells([], [{"visits": 40, "ratings": 24, **ratings}])
    (row,) = suppress(only, by=[], counts=COUNTS, district_of={}, min_cell=5)
    # 24 - 0 - 0 - 10 - 12 would give the 2 back: the smallest shown (rating_1's 0) is hidden.
    assert [row[f"rating_{n}"] for n in range(1, 6)] == ["<5", 0, "<5", 10, 12]


# -- settings -------------------------------------------------------------------------------------


def test_a_site_in_two_districts_is_refused() -> None:
    districts = {"North": ["A", "B"], "South": ["B"]}
    with pytest.raises(ValueError, match="'B' is in both 'North' and 'South'"):
        Settings.model_validate({"reports": {"districts": districts}})
    with pytest.raises(ValueError, match="min_cell"):
        Settings.model_validate({"reports": {"min_cell": 1}})


# -- the exchange records transfers ----------------------------------------------------------------


def test_a_transfer_is_recorded_for_reports_without_the_colleague(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    call = in_call(ex)
    ex.adviser_message(ex.advisers["omar"], m.SetStatus(status="available"), 5.0)
    actions = ex.adviser_message(ex.advisers["amal"], m.Transfer(call_id=call, adviser="omar"), 6)
    assert [a for a in actions if isinstance(a, x.RecordTransfer)] == [
        x.RecordTransfer(call, 6, "adviser")
    ]


def _joined() -> float:
    return datetime(2026, 3, 10, 10, tzinfo=ZONE).timestamp()


def _plain() -> dict[str, object]:
    return dict(
        site="A", language="sv", topic=None, category=None, outcome="completed",
        joined_at=_joined(), answered_at=None, ended_at=None, rating=None, transfers=0,
        quality="unknown", zone=ZONE,
    )  # fmt: skip


# -- a transfer over a real server reaches the report's facts --------------------------------------


async def test_a_transfer_over_the_server_is_in_the_days_facts(
    running_server: EmbeddedServer,
) -> None:
    server = running_server
    server.add_adviser("amal", "correct horse battery", {"ar": "native", "sv": "native"})
    k = await kiosk(server, server.add_kiosk("K1", "Rinkeby library"))
    a = await adviser(server, "amal")
    await k.send(m.Join(language="ar"))
    await k.expect(m.Queued, position=1)
    offer = await a.expect(m.Offer)
    await a.send(m.Accept(call_id=offer.call_id))
    await k.expect(m.CallStarted, call_id=offer.call_id)
    await a.send(m.Transfer(call_id=offer.call_id, language="sv"))
    await k.expect(m.CallEnded, reason="transferred")
    await k.expect(m.Queued, language="sv")
    assert server.app is not None
    server.run(server.app[srv.SWITCHBOARD].flush())  # on the server's loop: written so far
    zone = service_timezone(server.settings)
    today = datetime.now(zone).date()
    table = merge(
        server.with_store(lambda s: s.reports.blocks(today, today, zone=zone, now=time.time()))
    )
    assert table.rows == 1
    assert table.columns["transfers"].tolist() == [1]
    await a.close()
    await k.close()
