"""The speaker's volume: the far end's voice scaled, its timing untouched."""

from __future__ import annotations

from typing import Any

import av
import numpy as np

from rtc.media.audio import AudioSink


class GainSink:
    """Wraps the speaker: ``volume`` (0-100) scales the far end's voice, timing untouched."""

    def __init__(self, inner: AudioSink, volume: int = 100) -> None:
        self.inner = inner
        self.volume = volume

    def play(self, frame: av.AudioFrame) -> None:
        if self.volume != 100:
            samples: Any = frame.to_ndarray()  # s16 from aiortc's decoder; any dtype works
            scaled = (samples.astype(np.float32) * (self.volume / 100)).astype(samples.dtype)
            new = av.AudioFrame.from_ndarray(
                scaled, format=frame.format.name, layout=frame.layout.name
            )
            new.sample_rate, new.pts, new.time_base = frame.sample_rate, frame.pts, frame.time_base
            frame = new
        self.inner.play(frame)

    def close(self) -> None:
        self.inner.close()
