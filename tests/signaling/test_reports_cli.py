"""``kiosklink admin report`` through a real SQLite file: the same figures as the API, CSV and
JSON, the audit entry, and a clear error for a bad query. Synchronous, as in test_admin_cli."""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import NamedTuple, TypeVar

import pytest

from signaling.admin_cli import add_admin_commands, run_admin
from signaling.config import Settings
from signaling.store import Store
from tests.signaling.report_records import CITY, DISTRICTS, RINKEBY, TENSTA, write_records

T = TypeVar("T")


class Result(NamedTuple):
    code: int
    out: str
    err: str


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = Settings.model_validate(
        {
            "database": {"path": str(tmp_path / "kiosklink.sqlite3")},
            "reports": {"districts": DISTRICTS},
        }
    )
    with_store(settings, write_records)
    return settings


def with_store(settings: Settings, action: Callable[[Store], Awaitable[T]]) -> T:
    async def run() -> T:
        store = await Store.open(settings.database.path)
        try:
            return await action(store)
        finally:
            await store.close()

    return asyncio.run(run())


def admin(settings: Settings, *argv: str) -> Result:
    top = argparse.ArgumentParser(prog="kiosklink admin")
    add_admin_commands(top.add_subparsers(dest="admin_command", required=True))
    out, err = io.StringIO(), io.StringIO()
    code = run_admin(top.parse_args(argv), settings, stdout=out, stderr=err)
    return Result(code, out.getvalue(), err.getvalue())


def test_csv_by_site_holds_the_hand_computed_figures(settings: Settings) -> None:
    result = admin(settings, "report", "--from", "2026-03-10", "--to", "2026-03-10", "--by", "site")
    assert result.code == 0, result.err
    lines = list(csv.DictReader(io.StringIO(result.out)))
    current = {line["site"]: line for line in lines if line["period"] == "current"}
    assert list(current) == [RINKEBY, CITY, TENSTA, "(all)"]
    # See test_reports_api: Rinkeby waits 10..50, 300 -> p50 30, p90 300; the City's 1..10 -> 5, 9.
    assert (current[RINKEBY]["wait_p50_s"], current[RINKEBY]["wait_p90_s"]) == ("30", "300")
    assert (current[CITY]["wait_p50_s"], current[CITY]["wait_p90_s"]) == ("5", "9")
    assert (current["(all)"]["visits"], current["(all)"]["rating_mean"]) == ("25", "4.07")
    assert current[TENSTA]["abandoned"] == "<5"  # the complement of Rinkeby's in Järva


def test_json_is_the_api_shape(settings: Settings) -> None:
    argv = ["report", "--from", "2026-03-10", "--to", "2026-03-10", "--by", "district"]
    result = admin(settings, *argv, "--format", "json")
    assert result.code == 0, result.err
    body = json.loads(result.out)
    assert body["by"] == ["district"] and body["suppressed"] == "<5"
    assert [(r["district"], r["visits"]) for r in body["current"]["rows"]] == [
        ("(none)", 12),
        ("Järva", 13),
    ]


def test_the_report_is_audited_as_the_cli(settings: Settings) -> None:
    admin(settings, "report", "--from", "2026-03-01", "--to", "2026-03-31", "--by", "hour")
    entries = with_store(settings, lambda s: s.audit_log(5))
    assert [(e.actor, e.action, e.target, e.detail) for e in entries] == [
        ("cli", "report", "2026-03-01..2026-03-31 by hour", "csv")
    ]


def test_a_bad_query_says_why_and_writes_nothing(settings: Settings) -> None:
    result = admin(settings, "report", "--from", "2026-03-10", "--to", "2026-03-01")
    assert (result.code, result.out) == (2, "")
    assert "from (2026-03-10) is after to (2026-03-01)" in result.err
    result = admin(settings, "report", "--from", "2026-03-10", "--to", "2026-03-10", "--by", "x")
    assert result.code == 2 and "'x' is not one of site, district" in result.err
    assert with_store(settings, lambda s: s.audit_log(5)) == []
