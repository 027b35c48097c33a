"""GET /admin/api/reports over a real server and a real SQLite file: figures worked out by hand
from tests/signaling/report_records.py, small cells, roles, CSV columns and the audit entry."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable
from typing import Any

import aiohttp
import pytest

from signaling.embedded import EmbeddedServer
from tests.signaling.report_records import CITY, DISTRICTS, RINKEBY, TENSTA, write_records

DAY = "from=2026-03-10&to=2026-03-10"
HOURLY = {"timezone": "Europe/Stockholm", "weekly": {"mon": [["08:00", "18:00"]]}}
# The CSV columns docs/reports.md lists, in its order, for the default wrap-up outcomes.
COLUMNS = [
    "visits", "answered", "abandoned", "abandoned_wait_p50_s", "wait_p50_s", "wait_p90_s",
    "talked", "talk_p50_s", "talk_mean_s", "transfers", "ratings", "rating_1", "rating_2",
    "rating_3", "rating_4", "rating_5", "rating_mean", "quality_calls", "poor_quality_share",
    "outcome_resolved", "outcome_referred", "outcome_follow_up", "outcome_no_show",
    "outcome_other", "answers_viewed",
]  # fmt: skip


class Reports:
    def __init__(self, server: EmbeddedServer) -> None:
        self.server = server
        self.admin = server.add_adviser("it-admin", "a long admin password", {}, is_admin=True)
        server.add_adviser("manager1", "a long manager password", {})
        self.manager = server.with_store(lambda s: s.answers.grant_role("manager1", "manager"))
        self.adviser = server.add_adviser("adviser1", "a long adviser password", {"sv": "native"})
        server.with_store(write_records)

    def token(self, account: str) -> str:
        return self.server.with_store(
            lambda s: s.create_session(account, ttl_s=600, now=time.time(), admin=True)
        )

    async def get(self, path: str, account: str | None = None) -> tuple[int, Any]:
        token = self.token(account or self.manager)
        headers = {"Authorization": f"Bearer {token}"}
        async with (
            aiohttp.ClientSession() as http,
            http.get(self.server.http_url + path, headers=headers) as resp,
        ):
            if resp.content_type == "application/json":
                return resp.status, await resp.json()
            return resp.status, await resp.text()


@pytest.fixture
def reports(server_factory: Callable[..., EmbeddedServer]) -> Reports:
    server = server_factory(
        reports={"districts": DISTRICTS}, service={"hours": {"default": HOURLY}}
    )
    return Reports(server)


def rows_by(body: dict[str, Any], dimension: str) -> dict[str, dict[str, Any]]:
    return {row[dimension]: row for row in body["current"]["rows"]}


async def test_figures_by_site_are_the_hand_computed_ones(reports: Reports) -> None:
    status, body = await reports.get(f"/admin/api/reports?{DAY}&by=site")
    assert status == 200
    assert body["by"] == ["site"] and body["timezone"] == "Europe/Stockholm"
    assert [r["site"] for r in body["current"]["rows"]] == [RINKEBY, CITY, TENSTA]
    site = rows_by(body, "site")
    rinkeby = site[RINKEBY]
    # 8 visits, 6 answered. Waits 10 20 30 40 50 300: nearest-rank p50 is the 3rd (ceil 6*0.5),
    # p90 the 6th (ceil 5.4). Talk 100..600: p50 the 3rd, mean 2100/6.
    assert (rinkeby["visits"], rinkeby["answered"], rinkeby["talked"]) == (8, 6, 6)
    assert (rinkeby["wait_p50_s"], rinkeby["wait_p90_s"]) == (30, 300)
    assert (rinkeby["talk_p50_s"], rinkeby["talk_mean_s"]) == (300, 350.0)
    # Five ratings 5 5 4 4 3: mean 21/5; each score's count is under 5, the zeros are shown.
    assert (rinkeby["ratings"], rinkeby["rating_mean"]) == (5, 4.2)
    assert [rinkeby[f"rating_{n}"] for n in range(1, 6)] == [0, 0, "<5", "<5", "<5"]
    # 2 left the queue (under 5), so their median wait is hidden too; 4 resolved, 2 referred, 1
    # transfer: all under 5.
    assert (rinkeby["abandoned"], rinkeby["abandoned_wait_p50_s"]) == ("<5", "<5")
    assert (rinkeby["outcome_resolved"], rinkeby["outcome_referred"]) == ("<5", "<5")
    assert rinkeby["transfers"] == "<5"
    assert (rinkeby["quality_calls"], rinkeby["poor_quality_share"]) == (0, None)

    city = site[CITY]
    # Waits 1..10: p50 the 5th, p90 the 9th. Ten ratings of 4. Five calls with quality, one poor.
    assert (city["visits"], city["answered"], city["abandoned"]) == (12, 10, "<5")
    assert (city["wait_p50_s"], city["wait_p90_s"], city["talk_p50_s"]) == (5, 9, 30)
    assert (city["ratings"], city["rating_4"], city["rating_mean"]) == (10, 10, 4.0)
    assert (city["quality_calls"], city["poor_quality_share"]) == (5, 0.2)

    tensta = site[TENSTA]
    # Waits 5 15 25 35 45: p50 the 3rd, p90 the 5th (ceil 4.5).
    assert (tensta["visits"], tensta["answered"]) == (5, 5)
    assert (tensta["wait_p50_s"], tensta["wait_p90_s"], tensta["talk_mean_s"]) == (25, 45, 60.0)
    assert tensta["rating_mean"] is None  # nobody rated


async def test_totals_and_the_previous_period(reports: Reports) -> None:
    _, body = await reports.get(f"/admin/api/reports?{DAY}&by=site")
    total = body["current"]["total"]
    # All 21 waits sorted: 1 2 3 4 5 5 6 7 8 9 10 10 15 20 25 30 35 40 45 50 300; p50 is the
    # 11th (ceil 10.5), p90 the 19th (ceil 18.9). Ratings 5+10 = 15, (21 + 40) / 15 = 4.07.
    assert (total["visits"], total["answered"], total["abandoned"]) == (25, 21, "<5")
    assert (total["wait_p50_s"], total["wait_p90_s"]) == (10, 45)
    assert (total["ratings"], total["rating_mean"], total["rating_4"]) == (15, 4.07, 12)
    previous = body["previous"]
    assert (previous["from"], previous["to"]) == ("2026-03-09", "2026-03-09")
    assert [r["site"] for r in previous["rows"]] == [RINKEBY]
    # One visit: its count and its wait are both hidden.
    assert (previous["total"]["visits"], previous["total"]["wait_p50_s"]) == ("<5", "<5")


async def test_a_suppressed_site_cannot_be_recovered_from_its_district(reports: Reports) -> None:
    _, body = await reports.get(f"/admin/api/reports?{DAY}&by=site")
    site = rows_by(body, "site")
    # Järva = Rinkeby (2 abandoned, hidden) + Tensta (0). The report by district shows Järva's
    # total, so Tensta's 0 would give Rinkeby's 2 back: it is hidden as its complement.
    assert site[TENSTA]["abandoned"] == "<5"
    # Transfers: Rinkeby's 1 is hidden; the sites' sum is the total, so the smallest other site
    # (the City library's 0, first in order) goes too; Järva's sum hides Tensta's 0 as well.
    assert [site[s]["transfers"] for s in (RINKEBY, CITY, TENSTA)] == ["<5", "<5", "<5"]
    _, by_district = await reports.get(f"/admin/api/reports?{DAY}&by=district")
    district = rows_by(by_district, "district")
    assert set(district) == {"Järva", "(none)"}
    assert (district["Järva"]["visits"], district["(none)"]["visits"]) == (13, 12)
    assert district["Järva"]["abandoned"] == "<5"


async def test_no_family_is_left_with_one_hidden_member(reports: Reports) -> None:
    _, body = await reports.get(f"/admin/api/reports?{DAY}&by=site,language")
    rows = body["current"]["rows"]
    counts = [c for c in body["columns"] if c == "visits" or c.startswith(("rating_", "outcome_"))]
    counts += ["answered", "abandoned", "talked", "transfers", "ratings", "quality_calls"]
    for name in counts:
        hidden = [r for r in rows if r[name] == "<5"]
        assert len(hidden) != 1 or len(rows) == 1, name
    for row in [*rows, body["current"]["total"]]:
        hidden = [n for n in range(1, 6) if row[f"rating_{n}"] == "<5"]
        assert len(hidden) != 1, row


async def test_common_answers_viewed_follow_site_and_language_only(reports: Reports) -> None:
    _, body = await reports.get(f"/admin/api/reports?{DAY}&by=site")
    site = rows_by(body, "site")
    assert [site[s]["answers_viewed"] for s in (RINKEBY, CITY, TENSTA)] == [7, 6, 0]
    assert body["current"]["total"]["answers_viewed"] == 13  # not Tensta's Arabic 3: no visit
    _, totals = await reports.get(f"/admin/api/reports?{DAY}")
    assert totals["current"]["total"]["answers_viewed"] == 13
    _, by_district = await reports.get(f"/admin/api/reports?{DAY}&by=district,language")
    cells = {
        (r["district"], r["language"]): r["answers_viewed"] for r in by_district["current"]["rows"]
    }
    assert cells == {("(none)", "sv"): 6, ("Järva", "ar"): 7, ("Järva", "so"): 0}
    # Counted per day, site and language only: a grouping by topic cannot show them.
    _, by_topic = await reports.get(f"/admin/api/reports?{DAY}&by=topic")
    assert by_topic["current"]["rows"][0]["answers_viewed"] is None
    assert by_topic["current"]["total"]["answers_viewed"] is None


async def test_hour_and_weekday_are_local(reports: Reports) -> None:
    _, body = await reports.get(f"/admin/api/reports?{DAY}&by=weekday,hour")
    cells = {(r["weekday"], r["hour"]): r["visits"] for r in body["current"]["rows"]}
    # Rinkeby's six answered calls joined 10:00-10:50, its two who left and Tensta's five at 11,
    # the City library's twelve at 14 (all Tuesday, local time, UTC+1).
    assert cells == {("tue", "10"): 6, ("tue", "11"): 7, ("tue", "14"): 12}


async def test_csv_has_the_documented_columns(reports: Reports) -> None:
    status, text = await reports.get(f"/admin/api/reports?{DAY}&by=site,language&format=csv")
    assert status == 200
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0] == ["period", "from", "to", "site", "language", *COLUMNS]
    current = [line for line in lines[1:] if line[0] == "current"]
    assert [line[3:5] for line in current] == [
        [RINKEBY, "ar"], [CITY, "sv"], [TENSTA, "so"], ["(all)", "(all)"]
    ]  # fmt: skip
    tensta = dict(zip(lines[0], current[2], strict=True))
    assert (tensta["visits"], tensta["wait_p50_s"], tensta["rating_mean"]) == ("5", "25", "")
    assert {line[0] for line in lines[1:]} == {"current", "previous"}


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("from=2026-03-10", "to is a day"),
        ("from=2026-3-10&to=2026-03-10", "from is a day"),
        ("from=2026-02-30&to=2026-03-10", "not a day of the calendar"),
        ("from=2026-03-10&to=2026-03-09", "after"),
        ("from=2026-03-10&to=2026-03-10&by=adviser", "'adviser' is not one of"),
        ("from=2026-03-10&to=2026-03-10&by=site,site", "named twice"),
        ("from=2026-03-10&to=2026-03-10&by=site,district", "choose one"),
        ("from=2026-03-10&to=2026-03-10&format=xml", "format is json or csv"),
        ("from=2024-01-01&to=2026-03-10", "at most 731 days"),
        ("from=0001-01-01&to=0001-01-01", "between 2000-01-01 and 2999-12-31"),
        ("from=9999-12-31&to=9999-12-31", "between 2000-01-01 and 2999-12-31"),
        ("from=2026-03-10&to=2026-03-10&by=" + "x" * 5000, "is not one of"),
    ],
)
async def test_a_bad_query_is_a_clear_400(reports: Reports, query: str, says: str) -> None:
    status, body = await reports.get(f"/admin/api/reports?{query}")
    assert status == 400
    assert body["code"] == "bad_message" and says in body["message"]


async def test_each_role_sees_what_it_may(reports: Reports) -> None:
    report = f"/admin/api/reports?{DAY}&by=site"
    assert (await reports.get(report, reports.manager))[0] == 200
    assert (await reports.get("/admin/api/fleet", reports.manager))[0] == 403
    assert (await reports.get("/admin/api/audit", reports.manager))[0] == 403
    assert (await reports.get(report, reports.admin))[0] == 200
    assert (await reports.get("/admin/api/fleet", reports.admin))[0] == 200
    # An adviser without a web role has no admin-web session at all.
    assert (await reports.get(report, reports.adviser))[0] == 401
    assert (await reports.get("/admin/api/fleet", reports.adviser))[0] == 401


async def test_sign_in_needs_a_web_role(reports: Reports) -> None:
    url = reports.server.http_url + "/admin/api/login"
    async with aiohttp.ClientSession() as http:
        for username, password, status in (
            ("manager1", "a long manager password", 200),
            ("adviser1", "a long adviser password", 403),
        ):
            body = {"username": username, "password": password}
            async with http.post(url, json=body) as resp:
                assert resp.status == status
                if status == 200:
                    assert (await resp.json())["roles"] == ["manager"]
    reports.server.with_store(lambda s: s.answers.revoke_role("manager1", "manager"))
    assert (await reports.get(f"/admin/api/reports?{DAY}", reports.manager))[0] == 401


async def test_every_report_is_audited_without_figures(reports: Reports) -> None:
    await reports.get(f"/admin/api/reports?{DAY}&by=site,language&format=csv")
    await reports.get(f"/admin/api/reports?{DAY}&by=nonsense")  # refused: no report, no entry
    entries = [e for e in reports.server.with_store(lambda s: s.audit_log(20))]
    given = [e for e in entries if e.action == "report"]
    assert len(given) == 1
    entry = given[0]
    assert (entry.actor, entry.target, entry.detail) == (
        "manager:manager1",
        "2026-03-10..2026-03-10 by site,language",
        "csv",
    )


async def test_interpreter_minutes_per_language_for_local_days(reports: Reports) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    def local(text: str) -> float:
        return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo("Europe/Stockholm")).timestamp()

    async def record(store: Any) -> None:
        rows = [  # (asked, joined, minutes, language, outcome)
            ("2026-03-10T00:10", True, 12.0, "ti", "hangup"),
            ("2026-03-10T09:00", True, 10.0, "ti", "hangup"),
            ("2026-03-10T10:00", True, 10.0, "ti", "call_ended"),
            ("2026-03-10T11:00", True, 10.0, "ti", "disconnected"),
            ("2026-03-10T23:50", True, 30.0, "ti", "dismissed"),  # joined next day: still counted
            ("2026-03-10T14:00", False, 0.0, "ti", "timeout"),
            ("2026-03-10T14:00", False, 0.0, "so", "none_signed_in"),
            ("2026-03-11T00:05", True, 99.0, "ti", "hangup"),  # another day: left out
        ]
        for n, (asked, joined, minutes, language, outcome) in enumerate(rows):
            at = local(asked)
            await store.open_call(
                f"i{n}", kiosk_id="k", site="Rinkeby", language="ar", topic=None, joined_at=at
            )
            await store.interpreting.record(
                f"i{n}",
                language=language,
                asked_at=at,
                joined_at=at + 60 if joined else None,
                left_at=at + 60 + minutes * 60,
                outcome=outcome,
            )

    reports.server.with_store(record)
    path = f"/admin/api/reports/interpreting?{DAY}"
    status, body = await reports.get(path)
    assert status == 200
    assert body == {
        "from": "2026-03-10",
        "to": "2026-03-10",
        "timezone": "Europe/Stockholm",
        "min_cell": 5,
        "languages": [  # a small count hidden, as in every report (docs/reports.md §Privacy)
            {"language": "so", "asked": "<5", "joined": 0, "minutes": 0.0},
            {"language": "ti", "asked": 6, "joined": 5, "minutes": 72.0},
        ],
    }
    assert "name" not in str(body) and "adviser" not in str(body)
    assert (await reports.get(path, reports.adviser))[0] == 401
    status, body = await reports.get("/admin/api/reports/interpreting?from=2026-03-10")
    assert status == 400 and body["code"] == "bad_message"
    entries = reports.server.with_store(lambda s: s.audit_log(20))
    assert [e.target for e in entries if e.action == "report"] == [
        "interpreting 2026-03-10..2026-03-10"
    ]
