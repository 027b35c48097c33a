"""A party that goes silent mid-call without closing anything (docs/protocol.md §Faults).

The far party runs in its own OS process (tests/e2e/far_party.py) and is stopped with SIGSTOP:
no FIN, no close frame, its socket looks alive to the server for the whole heartbeat timeout. Only
the other side's media watchdog (rtc.call: 3 s without video) can notice. Default server settings,
so the figures are what a site would see; each step's time since the stop is printed (run with
``-s``) and recorded in docs/performance.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from kiosklink.headless import HeadlessParty, headless_adviser, headless_kiosk
from rtc.signaling_client import ClientEvent, Connected
from signaling import messages as m
from signaling.embedded import EmbeddedServer

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"
TOLD_WITHIN_S = 5.0
BACK_IN_LINE_WITHIN_S = 20.0


class FarParty:
    """tests/e2e/far_party.py in a child process; its printed steps are collected as they come."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc
        self.lines: list[str] = []
        self._reader = asyncio.create_task(self._read())

    @classmethod
    async def start(cls, *args: str) -> FarParty:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.e2e.far_party",
            *args,
            cwd=ROOT,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        return cls(proc)

    async def _read(self) -> None:
        assert self.proc.stdout is not None
        async for raw in self.proc.stdout:
            self.lines.append(raw.decode(errors="replace").rstrip())

    async def wait_for(self, text: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not any(text in line for line in self.lines):
            if self.proc.returncode is not None or time.monotonic() > deadline:
                said = "\n".join(self.lines[-30:])
                raise AssertionError(f"far party never said {text!r}; its last lines:\n{said}")
            await asyncio.sleep(0.05)

    def stop(self) -> None:
        """SIGSTOP: the process freezes with its sockets open, as a hung machine does."""
        os.kill(self.proc.pid, signal.SIGSTOP)

    async def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.proc.pid, signal.SIGCONT)
            self.proc.kill()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.proc.wait(), 10)
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader


@pytest.fixture
async def cleanup() -> AsyncIterator[list[HeadlessParty | FarParty]]:
    started: list[HeadlessParty | FarParty] = []
    yield started
    for party in reversed(started):
        if isinstance(party, FarParty):
            await party.kill()
        else:
            await party.close()


def received(party: HeadlessParty, since: int, kind: type[m.Message], **fields: object) -> bool:
    return any(_matches(e, kind, fields) for e in party.events[since:])


def _matches(event: ClientEvent, kind: type[m.Message], fields: dict[str, object]) -> bool:
    return isinstance(event, kind) and all(getattr(event, k) == v for k, v in fields.items())


async def seconds_until(
    predicate: Callable[[], bool], since: float, timeout: float, what: str
) -> float:
    """Poll every 20 ms, up to ``timeout`` s after ``since``; the seconds from ``since`` until
    ``predicate()`` held."""
    while not predicate():
        if time.monotonic() - since > timeout:
            raise AssertionError(f"{what}: not within {timeout:.0f} s of the stop")
        await asyncio.sleep(0.02)
    return time.monotonic() - since


async def adviser_party(server: EmbeddedServer, username: str) -> HeadlessParty:
    server.add_adviser(username, PASSWORD, {"ar": "native"})
    party = await headless_adviser(
        server.http_url, server.adviser_url, username, PASSWORD, name=username, auto_accept=True
    )
    await party.wait_until(lambda: any(isinstance(e, Connected) for e in party.events), 20)
    return party


def in_media(party: HeadlessParty, frames: int = 15, *, calls: int = 1) -> bool:
    """The party's ``calls``-th call has decoded ``frames`` remote video frames."""
    return len(party.calls) >= calls and party.calls[calls - 1].frames >= frames


