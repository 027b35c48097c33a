"""What the receiver measures itself, since aiortc's stats do not (../shared/AIORTC.md pitfall 10).

* :class:`VideoMeter`: received fps over a sliding window, resolution, and for stamped frames
  (:mod:`rtc.framecode`) whether counters arrive in order and how old each frame is (glass-to-glass,
  wall clock to wall clock: exact in one process, as good as NTP between machines).
* :class:`AvSyncMeter`: A/V skew from the synthetic sources' markers. Video frame ``n`` is media
  time ``n / fps``; the tone beeps at each whole second of the same clock. The video's offset
  (arrival minus media time) is the median over recent frames; a beep arriving at ``t`` belongs to
  second ``round(t - offset)``, and its own offset minus the video's is the skew. This assumes
  the skew is under half a second, and measures only while stamped video arrives (a real camera
  has no markers).

Pure: times are arguments (seconds, any monotonic origin, the same for audio and video).
"""

from __future__ import annotations

import statistics
from collections import deque
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from rtc.framecode import Stamp, age_ms

BEEP_THRESHOLD = 0.25 * 32767  # the beep peaks near 0.5 full scale, the base tone near 0.06
BEEP_QUIET_S = 0.3  # an onset needs this long below threshold before it


@dataclass(frozen=True)
class VideoFigures:
    fps: float | None
    width: int | None
    height: int | None
    frames: int
    stamped: int
    out_of_order: int
    latency_ms: float | None  # median glass-to-glass over recent stamped frames


class VideoMeter:
    def __init__(self, *, window_s: float = 2.0, keep: int = 300) -> None:
        self._window_s = window_s
        self._arrivals: deque[float] = deque(maxlen=512)
        self._latencies: deque[int] = deque(maxlen=keep)
        self._width: int | None = None
        self._height: int | None = None
        self._last_counter: int | None = None
        self.frames = 0
        self.stamped = 0
        self.out_of_order = 0

    def frame(
        self, now_s: float, width: int, height: int, stamp: Stamp | None, wall_ms: int
    ) -> None:
        """One decoded frame arrived at ``now_s`` (monotonic); ``wall_ms`` is the wall clock now."""
        self.frames += 1
        self._arrivals.append(now_s)
        self._width, self._height = width, height
        if stamp is None:
            return
        self.stamped += 1
        if self._last_counter is not None and stamp.counter <= self._last_counter:
            self.out_of_order += 1
        self._last_counter = stamp.counter
        if stamp.time_ms is not None:
            self._latencies.append(age_ms(stamp.time_ms, wall_ms))

    def fps(self, now_s: float) -> float | None:
        recent = [t for t in self._arrivals if now_s - t <= self._window_s]
        if len(recent) < 2 or recent[-1] <= recent[0]:
            return None
        return (len(recent) - 1) / (recent[-1] - recent[0])

    def figures(self, now_s: float) -> VideoFigures:
        latency = statistics.median(self._latencies) if self._latencies else None
        return VideoFigures(
            fps=self.fps(now_s),
            width=self._width,
            height=self._height,
            frames=self.frames,
            stamped=self.stamped,
            out_of_order=self.out_of_order,
            latency_ms=None if latency is None else float(latency),
        )


class AvSyncMeter:
    def __init__(self, *, keep: int = 60) -> None:
        self._video_offsets: deque[float] = deque(maxlen=90)
        self._skews: deque[float] = deque(maxlen=keep)
        self._quiet_since: float | None = None

    def video(self, counter: int, fps: float, arrival_s: float) -> None:
        self._video_offsets.append(arrival_s - counter / fps)

    def audio(
        self, samples: npt.NDArray[np.int16], channels: int, rate: int, arrival_s: float
    ) -> None:
        """A decoded audio frame, interleaved; its first sample arrived at ``arrival_s``."""
        per_ms = max(1, rate // 1000)
        mono = np.abs(samples.reshape(-1, channels).astype(np.int32)).max(axis=1)
        windows = mono[: len(mono) // per_ms * per_ms].reshape(-1, per_ms).max(axis=1)
        for i, peak in enumerate(windows):
            t = arrival_s + i / 1000
            if peak < BEEP_THRESHOLD:
                if self._quiet_since is None:
                    self._quiet_since = t
                continue
            if self._quiet_since is not None and t - self._quiet_since >= BEEP_QUIET_S:
                self._onset(t)
            self._quiet_since = None

    def _onset(self, t: float) -> None:
        if len(self._video_offsets) < 5:
            return
        video_offset = statistics.median(self._video_offsets)
        second = round(t - video_offset)
        self._skews.append((t - second) - video_offset)

    def skew_ms(self) -> float | None:
        """Median audio-minus-video delay in ms (positive: sound late), None before two beeps."""
        if len(self._skews) < 2:
            return None
        return statistics.median(self._skews) * 1000
