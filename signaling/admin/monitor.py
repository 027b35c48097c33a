"""The fleet monitor: watches kiosks through the switchboard and keeps what the dashboard shows.

An adapter around the pure rules of :mod:`signaling.admin.fleet`. The switchboard tells it of
connects, messages and disconnects (it is a :class:`~signaling.switchboard.KioskObserver`); a
periodic :meth:`FleetMonitor.tick` lets time pass (a silent kiosk turns stale, then offline). Each
change bumps :attr:`FleetMonitor.version` and wakes whoever waits in :meth:`wait_change` (the
dashboard's live stream).

Held in memory only: when each kiosk was last heard (pings are not written to the database), its
latest health report, recent connection events and the results of remote actions. After a server
restart these are rebuilt from the store (last seen, latest health report); a device fault that had
recovered but was not yet acknowledged is not remembered across a restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from signaling import messages as m
from signaling.admin.fleet import (
    Fault,
    FaultBook,
    FleetRules,
    KioskLine,
    KioskState,
    QualitySummary,
    kiosk_state,
    summarize_quality,
)
from signaling.devices import DeviceState, KioskStatus, device_state, kiosk_status
from signaling.errors import KiosklinkError
from signaling.store import KioskRecord, Store

TIMELINE_LENGTH = 200  # connection events kept per kiosk
COMMANDS_KEPT = 200
QUALITY_WINDOW_S = 24 * 3600.0
QUALITY_CACHE_S = 15.0
DEFAULT_RULES = FleetRules()


@dataclass(frozen=True)
class CommandOutcome:
    """One remote action: who sent it, and the kiosk's answer once it came."""

    command_id: str
    kiosk_id: str
    action: str
    sent_by: str
    sent_at: float
    ok: bool | None = None  # None: no answer yet
    output: str = ""
    answered_at: float | None = None


class KioskNotConnected(KiosklinkError):
    """A remote action for a kiosk that is not connected: nothing was sent."""


