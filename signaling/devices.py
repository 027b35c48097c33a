"""One truth about a kiosk's devices: what it lacks, and whether that makes it *degraded*.

Pure: no I/O, no clock. The kiosk app, the adviser console and the fleet dashboard all read a
kiosk's camera, microphone and speaker through :func:`device_state`, so they cannot disagree
(issue #12, item 6). Its input is the kiosk's latest :class:`~signaling.messages.HealthReport`.

Rules:

* A device *works* when the report says it is present **and** working. Anything else is a
  :class:`DeviceProblem`: ``missing`` (not found at all) or not working (found, but failing).
* A kiosk with one or more problems is **degraded**: it still takes calls, without what it lacks
  (no camera: audio only; no microphone: text only), so it is neither fine nor down.
* Before any report nothing is known: no problems, and ``reported`` is False. Callers show
  "unknown" rather than a guess; an unknown kiosk is never called degraded.
* :func:`kiosk_status` puts the connection first: a stale or offline kiosk is that, whatever its
  devices; only a kiosk that is online can be degraded.

    >>> state = device_state(report)          # report: HealthReport | None
    >>> state.degraded, state.lacking         # (True, ("camera",))
    >>> kiosk_status("online", state)         # "degraded"
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from signaling.messages import DeviceHealth, HealthReport

Device = Literal["camera", "microphone", "speaker"]
Connection = Literal["online", "stale", "offline"]
KioskStatus = Literal["online", "degraded", "stale", "offline"]

DEVICES: tuple[Device, ...] = get_args(Device)
STATUSES: tuple[KioskStatus, ...] = get_args(KioskStatus)


@dataclass(frozen=True)
class DeviceProblem:
    """One device that does not work: ``missing`` when it was not found at all."""

    device: Device
    missing: bool
    detail: str  # the kiosk's own words ("USB camera not found"); may be empty


@dataclass(frozen=True)
class DeviceState:
    """What a kiosk's devices allow, from one health report (see the module's rules)."""

    reported: bool
    problems: tuple[DeviceProblem, ...] = ()  # in DEVICES order

    @property
    def degraded(self) -> bool:
        return bool(self.problems)

    @property
    def lacking(self) -> tuple[Device, ...]:
        """The devices that do not work, in DEVICES order."""
        return tuple(p.device for p in self.problems)

    def works(self, device: Device) -> bool | None:
        """True or False from the report; None when no report has come yet."""
        if not self.reported:
            return None
        return device not in self.lacking


def device_state(report: HealthReport | None) -> DeviceState:
    """The kiosk's device state from its latest health report (None: none received yet)."""
    if report is None:
        return DeviceState(reported=False)
    problems = tuple(
        problem
        for device in DEVICES
        if (problem := _problem(device, getattr(report, device))) is not None
    )
    return DeviceState(reported=True, problems=problems)


def kiosk_status(connection: Connection, devices: DeviceState) -> KioskStatus:
    """The state the fleet shows: the connection's, except an online kiosk lacking a device."""
    if connection == "online" and devices.degraded:
        return "degraded"
    return connection


def _problem(device: Device, health: DeviceHealth) -> DeviceProblem | None:
    if health.present and health.working:
        return None
    return DeviceProblem(device, missing=not health.present, detail=health.detail)
