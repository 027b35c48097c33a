"""Synthetic media: a labelled moving test pattern and a tone with a beep at every whole second.

They stand in for a camera and a microphone when none is present (or none is wanted, as in tests and
benches), and they carry what the receiver needs to measure the call:

* each video frame is stamped (:mod:`rtc.framecode`) with its counter and wall-clock capture
  time, so the receiver checks order and measures glass-to-glass latency;
* frame ``n`` is media time ``n / fps`` and the tone beeps at each whole second of the same
  :class:`~rtc.media.clock.MediaClock`, so the receiver can measure A/V skew (:mod:`rtc.avsync`).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from fractions import Fraction

import av
import cv2
import numpy as np
import numpy.typing as npt
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

from rtc import framecode
from rtc.media.clock import MediaClock, next_index

VIDEO_CLOCK_RATE = 90_000
AUDIO_RATE = 48_000
AUDIO_FRAME_SAMPLES = 960  # 20 ms, one Opus frame
BEEP_S = 0.1
BEEP_HZ = 1000
TONE_HZ = 440
BEEP_LEVEL = 0.5
TONE_LEVEL = 0.06


def wall_ms() -> int:
    return int(time.time() * 1000)


def _test_card(width: int, height: int, label: str) -> npt.NDArray[np.uint8]:
    """Colour bars with the label written large, so nobody mistakes it for a camera."""
    bars = np.array(
        [[192, 192, 192], [0, 192, 192], [192, 192, 0], [0, 192, 0], [192, 0, 192], [0, 0, 192]],
        dtype=np.uint8,
    )
    columns = (np.arange(width) * len(bars)) // width
    card = np.repeat(bars[columns][np.newaxis, :, :], height, axis=0)
    scale = max(0.5, width / 640)
    size, _ = cv2.getTextSize(label, cv2.FONT_HERSHEY_SIMPLEX, 1.4 * scale, 3)
    org = ((width - size[0]) // 2, height // 2 + size[1] // 2)
    cv2.rectangle(card, (0, height // 2 - size[1]), (width, height // 2 + size[1]), (0, 0, 0), -1)
    cv2.putText(card, label, org, cv2.FONT_HERSHEY_SIMPLEX, 1.4 * scale, (255, 255, 255), 3)
    return np.ascontiguousarray(card)


class SyntheticVideoTrack(MediaStreamTrack):
    """A moving, labelled test pattern at ``fps``, each frame stamped with counter and capture time.

    ``frames_sent`` counts frames produced; ``counter`` of frame ``n`` is ``n`` (mod 2**24).
    """

    kind = "video"

    def __init__(
        self,
        width: int = 640,
        height: int = 480,
        fps: int = 30,
        label: str = "TEST PATTERN",
        *,
        clock: MediaClock | None = None,
        wall_clock_ms: Callable[[], int] = wall_ms,
    ) -> None:
        super().__init__()
        self.width, self.height, self.fps, self.label = width, height, fps, label
        self.clock = clock or MediaClock()
        self._wall_ms = wall_clock_ms
        self._card = _test_card(width, height, label)
        self._index = -1
        self.frames_sent = 0

    async def recv(self) -> av.VideoFrame:
        period = 1 / self.fps
        origin = self.clock.origin()
        self._index = next_index(self._index, period, self.clock.now() - origin)
        wait = origin + self._index * period - self.clock.now()
        if wait > 0:
            await asyncio.sleep(wait)
        _raise_if_ended(self)
        frame = av.VideoFrame.from_ndarray(self._draw(self._index), format="rgb24")
        frame.pts = round(self._index * VIDEO_CLOCK_RATE / self.fps)
        frame.time_base = Fraction(1, VIDEO_CLOCK_RATE)
        self.frames_sent += 1
        return frame

    def _draw(self, index: int) -> npt.NDArray[np.uint8]:
        image = self._card.copy()
        side = self.height // 6
        x = (index * 6) % max(1, self.width - side)
        y = self.height - side - self.height // 10
        image[y : y + side, x : x + side] = 255
        framecode.stamp(image, index, self._wall_ms())
        return image


def _raise_if_ended(track: MediaStreamTrack) -> None:
    """A stopped track ends its consumers (aiortc's contract); a MediaRelay reader stops with it."""
    if track.readyState != "live":
        raise MediaStreamError


def _one_second_of_tone() -> npt.NDArray[np.int16]:
    """A quiet 440 Hz tone with a loud 1 kHz beep over its first 100 ms; both loop seamlessly."""
    t = np.arange(AUDIO_RATE) / AUDIO_RATE
    wave = TONE_LEVEL * np.sin(2 * np.pi * TONE_HZ * t)
    beep = t < BEEP_S
    wave[beep] = BEEP_LEVEL * np.sin(2 * np.pi * BEEP_HZ * t[beep])
    return np.asarray(wave * 32767, dtype=np.int16)


class ToneAudioTrack(MediaStreamTrack):
    """48 kHz mono tone, 20 ms frames, a beep starting at every whole second of media time."""

    kind = "audio"

    def __init__(self, *, clock: MediaClock | None = None, label: str = "TEST TONE") -> None:
        super().__init__()
        self.clock = clock or MediaClock()
        self.label = label
        self._second = _one_second_of_tone()
        self._index = -1
        self.frames_sent = 0

    async def recv(self) -> av.AudioFrame:
        period = AUDIO_FRAME_SAMPLES / AUDIO_RATE
        origin = self.clock.origin()
        self._index = next_index(self._index, period, self.clock.now() - origin)
        wait = origin + self._index * period - self.clock.now()
        if wait > 0:
            await asyncio.sleep(wait)
        _raise_if_ended(self)
        start = (self._index * AUDIO_FRAME_SAMPLES) % AUDIO_RATE
        samples = self._second[start : start + AUDIO_FRAME_SAMPLES]
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = AUDIO_RATE
        frame.pts = self._index * AUDIO_FRAME_SAMPLES
        frame.time_base = Fraction(1, AUDIO_RATE)
        self.frames_sent += 1
        return frame
