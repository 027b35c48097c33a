"""Pieces of the kiosk backend that need no server: the media settings.

The volume control is the shared call media's (tests/rtc/test_call_media.py)."""

from __future__ import annotations

from kiosk.backend import media_config
from kiosk.config import KioskSettings


def test_media_settings_map_to_the_shared_media_config() -> None:
    assert media_config(KioskSettings(camera="none", microphone="none")).camera is None
    assert media_config(KioskSettings(camera="auto")).camera == 0
    assert media_config(KioskSettings(camera="2")).camera == 2
    assert media_config(KioskSettings(camera="/dev/video4")).camera == "/dev/video4"
    config = media_config(KioskSettings(microphone="Jabra"))
    assert config.microphone == "Jabra" and config.speaker is True
