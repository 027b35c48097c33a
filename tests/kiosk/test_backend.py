"""Pieces of the kiosk backend that need no server: the volume control and the media settings."""

from __future__ import annotations

from fractions import Fraction

import av
import numpy as np

from kiosk.backend import GainSink, media_config
from kiosk.config import KioskSettings


class Collect:
    def __init__(self) -> None:
        self.frames: list[av.AudioFrame] = []

    def play(self, frame: av.AudioFrame) -> None:
        self.frames.append(frame)

    def close(self) -> None:
        pass


def frame(layout: str, samples: int) -> av.AudioFrame:
    channels = 2 if layout == "stereo" else 1
    data = np.full((1, samples * channels), 1000, dtype=np.int16)
    f = av.AudioFrame.from_ndarray(data, format="s16", layout=layout)
    f.sample_rate, f.pts, f.time_base = 48_000, 960, Fraction(1, 48_000)
    return f


def test_volume_scales_the_advisers_voice_and_keeps_timing() -> None:
    sink = Collect()
    gain = GainSink(sink)
    for gain.volume, layout in ((50, "mono"), (100, "stereo"), (0, "mono")):
        gain.play(frame(layout, 960))
    half, full, silent = sink.frames
    assert half.to_ndarray().max() == 500 and half.pts == 960 and half.sample_rate == 48_000
    assert full.to_ndarray().max() == 1000 and full.layout.name == "stereo"
    assert silent.to_ndarray().max() == 0


def test_media_settings_map_to_the_shared_media_config() -> None:
    assert media_config(KioskSettings(camera="none", microphone="none")).camera is None
    assert media_config(KioskSettings(camera="auto")).camera == 0
    assert media_config(KioskSettings(camera="2")).camera == 2
    assert media_config(KioskSettings(camera="/dev/video4")).camera == "/dev/video4"
    config = media_config(KioskSettings(microphone="Jabra"))
    assert config.microphone == "Jabra" and config.speaker is True
