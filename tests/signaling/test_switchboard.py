"""The switchboard adapter alone: its one ordered store writer, with a fake store (no SQLite)."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any, cast

import pytest

from signaling import exchange as x
from signaling.store import Store
from signaling.switchboard import Switchboard
from tests.conftest import make_settings


class FakeStore:
    """Records each write; a write can be made slow or failing, to show the order holds."""

    def __init__(self) -> None:
        self.writes: list[tuple[str, str]] = []
        self.slow: set[str] = set()
        self.failing: set[str] = set()

    async def _write(self, kind: str, key: str) -> None:
        if key in self.slow:
            await asyncio.sleep(0.05)  # another write must not overtake this one
        if key in self.failing:
            raise RuntimeError(f"disk full at {key}")
        self.writes.append((kind, key))

    async def save_waiting(self, caller_id: str, **_: Any) -> None:
        await self._write("save", caller_id)

    async def delete_waiting(self, caller_id: str) -> None:
        await self._write("delete", caller_id)

    async def close_call(self, call_id: str, **_: Any) -> None:
        await self._write("close", call_id)


def save(caller_id: str) -> x.SaveWaiting:
    return x.SaveWaiting(caller_id, "k1", "ar", None, (), 0, 1.0, "hash")


async def test_store_commands_are_written_one_at_a_time_in_order(tmp_path: Path) -> None:
    fake = FakeStore()
    fake.slow.add("c1")
    board = Switchboard(make_settings(tmp_path), cast(Store, fake))
    board._perform([save("c1"), x.DeleteWaiting("c1"), save("c2")])
    board._perform([x.CloseCall("c1", 2.0, "cancelled")])
    await asyncio.wait_for(board.flush(), 5)
    assert fake.writes == [("save", "c1"), ("delete", "c1"), ("save", "c2"), ("close", "c1")]
    await board.close()


async def test_a_failed_write_is_logged_and_the_next_ones_go_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fake = FakeStore()
    fake.failing.add("c1")
    board = Switchboard(make_settings(tmp_path), cast(Store, fake))
    with caplog.at_level(logging.ERROR):
        board._perform([save("c1"), save("c2")])
        await asyncio.wait_for(board.flush(), 5)
    assert fake.writes == [("save", "c2")]
    assert "store command failed" in caplog.text
    await board.close()


async def test_close_writes_what_is_queued_first(tmp_path: Path) -> None:
    fake = FakeStore()
    fake.slow.update({"c1", "c2"})
    board = Switchboard(make_settings(tmp_path), cast(Store, fake))
    board._perform([save("c1"), save("c2")])
    await asyncio.wait_for(board.close(), 5)
    assert fake.writes == [("save", "c1"), ("save", "c2")]
