"""Fleet health rules (pure): a kiosk's state, its faults, and what acknowledging a fault does.

No I/O, no clock: every function takes ``now``. The adapter (:mod:`signaling.admin.monitor`) feeds
it heartbeats, health reports and connection changes, and shows what it returns.

State of a kiosk (issue #6, "What IT sees"):

========  ===================================================================================
online    connected, and heard from (any message: ping, health, ...) within ``online_within_s``
stale     connected, but silent for longer than that (a half-open socket, a hung app)
offline   not connected, or silent for longer than ``offline_after_s``
========  ===================================================================================

The dashboard shows a fourth, **degraded**: online but lacking a camera, microphone or speaker by
its latest health report. That rule is :func:`signaling.devices.kiosk_status`, shared with the
console and the kiosk; here the state is the connection's only (a missed heartbeat is a fault,
a missing camera a different one).

Faults, two families with different endings:

* **Self-clearing** (``no_heartbeat``, ``disk_low``, ``relay_unreachable``: the kiosk cannot reach
  a STUN/TURN server it was given): open while the condition holds, gone the
  moment it stops (the kiosk is back, space was freed). Acknowledging one only records that IT has
  seen it.
* **Device** (``camera``, ``microphone``, ``speaker``): open when a health report says the device is
  missing or not working. They *stay* until IT acknowledges them, even after the device works again
  (an intermittent camera must not vanish from the board unseen). An acknowledged fault closes as
  soon as the device works; a fault that recovered before being acknowledged closes on the
  acknowledgement. A device that breaks again while its fault is still listed reopens that fault.

Only the broken feature is switched off on the kiosk (video off, audio only); that is the kiosk
app's job. Here a fault is never a reason to call the whole kiosk down.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from statistics import fmean
from typing import Literal, get_args

from signaling.devices import DEVICES, Device, KioskStatus
from signaling.errors import KiosklinkError
from signaling.messages import DeviceHealth, HealthReport, Quality

KioskState = Literal["online", "stale", "offline"]
FaultKind = Literal[
    "no_heartbeat", "disk_low", "relay_unreachable", "camera", "microphone", "speaker"
]

STATES: tuple[KioskState, ...] = get_args(KioskState)
SELF_CLEARING: frozenset[FaultKind] = frozenset({"no_heartbeat", "disk_low", "relay_unreachable"})


@dataclass(frozen=True)
class FleetRules:
    """The thresholds; the defaults are issue #6's (online = heard within two minutes)."""

    online_within_s: float = 120.0
    offline_after_s: float = 300.0
    disk_low_bytes: int = 1024**3


def kiosk_state(
    *, connected: bool, last_heard: float | None, now: float, rules: FleetRules = FleetRules()
) -> KioskState:
    """The kiosk's state at ``now`` from whether it is connected and when it was last heard."""
    if not connected or last_heard is None:
        return "offline"
    silent_for = now - last_heard
    if silent_for <= rules.online_within_s:
        return "online"
    return "stale" if silent_for <= rules.offline_after_s else "offline"


@dataclass(frozen=True)
class Fault:
    id: str
    kiosk_id: str
    kind: FaultKind
    opened_at: float
    detail: str
    active: bool = True  # the condition still holds
    cleared_at: float | None = None  # when it last stopped holding
    acknowledged_by: str | None = None
    acknowledged_at: float | None = None

    @property
    def self_clearing(self) -> bool:
        return self.kind in SELF_CLEARING

    @property
    def needs_attention(self) -> bool:
        """Shown as a warning: not yet acknowledged."""
        return self.acknowledged_at is None


class UnknownFault(KiosklinkError, LookupError):
    """Acknowledging a fault that is not (or no longer) listed."""


