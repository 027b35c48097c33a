"""signaling.devices: one truth about a kiosk's devices. Pure, no loop."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from signaling.devices import (
    DEVICES,
    DeviceProblem,
    device_state,
    kiosk_status,
)
from signaling.messages import DeviceHealth, HealthReport

OK = DeviceHealth(present=True, working=True)
MISSING = DeviceHealth(present=False, working=False, detail="USB camera not found")
FAILING = DeviceHealth(present=True, working=False)


def report(
    camera: DeviceHealth = OK, microphone: DeviceHealth = OK, speaker: DeviceHealth = OK
) -> HealthReport:
    return HealthReport(
        app_version="1.0.0",
        uptime_s=10,
        camera=camera,
        microphone=microphone,
        speaker=speaker,
        cpu_ratio=0.2,
        memory_ratio=0.3,
        disk_free_bytes=10**11,
    )


def test_all_devices_working_is_not_degraded() -> None:
    state = device_state(report())
    assert state.reported and not state.degraded
    assert state.lacking == ()
    assert kiosk_status("online", state) == "online"


def test_a_missing_camera_makes_an_online_kiosk_degraded() -> None:
    state = device_state(report(camera=MISSING))
    assert state.degraded
    assert state.lacking == ("camera",)
    assert state.problems == (DeviceProblem("camera", missing=True, detail="USB camera not found"),)
    assert kiosk_status("online", state) == "degraded"


@pytest.mark.parametrize("device", DEVICES)
def test_each_device_that_does_not_work_degrades(device: str) -> None:
    state = device_state(report(**{device: FAILING}))
    assert state.lacking == (device,)
    assert state.problems[0].missing is False  # found, but failing
    assert state.works(device) is False  # type: ignore[arg-type]
    assert kiosk_status("online", state) == "degraded"


def test_problems_are_listed_in_device_order() -> None:
    state = device_state(report(camera=FAILING, microphone=OK, speaker=MISSING))
    assert state.lacking == ("camera", "speaker")
    assert state.works("microphone") is True


def test_no_report_yet_is_unknown_not_degraded() -> None:
    state = device_state(None)
    assert not state.reported and not state.degraded
    assert state.works("camera") is None
    assert kiosk_status("online", state) == "online"


@pytest.mark.parametrize("connection", ["stale", "offline"])
def test_the_connection_outranks_the_devices(connection: str) -> None:
    broken = device_state(report(camera=MISSING, microphone=MISSING, speaker=MISSING))
    assert kiosk_status(connection, broken) == connection  # type: ignore[arg-type]


healths = st.sampled_from([OK, MISSING, FAILING])


@given(healths, healths, healths)
def test_degraded_exactly_when_some_device_is_not_present_and_working(
    camera: DeviceHealth, microphone: DeviceHealth, speaker: DeviceHealth
) -> None:
    state = device_state(report(camera, microphone, speaker))
    broken = {
        name
        for name, health in zip(DEVICES, (camera, microphone, speaker), strict=True)
        if not (health.present and health.working)
    }
    assert set(state.lacking) == broken
    assert state.degraded == bool(broken)
    assert kiosk_status("online", state) == ("degraded" if broken else "online")