async def test_a_stopped_adviser_is_noticed_and_the_caller_is_back_at_the_head(
    running_server: EmbeddedServer, cleanup: list[HeadlessParty | FarParty]
) -> None:
    server = running_server
    server.add_adviser("amal", PASSWORD, {"ar": "native"})
    far = await FarParty.start("adviser", server.http_url, server.adviser_url, "amal", PASSWORD)
    cleanup.append(far)
    await far.wait_for("amal: ready", 30)
    kiosk = await headless_kiosk(server.kiosk_url, server.add_kiosk("K1", "Rinkeby bibliotek"))
    cleanup.append(kiosk)
    await kiosk.wait_until(lambda: any(isinstance(e, Connected) for e in kiosk.events), 20)
    await kiosk.join("ar")
    await kiosk.wait_until(lambda: in_media(kiosk), 40)
    await far.wait_for("amal: first frame", 20)
    omar = await adviser_party(server, "omar")
    cleanup.append(omar)
    await omar.go_available()
    await asyncio.sleep(1.0)  # omar is idle: the caller is in a call, no one else waits

    since, stopped = len(kiosk.events), time.monotonic()
    far.stop()
    told = await seconds_until(
        lambda: received(kiosk, since, m.Reconnecting), stopped, 30, "kiosk told reconnecting"
    )
    requeued = await seconds_until(
        lambda: received(kiosk, since, m.CallEnded, reason="requeued"),
        stopped,
        40,
        "kiosk requeued",
    )
    queued = await seconds_until(
        lambda: received(kiosk, since, m.Queued), stopped, 40, "kiosk back in line"
    )
    first = next(e for e in kiosk.events[since:] if isinstance(e, m.Queued))
    offered = await seconds_until(
        lambda: any(isinstance(e, m.Offer) for e in omar.events), stopped, 40, "omar offered"
    )
    started = await seconds_until(
        lambda: received(kiosk, since, m.CallStarted, peer_name="Omar"),
        stopped,
        40,
        "kiosk in a call with omar",
    )
    media = await seconds_until(
        lambda: in_media(kiosk, 1, calls=2), stopped, 60, "omar's video at the kiosk"
    )
    print(
        f"\nadviser stopped: kiosk told reconnecting {told:.1f} s, call_ended(requeued) "
        f"{requeued:.1f} s, queued(position {first.position}) {queued:.1f} s, omar offered "
        f"{offered:.1f} s, call_started {started:.1f} s, "
        f"first frame from omar {media:.1f} s"
    )
    assert told <= TOLD_WITHIN_S
    assert first.position == 1
    assert max(requeued, queued, offered) <= BACK_IN_LINE_WITHIN_S


async def test_a_stopped_kiosk_is_noticed_by_the_adviser(
    running_server: EmbeddedServer, cleanup: list[HeadlessParty | FarParty]
) -> None:
    server = running_server
    amal = await adviser_party(server, "amal")
    cleanup.append(amal)
    await amal.go_available()
    far = await FarParty.start("kiosk", server.kiosk_url, server.add_kiosk("K1", "Husby"), "ar")
    cleanup.append(far)
    await far.wait_for("kiosk: ready", 30)
    await amal.wait_until(lambda: in_media(amal), 40)
    await far.wait_for("kiosk: first frame", 20)

    since, stopped = len(amal.events), time.monotonic()
    far.stop()
    told = await seconds_until(
        lambda: received(amal, since, m.Reconnecting), stopped, 30, "adviser told reconnecting"
    )
    ended = await seconds_until(
        lambda: received(amal, since, m.CallEnded, reason="peer_left"),
        stopped,
        40,
        "adviser's call ended",
    )
    wrap = await seconds_until(
        lambda: received(amal, since, m.AdviserStatus, status="wrap_up"),
        stopped,
        40,
        "adviser in wrap-up",
    )
    print(
        f"\nkiosk stopped: adviser told reconnecting {told:.1f} s, call_ended(peer_left) "
        f"{ended:.1f} s, wrap-up {wrap:.1f} s"
    )
    assert told <= TOLD_WITHIN_S
    assert ended <= BACK_IN_LINE_WITHIN_S


async def test_an_adviser_back_within_the_media_grace_keeps_the_call(
    running_server: EmbeddedServer, cleanup: list[HeadlessParty | FarParty]
) -> None:
    server = running_server
    server.add_adviser("amal", PASSWORD, {"ar": "native"})
    far = await FarParty.start("adviser", server.http_url, server.adviser_url, "amal", PASSWORD)
    cleanup.append(far)
    await far.wait_for("amal: ready", 30)
    kiosk = await headless_kiosk(server.kiosk_url, server.add_kiosk("K1", "Rinkeby bibliotek"))
    cleanup.append(kiosk)
    await kiosk.wait_until(lambda: any(isinstance(e, Connected) for e in kiosk.events), 20)
    await kiosk.join("ar")
    await kiosk.wait_until(lambda: in_media(kiosk), 40)

    since, stopped = len(kiosk.events), time.monotonic()
    far.stop()
    await seconds_until(lambda: received(kiosk, since, m.Reconnecting), stopped, 10, "told")
    await asyncio.sleep(max(0.0, stopped + 6.0 - time.monotonic()))
    os.kill(far.proc.pid, signal.SIGCONT)  # a 6 s hiccup: back within the 8 s media grace
    back = await seconds_until(
        lambda: received(kiosk, since, m.Reconnected), stopped, 20, "kiosk told reconnected"
    )
    frames = kiosk.calls[0].frames
    await kiosk.wait_until(lambda: kiosk.calls[0].frames >= frames + 30, 20)
    await asyncio.sleep(10)  # past any grace the interruption started
    print(f"\nadviser stopped for 6 s: kiosk told reconnected {back:.1f} s after the stop")
    assert not received(kiosk, since, m.CallEnded)
    assert len(kiosk.calls) == 1 and kiosk.in_call