class FaultBook:
    """Every listed fault of the fleet, keyed by (kiosk, kind): at most one of each per kiosk.

    Each ``observe_*`` call returns whether the list changed (so the adapter knows to push an
    update). Iteration order is deterministic: by opening time, then id.
    """

    def __init__(self) -> None:
        self._faults: dict[tuple[str, FaultKind], Fault] = {}
        self._seq = 0

    def faults(self, kiosk_id: str | None = None) -> list[Fault]:
        found = (f for f in self._faults.values() if kiosk_id in (None, f.kiosk_id))
        return sorted(found, key=lambda f: (f.opened_at, f.id))

    def observe_state(self, kiosk_id: str, state: KioskState, now: float) -> bool:
        """Open or clear the missed-heartbeat fault to match the kiosk's state."""
        return self._condition(kiosk_id, "no_heartbeat", state != "online", state, now)

    def observe_health(
        self, kiosk_id: str, report: HealthReport, now: float, rules: FleetRules = FleetRules()
    ) -> bool:
        """Open, reopen or clear faults from one health report."""
        free = report.disk_free_bytes
        changed = self._condition(
            kiosk_id, "disk_low", free < rules.disk_low_bytes, f"{free} bytes free", now
        )
        warnings = "; ".join(report.ice_warnings)[:500]
        changed |= self._condition(
            kiosk_id, "relay_unreachable", bool(report.ice_warnings), warnings, now
        )
        for device in DEVICES:
            health: DeviceHealth = getattr(report, device)
            changed |= self._device(kiosk_id, device, health, now)
        return changed

    def acknowledge(self, fault_id: str, *, by: str, now: float) -> Fault:
        """Record that ``by`` has seen the fault; returns it as acknowledged.

        A device fault that already recovered closes now; any other fault stays listed until its
        condition ends. Raises :class:`UnknownFault` when no listed fault has this id.
        """
        key = next((k for k, f in self._faults.items() if f.id == fault_id), None)
        if key is None:
            raise UnknownFault(f"no open fault {fault_id!r}")
        fault = replace(self._faults[key], acknowledged_by=by, acknowledged_at=now)
        if fault.active or fault.self_clearing:
            self._faults[key] = fault
        else:
            del self._faults[key]
        return fault

    def forget_kiosk(self, kiosk_id: str) -> None:
        """Drop a revoked kiosk's faults."""
        for key in [k for k in self._faults if k[0] == kiosk_id]:
            del self._faults[key]

    def _condition(
        self, kiosk_id: str, kind: FaultKind, holds: bool, detail: str, now: float
    ) -> bool:
        key = (kiosk_id, kind)
        fault = self._faults.get(key)
        if holds and fault is None:
            self._faults[key] = self._new(kiosk_id, kind, detail, now)
            return True
        if holds and fault is not None and fault.detail != detail:
            self._faults[key] = replace(fault, detail=detail)
            return True
        if not holds and fault is not None:
            del self._faults[key]
            return True
        return False

    def _device(self, kiosk_id: str, device: Device, health: DeviceHealth, now: float) -> bool:
        key = (kiosk_id, device)
        fault = self._faults.get(key)
        broken = not (health.present and health.working)
        if broken:
            detail = health.detail or ("not found" if not health.present else "not working")
            if fault is None:
                self._faults[key] = self._new(kiosk_id, device, detail, now)
                return True
            if fault.active and fault.detail == detail:
                return False
            self._faults[key] = replace(fault, active=True, cleared_at=None, detail=detail)
            return True
        if fault is None or not fault.active:
            return False
        if fault.acknowledged_at is not None:
            del self._faults[key]
        else:
            self._faults[key] = replace(fault, active=False, cleared_at=now)
        return True

    def _new(self, kiosk_id: str, kind: FaultKind, detail: str, now: float) -> Fault:
        self._seq += 1
        return Fault(f"f{self._seq}", kiosk_id, kind, now, detail)


# --- call quality, per kiosk, never per resident ---------------------------------------------


@dataclass(frozen=True)
class QualitySummary:
    samples: int
    rtt_ms: float | None
    packet_loss_ratio: float | None
    fps: float | None


def summarize_quality(samples: Iterable[Quality]) -> QualitySummary:
    """Means of the figures that were reported; a figure nobody reported stays None."""
    rtt: list[float] = []
    loss: list[float] = []
    fps: list[float] = []
    count = 0
    for q in samples:
        count += 1
        _add(rtt, q.rtt_ms)
        _add(loss, q.packet_loss_ratio)
        _add(fps, q.fps)
    return QualitySummary(count, _mean(rtt), _mean(loss), _mean(fps))


def _add(values: list[float], value: float | None) -> None:
    if value is not None:
        values.append(value)


def _mean(values: Sequence[float]) -> float | None:
    return round(fmean(values), 4) if values else None


# --- the dashboard's list: sort and filter ---------------------------------------------------

SortKey = Literal["name", "site", "state", "last_seen"]
_STATE_RANK = {"offline": 0, "stale": 1, "degraded": 2, "online": 3}


@dataclass(frozen=True)
class KioskLine:
    """What one row of the fleet list needs to be sorted and filtered."""

    kiosk_id: str
    name: str
    site: str
    state: KioskStatus  # the connection's state, or degraded (signaling.devices.kiosk_status)
    last_seen: float | None


def select_kiosks(
    lines: Iterable[KioskLine],
    *,
    site: str | None = None,
    state: KioskStatus | None = None,
    sort: SortKey = "state",
) -> list[KioskLine]:
    """Filter by site and state, then sort; "state" puts the offline ones first, where IT looks,
    then stale, then degraded."""
    chosen = [x for x in lines if site in (None, x.site) and state in (None, x.state)]
    keys = {
        "name": lambda x: (x.name, x.kiosk_id),
        "site": lambda x: (x.site, x.name, x.kiosk_id),
        "state": lambda x: (_STATE_RANK[x.state], x.site, x.name, x.kiosk_id),
        "last_seen": lambda x: (-(x.last_seen or 0.0), x.kiosk_id),
    }
    return sorted(chosen, key=keys[sort])