class FleetMonitor:
    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], float],
        send: Callable[[str, m.Command], bool],
        rules: FleetRules = DEFAULT_RULES,
    ) -> None:
        self.store = store
        self.rules = rules
        self.faults = FaultBook()
        self.version = 0
        self._clock = clock
        self._send = send
        self._kiosks: dict[str, KioskRecord] = {}
        self._connected: set[str] = set()
        self._last_heard: dict[str, float] = {}
        self._health: dict[str, tuple[float, m.HealthReport]] = {}
        self._states: dict[str, KioskState] = {}
        self._timeline: dict[str, deque[tuple[float, str]]] = {}
        self._commands: OrderedDict[str, CommandOutcome] = OrderedDict()
        self._quality: tuple[float, dict[str, QualitySummary]] | None = None
        self._changed = asyncio.Event()
        self._closed = False

    # --- start-up and time ---------------------------------------------------------------------

    async def load(self) -> None:
        """Read the kiosks and their latest health from the store (after a restart)."""
        await self.refresh_kiosks()
        for kiosk_id in sorted(self._kiosks):
            record = await self.store.latest_health(kiosk_id)
            if record is not None:
                self._health[kiosk_id] = (record.at, record.report)
                self.faults.observe_health(kiosk_id, record.report, record.at, self.rules)
        self.tick(self._clock())

    async def refresh_kiosks(self) -> None:
        """Pick up kiosks added or revoked through the CLI since the last look."""
        kiosks = {k.id: k for k in await self.store.list_kiosks() if not k.revoked}
        for gone in sorted(self._kiosks.keys() - kiosks.keys()):
            self.faults.forget_kiosk(gone)
            self._bump()
        for kiosk_id, record in kiosks.items():
            if kiosk_id not in self._kiosks and record.last_seen is not None:
                self._last_heard.setdefault(kiosk_id, record.last_seen)
            known = self._kiosks.get(kiosk_id)
            if known is not None and (known.last_seen or 0.0) > (record.last_seen or 0.0):
                # The store is written behind the switchboard (one ordered writer): what this
                # monitor heard at a connect may be newer than the row it just read.
                kiosks[kiosk_id] = replace(
                    record, app_version=known.app_version, last_seen=known.last_seen
                )
        if kiosks.keys() != self._kiosks.keys():
            self._bump()
        self._kiosks = kiosks

    def tick(self, now: float) -> None:
        """Let time pass: re-derive every kiosk's state and the missed-heartbeat faults."""
        changed = False
        for kiosk_id in sorted(self._kiosks):
            state = self.state_of(kiosk_id, now)
            if self._states.get(kiosk_id) != state:
                self._states[kiosk_id] = state
                changed = True
            changed |= self.faults.observe_state(kiosk_id, state, now)
        if changed:
            self._bump()

    async def wait_change(self, seen_version: int, timeout_s: float) -> int:
        """Wait until :attr:`version` moves past ``seen_version`` or ``timeout_s`` passes."""
        if self.version == seen_version:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), timeout_s)
        return self.version

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """The server is shutting down: wake and end every live stream."""
        self._closed = True
        self._bump()

    def _bump(self) -> None:
        self.version += 1
        self._changed.set()
        self._changed = asyncio.Event()

    # --- what the switchboard tells us (KioskObserver) -------------------------------------------

    def kiosk_connected(self, kiosk: KioskRecord, app_version: str, at: float) -> None:
        self._kiosks[kiosk.id] = replace(kiosk, app_version=app_version, last_seen=at)
        self._connected.add(kiosk.id)
        self._last_heard[kiosk.id] = at
        self._event(kiosk.id, at, "connected")
        self.tick(at)

    def kiosk_message(self, kiosk_id: str, message: m.KioskMessage, at: float) -> None:
        self._last_heard[kiosk_id] = at
        match message:
            case m.Health(report=report):
                self._health[kiosk_id] = (at, report)
                self.faults.observe_health(kiosk_id, report, at, self.rules)
                self._bump()  # new figures either way
            case m.CommandResult(command_id=command_id, ok=ok, output=output):
                self._answer(kiosk_id, command_id, ok, output, at)
            case m.QualityReport():
                self._quality = None  # the next snapshot re-reads the day's figures
        if self._states.get(kiosk_id) != "online":
            self.tick(at)

    def kiosk_disconnected(self, kiosk_id: str, at: float) -> None:
        self._connected.discard(kiosk_id)
        self._event(kiosk_id, at, "disconnected")
        self.tick(at)

    def _event(self, kiosk_id: str, at: float, what: str) -> None:
        line = self._timeline.setdefault(kiosk_id, deque(maxlen=TIMELINE_LENGTH))
        line.append((at, what))

    # --- remote actions --------------------------------------------------------------------------

    def send_command(self, kiosk_id: str, action: str, text: str, *, by: str) -> CommandOutcome:
        """Send a remote action; raises :class:`KioskNotConnected` when it cannot be delivered."""
        command_id = "c" + secrets.token_hex(6)
        command = m.Command(command_id=command_id, action=action, text=text)
        if not self._send(kiosk_id, command):
            raise KioskNotConnected(f"kiosk {kiosk_id!r} is not connected")
        outcome = CommandOutcome(command_id, kiosk_id, action, by, self._clock())
        self._commands[command_id] = outcome
        while len(self._commands) > COMMANDS_KEPT:
            self._commands.popitem(last=False)
        self._bump()
        return outcome

    def command(self, command_id: str) -> CommandOutcome | None:
        return self._commands.get(command_id)

    def acknowledge(self, fault_id: str, *, by: str, now: float) -> Fault:
        """IT has seen the fault (see the rules in :mod:`signaling.admin.fleet`)."""
        fault = self.faults.acknowledge(fault_id, by=by, now=now)
        self._bump()
        return fault

    def commands_for(self, kiosk_id: str) -> list[CommandOutcome]:
        """The kiosk's recent remote actions, newest first."""
        return [c for c in reversed(self._commands.values()) if c.kiosk_id == kiosk_id]

    def _answer(self, kiosk_id: str, command_id: str, ok: bool, output: str, at: float) -> None:
        sent = self._commands.get(command_id)
        if sent is None or sent.kiosk_id != kiosk_id:
            return  # not ours, or another kiosk's: ignore rather than trust it
        self._commands[command_id] = replace(sent, ok=ok, output=output, answered_at=at)
        self._bump()

    # --- what the dashboard and /metrics read --------------------------------------------------

    def kiosks(self) -> list[KioskRecord]:
        return [self._kiosks[k] for k in sorted(self._kiosks)]

    def kiosk(self, kiosk_id: str) -> KioskRecord | None:
        return self._kiosks.get(kiosk_id)

    def state_of(self, kiosk_id: str, now: float) -> KioskState:
        return kiosk_state(
            connected=kiosk_id in self._connected,
            last_heard=self._last_heard.get(kiosk_id),
            now=now,
            rules=self.rules,
        )

    def devices(self, kiosk_id: str) -> DeviceState:
        """The kiosk's devices by its latest health report (unknown before the first)."""
        health = self._health.get(kiosk_id)
        return device_state(health[1] if health else None)

    def status_of(self, kiosk_id: str, now: float) -> KioskStatus:
        """What the fleet list shows: the connection's state, or degraded (signaling.devices)."""
        return kiosk_status(self.state_of(kiosk_id, now), self.devices(kiosk_id))

    def last_heard(self, kiosk_id: str) -> float | None:
        return self._last_heard.get(kiosk_id)

    def connected(self, kiosk_id: str) -> bool:
        return kiosk_id in self._connected

    def health(self, kiosk_id: str) -> tuple[float, m.HealthReport] | None:
        return self._health.get(kiosk_id)

    def timeline(self, kiosk_id: str) -> list[tuple[float, str]]:
        return list(self._timeline.get(kiosk_id, ()))

    def line(self, kiosk_id: str, now: float) -> KioskLine:
        k = self._kiosks[kiosk_id]
        status = self.status_of(kiosk_id, now)
        return KioskLine(k.id, k.name, k.site, status, self._last_heard.get(kiosk_id))

    async def quality_by_kiosk(self, now: float) -> dict[str, QualitySummary]:
        """Each kiosk's call quality over the last day (cached briefly: many dashboards poll)."""
        if self._quality is not None and now - self._quality[0] < QUALITY_CACHE_S:
            return self._quality[1]
        per_kiosk: dict[str, list[m.Quality]] = {}
        for sample in await self.store.quality_samples(since=now - QUALITY_WINDOW_S):
            per_kiosk.setdefault(sample.kiosk_id, []).append(sample.quality)
        summaries = {k: summarize_quality(v) for k, v in per_kiosk.items()}
        self._quality = (now, summaries)
        return summaries


def fault_json(fault: Fault) -> dict[str, Any]:
    return {
        "id": fault.id,
        "kiosk_id": fault.kiosk_id,
        "kind": fault.kind,
        "detail": fault.detail,
        "opened_at": fault.opened_at,
        "active": fault.active,
        "cleared_at": fault.cleared_at,
        "self_clearing": fault.self_clearing,
        "acknowledged_by": fault.acknowledged_by,
        "acknowledged_at": fault.acknowledged_at,
    }


def command_json(outcome: CommandOutcome) -> dict[str, Any]:
    return {
        "command_id": outcome.command_id,
        "kiosk_id": outcome.kiosk_id,
        "action": outcome.action,
        "sent_by": outcome.sent_by,
        "sent_at": outcome.sent_at,
        "ok": outcome.ok,
        "output": outcome.output,
        "answered_at": outcome.answered_at,
    }
