"""Receiver-side figures: fps, order, latency and A/V skew, fed with hand-made arrivals."""

from __future__ import annotations

import numpy as np
import pytest

from rtc.framecode import Stamp
from rtc.media.synthetic import AUDIO_FRAME_SAMPLES, AUDIO_RATE, _one_second_of_tone
from rtc.receive_meter import AvSyncMeter, VideoMeter


def test_fps_resolution_order_and_latency() -> None:
    meter = VideoMeter(window_s=2.0)
    for n in range(61):
        meter.frame(n / 30, 640, 480, Stamp(n, 1000 + n * 33), wall_ms=1040 + n * 33)
    meter.frame(2.1, 640, 480, Stamp(10, None), wall_ms=0)  # a counter from the past
    figures = meter.figures(2.1)
    assert figures.fps == pytest.approx(30, rel=0.1)
    assert (figures.width, figures.height, figures.frames) == (640, 480, 62)
    assert figures.out_of_order == 1
    assert figures.latency_ms == 40


def test_unstamped_frames_count_but_measure_no_latency() -> None:
    meter = VideoMeter()
    meter.frame(0.0, 320, 240, None, wall_ms=0)
    figures = meter.figures(0.0)
    assert (figures.frames, figures.stamped, figures.latency_ms, figures.fps) == (1, 0, None, None)


@pytest.mark.parametrize("audio_late_s", [-0.06, 0.0, 0.045, 0.2])
def test_av_skew_from_beeps_and_counters(audio_late_s: float) -> None:
    meter = AvSyncMeter()
    video_delay, fps = 0.040, 30
    second = _one_second_of_tone()
    stereo = np.repeat(second, 2)  # Opus decodes to interleaved stereo
    for n in range(4 * fps):
        meter.video(n, fps, n / fps + video_delay)
    for m in range(4 * AUDIO_RATE // AUDIO_FRAME_SAMPLES):
        start = (m * AUDIO_FRAME_SAMPLES) % AUDIO_RATE
        block = stereo[2 * start : 2 * (start + AUDIO_FRAME_SAMPLES)]
        arrival = m * AUDIO_FRAME_SAMPLES / AUDIO_RATE + video_delay + audio_late_s
        meter.audio(block, 2, AUDIO_RATE, arrival)
    skew = meter.skew_ms()
    assert skew is not None
    assert skew == pytest.approx(audio_late_s * 1000, abs=2)


def test_no_skew_without_video_markers() -> None:
    meter = AvSyncMeter()
    second = _one_second_of_tone()
    for m in range(150):
        start = (m * AUDIO_FRAME_SAMPLES) % AUDIO_RATE
        meter.audio(second[start : start + AUDIO_FRAME_SAMPLES], 1, AUDIO_RATE, m * 0.02)
    assert meter.skew_ms() is None
