"""Choosing sound devices (echo-cancelled first) and the echo-cancel config that provides them."""

from __future__ import annotations

from pathlib import Path

from rtc.media.devices import ECHO_CANCEL_HINTS, find_device, pick_device

DEVICES = [
    {
        "name": "HDA Intel PCH: ALC3246 Analog (hw:0,0)",
        "max_input_channels": 2,
        "max_output_channels": 2,
    },
    {"name": "HDMI 0", "max_input_channels": 0, "max_output_channels": 8},
    {"name": "USB Speakerphone", "max_input_channels": 1, "max_output_channels": 2},
    {"name": "kiosklink_ec_source", "max_input_channels": 1, "max_output_channels": 0},
    {"name": "kiosklink_ec_sink", "max_input_channels": 0, "max_output_channels": 2},
]
DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "audio"


def test_the_echo_cancelled_devices_come_first() -> None:
    assert pick_device(DEVICES, "input", True, default=0) == 3
    assert pick_device(DEVICES, "output", True, default=0) == 4


def test_without_echo_cancel_the_default_then_the_first_usable() -> None:
    plain = DEVICES[:3]
    assert pick_device(plain, "output", True, default=2) == 2
    assert pick_device(plain, "input", True, default=1) == 0  # HDMI has no input


def test_a_name_fragment_picks_that_device_or_none() -> None:
    assert pick_device(DEVICES, "input", "speakerphone") == 2
    assert pick_device(DEVICES, "input", "hdmi") is None


def test_not_wanted_or_nothing_present() -> None:
    assert pick_device(DEVICES, "input", False) is None
    assert pick_device([], "input", True) is None


def test_find_device_reports_a_reason_on_this_machine() -> None:
    # This machine has PortAudio but no sound card: either way there is a short reason to report.
    _, reason = find_device("input", True)
    assert reason
    assert find_device("output", False) == (None, "not wanted")


def test_deploy_config_names_the_devices_the_app_looks_for() -> None:
    configs = [p for p in DEPLOY.rglob("*") if p.suffix in {".conf", ".pa"}]
    assert configs, "deploy/audio holds the echo-cancel configuration"
    for config in configs:
        text = config.read_text()
        assert "webrtc" in text, f"{config.name}: the WebRTC canceller"
        assert any(hint in text for hint in ECHO_CANCEL_HINTS), f"{config.name}: device names"
